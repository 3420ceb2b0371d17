import { realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { resolveDatasetFile } from '../dataset/ndjson.ts';
import { contentSourceFrom, mediaCacheFolder, type ServerEnv } from '../env.ts';
import { contentTypeOfExtension, MEDIA_FILE_NAME } from './media-format.ts';

/*
 * Which file /media/<name> may serve: only an image directly inside the
 * embedded dataset's `images/` folder, named the way `sanity dataset export`
 * names them (MEDIA_FILE_NAME, so `..`, encoded separators and absolute paths
 * never reach the disk); the realpath check also refuses a symlink pointing out
 * of the folder.
 */

export type MediaFolders = { imagesFolder: string; cacheDir: string };

/**
 * Where /media reads the embedded dataset's images and keeps their resized copies; null when
 * Sanity is the source (its CDN serves the images) or the dataset file cannot be found.
 */
export function embeddedMediaFolders(env: ServerEnv): MediaFolders | null {
  const config = contentSourceFrom(env);
  if (config.kind !== 'embedded') return null;
  try {
    return { imagesFolder: datasetImagesFolder(config.datasetPath), cacheDir: mediaCacheFolder(env) };
  } catch {
    return null;
  }
}

/** The images folder of an embedded dataset (a `data.ndjson` file or its folder). */
export function datasetImagesFolder(datasetPath: string): string {
  return join(dirname(resolveDatasetFile(datasetPath)), 'images');
}

/** The absolute path and content type for a requested name, or null when it must be a 404. */
export function mediaFile(imagesFolder: string, name: string): { path: string; contentType: string } | null {
  const match = MEDIA_FILE_NAME.exec(name);
  if (!match) return null;
  const contentType = contentTypeOfExtension(match[2] ?? '');
  if (!contentType) return null;
  let folder: string;
  let path: string;
  try {
    folder = realpathSync(imagesFolder);
    path = realpathSync(join(imagesFolder, name));
  } catch {
    return null;
  }
  if (dirname(path) !== folder || !path.startsWith(folder + sep)) return null;
  return { path, contentType };
}
