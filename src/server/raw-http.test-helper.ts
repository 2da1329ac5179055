/**
 * A raw HTTP/1.1 exchange over a socket to 127.0.0.1, so tests can send exactly the bytes a
 * browser or an attacker would (clients such as fetch clean up '..' before sending).
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `request` as is and reads until the server closes the connection. */
export function rawRequest(port: number, request: string | Buffer, address = '127.0.0.1'):
  Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, address);
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(parse(Buffer.concat(chunks).toString('latin1'))));
    // write, not end: a half-closed socket may be dropped before a slower answer is sent.
    socket.write(request);
  });
}

/** A GET with Connection: close, for Host 127.0.0.1:port unless `host` says otherwise. */
export function rawGet(port: number, target: string, extra = '', host = `127.0.0.1:${port}`):
  Promise<RawResponse> {
  return rawRequest(port,
    `GET ${target} HTTP/1.1\r\nHost: ${host}\r\n${extra}Connection: close\r\n\r\n`);
}

function parse(text: string): RawResponse {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, end < 0 ? text.length : end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: end < 0 ? '' : text.slice(end + 4) };
}
