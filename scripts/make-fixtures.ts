/**
 * Writes the generated test fixtures (`npm run fixtures`): tests/fixtures/hostile/data.ndjson
 * from tests/fixtures/hostile-documents.ts. Tests only read the committed file; run this after
 * changing the documents and commit both.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostileLines } from '../tests/fixtures/hostile-documents.ts';

const file = path.resolve(import.meta.dirname, '../tests/fixtures/hostile/data.ndjson');
mkdirSync(path.dirname(file), { recursive: true });
const lines = hostileLines();
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`fixtures: wrote ${lines.length} lines to ${path.relative(process.cwd(), file)}`);
