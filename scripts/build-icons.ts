/**
 * Makes the site's icons from its logo (public/logo.png, 512 px): the tab icon,
 * Apple's home-screen icon and /favicon.ico, which Next.js serves from app/.
 * Run after changing the logo: `npm run icons`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { encodeIco } from './images/ico.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const logo = join(root, 'public/logo.png');

const png = (size: number, opaque = false) => {
  const image = sharp(logo).resize(size, size, { kernel: 'lanczos3' });
  // Apple fills a transparent icon with black: flatten onto the logo's own dark ground.
  return (opaque ? image.flatten({ background: '#141414' }) : image).png({ compressionLevel: 9 }).toBuffer();
};

writeFileSync(join(root, 'app/icon.png'), await png(192));
writeFileSync(join(root, 'app/apple-icon.png'), await png(180, true));
writeFileSync(join(root, 'app/favicon.ico'), encodeIco(await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await png(size) })))));
console.log('icons: wrote app/icon.png, app/apple-icon.png, app/favicon.ico');
