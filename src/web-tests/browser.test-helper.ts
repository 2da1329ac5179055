/**
 * Starts Debian's Chromium (headless, through playwright-core) and our server on 127.0.0.1
 * for the browser tests. When /usr/bin/chromium is absent the tests are skipped with a message
 * saying so; nothing else skips them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { defaultWebRoot, startServer, type RunningServer, type ServerOptions } from '../server/static-server.js';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export const skipReason: string | undefined = existsSync(CHROMIUM) ? undefined
  : `browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`;

export interface BrowserSession {
  readonly server: RunningServer;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** Our server on a free port plus a fresh Chromium profile with one page. */
export async function openSession(options: Partial<ServerOptions> = {}): Promise<BrowserSession> {
  const server = await startServer({ root: defaultWebRoot(), port: 0, ...options });
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return {
    server, context, page, consoleErrors,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
