import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/*
 * Varnish with the shipped VCL (deploy/varnish.vcl), as `npm run edge`, the
 * edge tests and the benchmark start it: one way, so what is tested is what
 * ships. The per-run part (backends, who may purge) is written into
 * nmn-backends.vcl in a work folder, which the VCL includes.
 */

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const VCL_FILE = path.join(ROOT, 'deploy/varnish.vcl');
const SBIN_DIRS = ['/usr/sbin', '/usr/local/sbin'];

export type Origin = { host: string; port: number };
export type EdgeOptions = {
  port: number;
  origins: Origin[];
  /** Addresses or CIDR ranges allowed to PURGE; loopback always is. */
  trusted?: string[];
  /** The address Varnish listens on (default 127.0.0.1). */
  listen?: string;
  /** Cache size, as Varnish's malloc storage takes it (default 256m). */
  memory?: string;
  /** How often the instances' liveness is probed (default 1s). */
  probeInterval?: string;
};

/** Parses `host:port` (an IPv6 host in brackets), with a message that names the bad value. */
export function parseOrigin(value: string): Origin {
  const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value.trim());
  const port = Number(match?.[2]);
  if (!match || !(port > 0 && port < 65536)) throw new Error(`--origin ${value}: expected host:port, for example 127.0.0.1:3000`);
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

const TRUSTED = /^[0-9a-fA-F.:]+(\/\d{1,3})?$/;

/** The generated include: backends probed for liveness, a round-robin director, the purge ACL. */
export function backendsVcl(options: Pick<EdgeOptions, 'origins' | 'trusted' | 'probeInterval'>): string {
  if (options.origins.length === 0) throw new Error('at least one --origin host:port is needed');
  const interval = options.probeInterval ?? '1s';
  const trusted = ['127.0.0.1', '::1', ...(options.trusted ?? [])];
  for (const entry of trusted) if (!TRUSTED.test(entry)) throw new Error(`--trust ${entry}: expected an IP address or CIDR range`);
  const acl = trusted.map((entry) => {
    const [address, bits] = entry.split('/');
    return `  "${address}"${bits ? `/${bits}` : ''};`;
  });
  // /robots.txt needs no content: a failing content source must not mark an instance down,
  // because its pages are still good (stale-if-error); only a dead process should.
  const backends = options.origins.map(
    (origin, index) => `backend origin${index} {
  .host = "${origin.host}";
  .port = "${origin.port}";
  .connect_timeout = 1s;
  .first_byte_timeout = 30s;
  .probe = { .url = "/robots.txt"; .interval = ${interval}; .timeout = 1s; .window = 3; .threshold = 2; .initial = 2; }
}`,
  );
  const adds = options.origins.map((_origin, index) => `  origins.add_backend(origin${index});`);
  return `${backends.join('\n')}

acl nmn_purgers {
${acl.join('\n')}
}

sub vcl_init {
  new origins = directors.round_robin();
${adds.join('\n')}
}
`;
}

/** varnishd's path, or undefined when Varnish is not installed. */
export function findVarnishd(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...SBIN_DIRS];
  return dirs.map((dir) => path.join(dir, 'varnishd')).find((file) => existsSync(file));
}

/** Whether varnish-modules' xkey is installed (Debian puts vmods under /usr/lib/<arch>/varnish/vmods). */
export function hasXkey(): boolean {
  const lib = '/usr/lib';
  const arches = existsSync(lib) ? readdirSync(lib) : [];
  return arches.some((arch) => existsSync(path.join(lib, arch, 'varnish/vmods/libvmod_xkey.so')));
}

/**
 * Installs Debian's varnish and varnish-modules when either is missing. Only as root
 * (it says so before running apt-get); otherwise explains what to install.
 */
export function ensureVarnish(log: (message: string) => void = console.log): string {
  const found = findVarnishd();
  if (found && hasXkey()) return found;
  const missing = [found ? undefined : 'varnish', hasXkey() ? undefined : 'varnish-modules'].filter(Boolean).join(' ');
  if (process.getuid?.() !== 0) {
    throw new Error(`Varnish is not installed (missing: ${missing}). Install it with: sudo apt-get install -y varnish varnish-modules`);
  }
  log(`edge: installing ${missing} with apt-get (running as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'varnish', 'varnish-modules']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${result.status})`);
  }
  const installed = findVarnishd();
  if (!installed || !hasXkey()) throw new Error('apt-get finished but varnishd or the xkey vmod is still missing');
  return installed;
}

/** The varnishd arguments for a foreground edge on `options.port`, with its work folder. */
export function varnishArgs(options: EdgeOptions, workDir: string): string[] {
  return [
    '-F',
    '-a',
    `${options.listen ?? '127.0.0.1'}:${options.port}`,
    '-f',
    VCL_FILE,
    '-n',
    workDir,
    '-s',
    `malloc,${options.memory ?? '256m'}`,
    '-p',
    `vcl_path=${workDir}:/etc/varnish:/usr/share/varnish/vcl`,
    // A page's keys travel in one header; the default 8 KB limit is too small for 120 tags.
    '-p',
    'http_resp_hdr_len=65536',
    '-p',
    'http_resp_size=131072',
    '-p',
    'workspace_backend=256k',
    // The VCL keeps a gzip and a plain variant as the instances send them (see vcl_recv).
    '-p',
    'http_gzip_support=off',
  ];
}

/** Writes the include and spawns varnishd in the foreground; the caller owns the process. */
export function spawnVarnish(options: EdgeOptions, stdio: 'inherit' | 'pipe' = 'inherit'): { child: ChildProcess; workDir: string } {
  const varnishd = ensureVarnish();
  // Varnish drops privileges to its own users, which must reach the work folder: keep it in /tmp,
  // in a fresh folder of ours (a fixed name run as root would follow a link someone planted there).
  const workDir = mkdtempSync(`/tmp/nmn-edge-${options.port}-`);
  chmodSync(workDir, 0o755);
  writeFileSync(path.join(workDir, 'nmn-backends.vcl'), backendsVcl(options), { mode: 0o644 });
  const child = spawn(varnishd, varnishArgs(options, workDir), { stdio: ['ignore', stdio, stdio] });
  return { child, workDir };
}
