import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startProcess, type Server } from './proc.ts';

/*
 * nginx for the benchmark, from an unprivileged config in a temp dir on a loopback port,
 * serving a page's HTML as a static file: the ceiling the site and the edge are measured
 * against. One worker, as `next start` is one process.
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

const temps = (dir: string) => ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${path.join(dir, name)};`).join('\n  ');

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
