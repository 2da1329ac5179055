/**
 * Maps a request path to a file inside one folder, refusing everything that could reach
 * outside it: `..` segments (plain or percent-encoded), backslashes, NUL bytes, and paths that
 * resolve through a symbolic link to somewhere else.
 *
 * @example
 * resolveInside('/srv/web', '/css/page.css');   // { ok: true, file: '/srv/web/css/page.css' }
 * resolveInside('/srv/web', '/%2e%2e/secret');   // { ok: false, status: 403 }
 */
import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/** Decodes and checks `urlPath` (the part of the URL before '?'). Does not touch the disk. */
export function resolveInside(root: string, urlPath: string): Resolved {
  if (!urlPath.startsWith('/')) return { ok: false, status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch (error) {
    if (error instanceof URIError) return { ok: false, status: 400 };
    throw error;
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  const segments = decoded.split('/');
  if (decoded.includes('\\') || segments.some((s) => s === '..' || s === '.')) {
    return { ok: false, status: 403 };
  }
  // '//etc/passwd' has an empty first segment after the leading one: refuse absolute-looking
  // paths rather than letting join() collapse them.
  if (decoded.startsWith('//')) return { ok: false, status: 403 };
  return { ok: true, file: join(root, ...segments) };
}

/** True when `file`, with symbolic links followed, still lies inside `root`. */
export async function staysInside(root: string, file: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return realFile === realRoot || realFile.startsWith(realRoot + sep);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
