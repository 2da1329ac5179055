/**
 * Writes pictures to disk: the SVG as text and a PNG rendered from it by sharp. Each file is
 * written under a temporary name and renamed, so a reader never sees half a picture.
 *
 * @example
 * await writePicture('out/05-feature-maps', svg); // out/05-feature-maps.svg and .png
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IoError } from '../errors.js';

/** Writes `data` to `path` through a temporary file in the same folder. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw new IoError(`writing ${path}: ${(cause as Error).message}`, { cause });
  }
}

/** Renders an SVG to PNG bytes with sharp (librsvg). */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg), { density: 96 }).png().toBuffer();
}

/** Writes `<base>.svg` and `<base>.png`; returns both paths. */
export async function writePicture(base: string, svg: string): Promise<string[]> {
  await writeFileAtomic(`${base}.svg`, svg);
  await writeFileAtomic(`${base}.png`, await svgToPng(svg));
  return [`${base}.svg`, `${base}.png`];
}
