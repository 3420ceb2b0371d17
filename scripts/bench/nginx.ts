import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startProcess, type Server } from './proc.ts';

/*
 * nginx for the benchmark, from unprivileged configs in a temp dir on loopback ports:
 * one serving a page's HTML as a static file (the ceiling), and deploy/nginx.conf
 * (the caching reverse proxy, when the repository has it) pointed at the bench's
 * `next start`. Both with one worker, as `next start` is one process.
 */

function start(dir: string, conf: string, port: number, readyPath: string): Promise<Server> {
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  return startProcess('nginx', ['-p', dir, '-c', file, '-g', 'daemon off;'], {
    cwd: dir,
    env: process.env,
    readyUrl: `http://127.0.0.1:${port}${readyPath}`,
    url: `http://127.0.0.1:${port}`,
  });
}

const temps = (dir: string) =>
  ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${path.join(dir, name)};`).join('\n  ');

export function startStaticNginx(dir: string, port: number, html: string): Promise<Server> {
  mkdirSync(path.join(dir, 'www'), { recursive: true, mode: 0o755 });
  writeFileSync(path.join(dir, 'www/article.html'), html, { mode: 0o644 });
  const conf = `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  ${temps(dir)}
  access_log off;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    location = /article { default_type text/html; try_files /article.html =404; }
  }
}
`;
  return start(dir, conf, port, '/article');
}

export const PROXY_CONFIG = 'deploy/nginx.conf';

/**
 * deploy/nginx.conf with its ports and paths moved into the temp dir and its upstream
 * pointed at the given `next start` ports; undefined when the file is absent.
 */
export function cachingProxyConfig(root: string, dir: string, port: number, upstreamPorts: number[]): string | undefined {
  const file = path.join(root, PROXY_CONFIG);
  if (!existsSync(file)) return undefined;
  let upstreamDone = false;
  return readFileSync(file, 'utf8')
    .replace(/^\s*worker_processes[^;]*;/m, 'worker_processes 1;')
    .replace(/^\s*pid [^;]*;/m, `pid ${dir}/nginx.pid;`)
    .replace(/\/tmp\/nmn-nginx-([a-z]+)/g, `${dir}/$1`)
    .replace(/access_log [^;]*;/g, 'access_log off;')
    // A spawned process's stderr is a socket, which nginx cannot open by path.
    .replace(/error_log \/dev\/stderr/g, `error_log ${dir}/error.log`)
    .replace(/^(\s*)server 127\.0\.0\.1:\d+[^;]*;\n/gm, (_line, indent: string) => {
      if (upstreamDone) return '';
      upstreamDone = true;
      return upstreamPorts.map((upstream) => `${indent}server 127.0.0.1:${upstream};\n`).join('');
    })
    .replace(/listen \d+;/, `listen 127.0.0.1:${port};`);
}

export function startCachingProxy(dir: string, conf: string, port: number, readyPath: string): Promise<Server> {
  mkdirSync(dir, { recursive: true });
  return start(dir, conf, port, readyPath);
}
