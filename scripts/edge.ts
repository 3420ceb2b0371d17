import { parseArgs } from 'node:util';
import { parseOrigin, spawnVarnish } from './edge/varnish.ts';

/*
 * `npm run edge -- --port 8080 --origin 127.0.0.1:3000 [--origin host:port …] [--trust 10.0.0.0/8]`
 * Varnish in the foreground with deploy/varnish.vcl in front of the given `next start`
 * instances (docs/scaling.md). Installs Debian's varnish and varnish-modules first when
 * they are missing and this runs as root. Ctrl-C stops it.
 */

const usage =
  'usage: npm run edge -- --port <port> --origin <host:port> [--origin <host:port> …] [--trust <ip or cidr> …] [--listen <address>] [--memory 256m]';

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      origin: { type: 'string', multiple: true },
      trust: { type: 'string', multiple: true },
      listen: { type: 'string' },
      memory: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port ${values.port ?? '(missing)'}: expected a port number\n${usage}`);
  if (!values.origin?.length) throw new Error(`--origin is required\n${usage}`);
  if (values.memory !== undefined && !/^\d+[kmgKMG]?$/.test(values.memory)) throw new Error(`--memory ${values.memory}: expected a size such as 256m`);
  const origins = values.origin.map(parseOrigin);

  const { child, workDir } = spawnVarnish({ port, origins, trusted: values.trust, listen: values.listen, memory: values.memory });
  const listen = values.listen ?? '127.0.0.1';
  console.log(`edge: Varnish on http://${listen}:${port} in front of ${origins.map((o) => `${o.host}:${o.port}`).join(', ')} (work folder ${workDir})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

try {
  main();
} catch (error) {
  console.error(`edge: ${(error as Error).message}`);
  process.exit(1);
}
