import path from 'node:path';
import { lakeConfigFrom } from './config.ts';
import { startLake } from './start.ts';

/**
 * `npm run lake` (and `npm start`, through scripts/start.ts): the local Content Lake over the
 * embedded dataset. A configuration or start failure exits non-zero with the reason, so a
 * process manager never sees a lake that is up but useless.
 */
try {
  const config = lakeConfigFrom(process.env, path.resolve(import.meta.dirname, '..'));
  const lake = await startLake(config);
  console.log(`content lake listening on ${lake.url} (dataset ${lake.datasetFile}; Studio API host ${config.publicUrl})`);
  const stop = () => {
    lake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`content lake: ${(error as Error).message}`);
  process.exit(1);
}
