/**
 * Draws the sample illustrations into this folder: <name>.png (1200 × 675) and
 * lqip.json (each image's 20-pixel-wide blur placeholder as a data URI, as
 * Sanity's metadata.lqip). Run once when a pattern changes, then `npm run sample`:
 *
 *   node sanity/sample-content/images/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lakeRipples, pixelsOf, solarField, steppeHorizon, type Pattern } from '../../../scripts/images/patterns.ts';
import { encodePng } from '../../../scripts/images/png.ts';

const here = fileURLToPath(new URL('./', import.meta.url));
const WIDTH = 1200;
const HEIGHT = 675;
const LQIP_WIDTH = 20;
const LQIP_HEIGHT = Math.round((LQIP_WIDTH * HEIGHT) / WIDTH);

const patterns: Record<string, Pattern> = {
  'steppe-horizon.png': steppeHorizon,
  'lake-ripples.png': lakeRipples,
  'solar-field.png': solarField,
};

const lqip: Record<string, string> = {};
for (const [name, pattern] of Object.entries(patterns)) {
  const bytes = encodePng(WIDTH, HEIGHT, pixelsOf(pattern, WIDTH, HEIGHT));
  writeFileSync(join(here, name), bytes);
  lqip[name] = `data:image/png;base64,${encodePng(LQIP_WIDTH, LQIP_HEIGHT, pixelsOf(pattern, LQIP_WIDTH, LQIP_HEIGHT)).toString('base64')}`;
  console.log(`${name}: ${bytes.length} bytes`);
}
writeFileSync(join(here, 'lqip.json'), `${JSON.stringify(lqip, null, 2)}\n`);
