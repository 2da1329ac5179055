/**
 * The local web server behind `convnet serve`: the pages and browser bundle from one folder,
 * plus a tiny API (`/api/info`, `/api/model.h5`). It listens on 127.0.0.1 unless told
 * otherwise, answers GET and HEAD only, and sends the two headers that make the page
 * cross-origin isolated, which browsers require before they offer SharedArrayBuffer (and so
 * a shared WebAssembly heap).
 *
 * @example
 * const server = await startServer({ root: 'dist/web', port: 0 });
 * console.log(server.url); // http://127.0.0.1:40123/
 * await server.close();
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from '../log.js';
import { IoError } from '../errors.js';
import { allowedHosts, hostAllowed, isLoopback } from './allowed-hosts.js';
import { contentType } from './content-types.js';
import { resolveInside, staysInside } from './safe-path.js';

export interface ServerOptions {
  /** Folder with the pages and bundles. */
  root: string;
  /**
   * Default '127.0.0.1'. Any address outside 127.0.0.0/8 and ::1 is reachable from other
   * machines, with a warning.
   */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** A Keras .h5 model to hand to the pages at /api/model.h5. */
  modelPath?: string;
  /**
   * What /api/info says about the model, e.g. 'model.h5'; default: the file name of
   * `modelPath`. A label for the page, so never pass a full path (it would tell every reader
   * where the user keeps files).
   */
  modelName?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';

/** Headers on every response, errors included. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

const REASONS: Record<number, string> = {
  400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  421: 'Misdirected Request', 500: 'Internal Server Error',
};

/** Starts listening; resolves once the port is bound. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? LOOPBACK;
  if (!isLoopback(host)) {
    log.warn(`serve: listening on ${host}, not only on this machine (127.0.0.1): anyone who ` +
      'can reach this address can read the pages and the model');
  }
  let allowed = new Set<string>();
  const server = createServer((req, res) => {
    if (!hostAllowed(req.headers.host, allowed)) return refuseHost(req, res);
    handle(req, res, options).catch((error: unknown) => {
      log.error(`serve: ${req.method} ${req.url}: ${(error as Error).message}`);
      if (!res.headersSent) send(res, 500, REASONS[500]!);
      else res.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // Malformed request line, bad header, headers over the size limit: answer and hang up.
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large'
      : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  await listen(server, options.port ?? 8080, host);

  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(host, port);
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`, host, port,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException): void => reject(listenError(error, port, host));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

// The usual reasons a port cannot be bound, said in words with the way out.
function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const where = `serve: cannot listen on ${host} port ${port}`;
  const other = port === 65535 ? port - 1 : port + 1;
  if (error.code === 'EADDRINUSE') {
    return new IoError(`${where}: the port is already in use (another server, or another ` +
      `'convnet serve'?). Choose another with --port ${other}, or --port 0 to let the system ` +
      'pick a free one.', { cause: error });
  }
  if (error.code === 'EACCES') {
    return new IoError(`${where}: permission denied (ports below 1024 need administrator ` +
      `rights). Choose a port from 1024 up, such as --port 8080, or --port 0.`, { cause: error });
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new IoError(`${where}: ${host} is not an address of this machine. Leave out --host ` +
      'to listen on 127.0.0.1.', { cause: error });
  }
  return error;
}

// 421: the request names another server, as a DNS-rebinding page's requests do.
function refuseHost(req: IncomingMessage, res: ServerResponse): void {
  const host = req.headers.host ?? '(none)';
  send(res, 421, `Misdirected Request: this server answers only requests for its own ` +
    `address, not for Host '${host.slice(0, 200)}'. Open the address convnet serve printed.`);
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ServerOptions):
  Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, REASONS[405]!);
  }
  const rawPath = (req.url ?? '').split('?')[0]!;
  if (rawPath === '/api/info') {
    const model = options.modelPath === undefined ? null
      : options.modelName ?? basename(options.modelPath);
    return send(res, 200, JSON.stringify({ model }), 'application/json; charset=utf-8');
  }
  if (rawPath === '/api/model.h5') {
    if (options.modelPath === undefined) return send(res, 404, 'no model given to convnet serve');
    return sendFile(req, res, options.modelPath);
  }
  if (rawPath.startsWith('/api/')) return send(res, 404, REASONS[404]!);

  const resolved = resolveInside(options.root, rawPath.endsWith('/') ? `${rawPath}index.html` : rawPath);
  if (!resolved.ok) return send(res, resolved.status, REASONS[resolved.status]!);
  if (!await staysInside(options.root, resolved.file)) return send(res, 404, REASONS[404]!);
  return sendFile(req, res, resolved.file);
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return send(res, 404, REASONS[404]!);
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return send(res, 404, REASONS[404]!);
    throw error;
  }
  res.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': contentType(file), 'Content-Length': size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', (error) => {
      log.warn(`serve: reading ${file}: ${error.message}`);
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

function send(res: ServerResponse, status: number, body: string,
  type = 'text/plain; charset=utf-8'): void {
  const bytes = Buffer.from(body);
  res.writeHead(status, { ...ISOLATION_HEADERS, 'Content-Type': type, 'Content-Length': bytes.length });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

/** The folder of pages and bundles in this package (dist/web, next to dist/server). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../web/', import.meta.url));
}
