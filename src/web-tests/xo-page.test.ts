import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LECTURE_FEATURE_MAPS, LECTURE_POOLED, cells } from '../explain/lecture-tables.test-data.js';
import { openSession, skipReason, type BrowserSession } from './browser.test-helper.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('X/O page in Chromium', { skip: skipReason }, () => {
  let s: BrowserSession;

  before(async () => {
    s = await openSession();
    await s.page.goto(s.server.url);
    await s.page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  });
  after(async () => { await s?.close(); });

  async function table(id: string): Promise<string[][]> {
    return s.page.$eval(`#${id} .grid`, (grid) => {
      const texts = Array.from(grid.querySelectorAll('.cell')).map((c) => c.textContent ?? '');
      const width = Math.round(Math.sqrt(texts.length));
      return Array.from({ length: width }, (_, r) => texts.slice(r * width, (r + 1) * width));
    });
  }

  it('shows the lecture\'s three feature maps', async () => {
    for (let i = 0; i < 3; i++) assert.deepEqual(await table(`map-${i}`), cells(LECTURE_FEATURE_MAPS[i]!));
  });

  it('shows the lecture\'s pooled maps', async () => {
    for (let i = 0; i < 3; i++) assert.deepEqual(await table(`pooled-${i}`), cells(LECTURE_POOLED[i]!));
  });

  it('is cross-origin isolated, so SharedArrayBuffer is available', async () => {
    assert.equal(await s.page.evaluate(() => globalThis.crossOriginIsolated), true);
  });

  it('explains a feature-map number when hovered and lights its 3x3 patch', async () => {
    await s.page.hover('#map-0 .cell[data-r="3"][data-c="3"]');
    const text = await s.page.textContent('#arithmetic');
    assert.match(text ?? '', /Row 4, column 4, feature diagonal \\/);
    assert.match(text ?? '', /= 1 \+ 1 − 1 \+ 1 \+ 1 \+ 1 − 1 \+ 1 \+ 1 = 5; 5 \/ 9 = 0\.55$/);
    const lit = await s.page.$$eval('#image .cell.lit', (cs) =>
      cs.map((c) => `${(c as HTMLElement).dataset.r},${(c as HTMLElement).dataset.c}`));
    assert.deepEqual(lit, ['3,3', '3,4', '3,5', '4,3', '4,4', '4,5', '5,3', '5,4', '5,5']);
  });

  it('recomputes the walkthrough for another picture', async () => {
    await s.page.click('#variants figure[data-key="o"]');
    const first = await table('map-1');
    assert.equal(first[0]![0], '0.11');
    await s.page.click('#variants figure[data-key="x"]');
    assert.deepEqual(await table('map-1'), cells(LECTURE_FEATURE_MAPS[1]!));
  });

  it('works the output size for the stride and padding typed in', async () => {
    await s.page.fill('#stride', '3');
    await s.page.fill('#padding', '0');
    assert.equal(await s.page.textContent('#formula'), '(9 + 2×0 − 3) / 3 + 1 = 6 / 3 + 1 = 3');
    assert.equal((await table('stride-map')).length, 3);
  });

  it('loads without errors in the console and saves a screenshot', async () => {
    assert.deepEqual(s.consoleErrors, []);
    mkdirSync(join(repo, 'docs'), { recursive: true });
    await s.page.hover('#map-0 .cell[data-r="3"][data-c="3"]');
    await s.page.locator('#patch-image').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: join(repo, 'docs', 'screenshot.png') });
  });
});
