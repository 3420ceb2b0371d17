import { readFileSync } from 'node:fs';

/*
 * The importer takes text only. A picture, a PDF or a document saved in
 * another encoding is refused before it is parsed, with the file and the
 * reason named, so nothing in the dataset changes: decoded leniently, a PNG
 * once became an article headed "\uFFFDPNG" with NULs in its body.
 */

// Well-known signatures, only to name what the file looks like in the message.
const SIGNATURES: [kind: string, bytes: number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (a .docx or .odt is one)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['UTF-16 text', [0xff, 0xfe]],
  ['UTF-16 text', [0xfe, 0xff]],
];

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

function looksLike(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(([, signature]) => signature.every((byte, index) => bytes[index] === byte))?.[0];
}

function refuse(file: string, reason: string): Error {
  return new Error(`${file}: ${reason}. Nothing was imported.`);
}

/** The file's text, or an error naming the file and why it is not importable text. */
export function decodeArticleText(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw refuse(file, 'the file is empty');
  const kind = looksLike(bytes);
  const hint = kind ? ` (it looks like a ${kind})` : '';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(file, `not UTF-8 text${hint}: import plain text (.txt) or Markdown (.md) saved as UTF-8`);
  }
  const control = CONTROL.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split(/\r\n|\r|\n/u).length;
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw refuse(file, `line ${line} holds the control character U+${code}${hint}: only text, tabs and line breaks can be imported`);
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') throw refuse(file, 'the file holds only white space');
  return text;
}

/** Reads an article file as text; see decodeArticleText for what is refused. */
export function readArticleFile(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return decodeArticleText(file, bytes);
}
