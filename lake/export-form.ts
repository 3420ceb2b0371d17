import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RawDocument } from '../lib/dataset/ndjson.ts';
import { assetDocument, assetFileName, assetId, assetUrl, fileUrlBaseOf, parseAssetFileName, parseAssetId, type AssetName } from './asset-names.ts';
import { alphaFromHeader } from './image-alpha.ts';
import type { LakeDocument } from './types.ts';

/*
 * Between the export form on disk (what `sanity dataset export` writes and the site reads: image
 * fields as `_sanityAsset: "image@file://./images/<file>"`, assets.json, images/) and the Content
 * Lake form (image fields as `asset` references to `sanity.imageAsset` documents). `asset` takes
 * `_sanityAsset`'s place among the keys and back again, so the sample dataset round-trips key
 * for key. (Sanity's own export puts `_sanityAsset` first; this keeps wherever it was.)
 */

const SANITY_ASSET = /^(image|file)@file:\/\/\.\/(images|files)\/([^/]+)$/;
const ASSET_TYPES = new Set(['sanity.imageAsset', 'sanity.fileAsset']);
/** What Sanity's export leaves out of assets.json: what the id, the file and the URL base say again. */
const NOT_IN_ASSETS_JSON = new Set(['_id', '_type', 'assetId', 'extension', 'mimeType', 'path', 'uploadId', 'url']);

type AssetsJson = Record<string, Record<string, unknown> | undefined>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readAssetsJson(folder: string): AssetsJson {
  const file = join(folder, 'assets.json');
  if (!existsSync(file)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return isRecord(parsed) ? (parsed as AssetsJson) : {};
}

function parseSanityAsset(value: unknown): AssetName | null {
  const match = typeof value === 'string' ? SANITY_ASSET.exec(value) : null;
  if (!match || `${match[1]}s` !== match[2]) return null;
  return parseAssetFileName(match[2] as AssetName['kind'], match[3]!);
}

/** Replaces one key of an object by another at the same position. */
function renameKey(record: Record<string, unknown>, from: string, to: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) {
    if (key === from) out[to] = value;
    else out[key] = child;
  }
  return out;
}

function mapDeep(value: unknown, visit: (record: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => mapDeep(item, visit));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = mapDeep(child, visit);
  return visit(out);
}

function builtAsset(name: AssetName, folder: string, urlBase: string, given: Record<string, unknown> | undefined): LakeDocument {
  const filePath = join(folder, name.kind, assetFileName(name));
  const size = statSync(filePath, { throwIfNoEntry: false })?.size;
  const { originalFilename, metadata, ...rest } = given ?? {};
  const extra = Object.fromEntries(Object.entries(rest).filter(([key]) => !NOT_IN_ASSETS_JSON.has(key)));
  const givenMetadata = isRecord(metadata) ? metadata : {};
  const doc = assetDocument(name, urlBase, {
    size,
    originalFilename: typeof originalFilename === 'string' ? originalFilename : undefined,
    metadata: name.kind === 'images' ? { ...alphaFromHeader(filePath, name.extension), ...givenMetadata } : undefined,
  });
  if (name.kind === 'files' && isRecord(metadata)) doc.metadata = metadata;
  Object.assign(doc, extra);
  // The file on disk is the asset: its size wins over what a hand-edited assets.json says.
  if (size !== undefined) doc.size = size;
  return doc;
}

/**
 * The export form read into Content Lake documents: image and file fields become references, and
 * each asset gets its document (every assets.json entry too, so an upload nothing references yet
 * survives a save and a restart). Asset documents already in the NDJSON are kept, pointed at this
 * lake's URL.
 */
export function fromExportForm(docs: RawDocument[], folder: string, imageUrlBase: string): LakeDocument[] {
  const assetsJson = readAssetsJson(folder);
  const urlBase = { images: imageUrlBase, files: fileUrlBaseOf(imageUrlBase) };
  const present = new Set(docs.filter((doc) => ASSET_TYPES.has(doc._type)).map((doc) => doc._id));
  const wanted = new Map<string, AssetName>();

  const rewritten = docs.map((doc): LakeDocument => {
    if (ASSET_TYPES.has(doc._type)) {
      const name = parseAssetId(doc._id);
      return name ? { ...doc, url: assetUrl(urlBase[name.kind], name) } : { ...doc };
    }
    return mapDeep(doc, (record) => {
      const name = parseSanityAsset(record._sanityAsset);
      if (!name) return record;
      const id = assetId(name);
      if (!present.has(id) && !wanted.has(id)) wanted.set(id, name);
      return renameKey(record, '_sanityAsset', 'asset', { _type: 'reference', _ref: id });
    }) as LakeDocument;
  });

  // In assets.json's order first, so writing them back keeps that file as it was.
  const ordered = new Map<string, AssetName>();
  for (const id of Object.keys(assetsJson)) {
    const name = parseAssetId(id);
    if (name && !present.has(id)) ordered.set(id, name);
  }
  for (const [id, name] of wanted) if (!ordered.has(id)) ordered.set(id, name);
  const assets = [...ordered].map(([id, name]) => builtAsset(name, folder, urlBase[name.kind], assetsJson[id]));
  return [...rewritten, ...assets];
}

/** Metadata without what reading it back adds again (the `_type`s, and the alpha facts of a plain PNG or JPEG). */
function exportMetadata(metadata: unknown, extension: string): unknown {
  if (!isRecord(metadata)) return metadata;
  const derivable = metadata.hasAlpha === false && metadata.isOpaque === true && ['png', 'jpg', 'jpeg'].includes(extension);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (key === '_type' && value === 'sanity.imageMetadata') continue;
    if ((key === 'hasAlpha' || key === 'isOpaque') && derivable) continue;
    if (key === 'dimensions' && isRecord(value) && value._type === 'sanity.imageDimensions') {
      out[key] = Object.fromEntries(Object.entries(value).filter(([field]) => field !== '_type'));
    } else out[key] = value;
  }
  return out;
}

/**
 * An asset document as its assets.json entry: Sanity's export leaves out what the id and the URL
 * say; this also leaves out what the file says (sha1hash, size) and what reading it back derives,
 * so a lake over the sample writes the sample's assets.json back byte for byte.
 */
function exportRecord(doc: LakeDocument, name: AssetName): Record<string, unknown> {
  const { originalFilename, metadata, sha1hash, ...rest } = doc;
  const record: Record<string, unknown> = {};
  if (originalFilename !== undefined) record.originalFilename = originalFilename;
  if (metadata !== undefined) record.metadata = exportMetadata(metadata, name.extension);
  if (sha1hash !== undefined && sha1hash !== name.sha1) record.sha1hash = sha1hash;
  for (const [key, value] of Object.entries(rest)) if (!NOT_IN_ASSETS_JSON.has(key) && key !== 'size') record[key] = value;
  return record;
}

/**
 * Content Lake documents written back in export form: asset references become `_sanityAsset`
 * strings and asset documents become assets.json entries (`originalFilename` and `metadata` first,
 * then what else Sanity's export keeps, such as the system timestamps and _rev).
 */
export function toExportForm(docs: LakeDocument[]): { docs: RawDocument[]; assets: Record<string, unknown> } {
  const out: RawDocument[] = [];
  const assets: Record<string, unknown> = {};
  for (const doc of docs) {
    const name = ASSET_TYPES.has(doc._type) ? parseAssetId(doc._id) : null;
    if (name) {
      assets[doc._id] = exportRecord(doc, name);
      continue;
    }
    out.push(
      mapDeep(doc, (record) => {
        const ref = isRecord(record.asset) ? record.asset._ref : undefined;
        const name = typeof ref === 'string' ? parseAssetId(ref) : null;
        if (!name) return record;
        const kind = name.kind === 'images' ? 'image' : 'file';
        return renameKey(record, 'asset', '_sanityAsset', `${kind}@file://./${name.kind}/${assetFileName(name)}`);
      }) as RawDocument,
    );
  }
  return { docs: out, assets };
}
