/**
 * Which Host headers the server answers. A web page on another site can point its own domain
 * name at 127.0.0.1 (DNS rebinding) and then read our pages and model as same-origin; the
 * browser still sends that domain in the Host header, so answering only our own names stops it.
 *
 * @example
 * const allowed = allowedHosts('127.0.0.1', 8080);
 * hostAllowed('localhost:8080', allowed);        // true
 * hostAllowed('evil.example:8080', allowed);     // false
 */
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

/**
 * True for addresses only this machine can reach: 127.0.0.0/8, ::1 and 'localhost'.
 *
 * @example
 * isLoopback('127.0.0.2'); // true
 * isLoopback('0.0.0.0');   // false
 */
export function isLoopback(host: string): boolean {
  const h = unbracket(host.toLowerCase());
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/**
 * The Host header values (lower case, with port) accepted for a server bound to `host`:
 * the loopback names, the bound address itself and, for a wildcard bind (0.0.0.0 or ::), every
 * address of this machine's interfaces and its host name. Port 80 also allows the bare name.
 *
 * @example
 * allowedHosts('::1', 5000); // Set { '127.0.0.1:5000', 'localhost:5000', '[::1]:5000' }
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '::1', unbracket(host.toLowerCase())]);
  if (isWildcard(host)) {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const item of list ?? []) names.add(item.address.toLowerCase().replace(/%.*$/, ''));
    }
  }
  names.delete('0.0.0.0');
  names.delete('::');
  names.delete('');

  const allowed = new Set<string>();
  for (const name of names) {
    const shown = isIP(name) === 6 ? `[${name}]` : name;
    allowed.add(`${shown}:${port}`);
    if (port === 80) allowed.add(shown);
  }
  return allowed;
}

/**
 * True when a request's Host header names this server. A missing header is refused too: every
 * HTTP/1.1 client sends one.
 *
 * @example
 * hostAllowed(req.headers.host, allowed);
 */
export function hostAllowed(header: string | undefined, allowed: Set<string>): boolean {
  if (header === undefined) return false;
  // A fully qualified name may end with a dot ('localhost.:8080'); it is the same name.
  return allowed.has(header.trim().toLowerCase().replace(/\.(?=:\d+$|$)/, ''));
}

function isWildcard(host: string): boolean {
  const h = unbracket(host);
  return h === '' || h === '0.0.0.0' || h === '::' || h === '::0';
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
