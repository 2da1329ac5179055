import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mnistTestDigits } from '../explain/mnist-test-digits.test-helper.js';
import { openSession, skipReason, type BrowserSession } from './browser.test-helper.js';

/** Replays a 28x28 digit as mouse strokes: one stroke per run of inked pixels in each row. */
async function drawDigit(s: BrowserSession, pixels: Float32Array): Promise<void> {
  const box = (await s.page.locator('#pad').boundingBox())!;
  const cell = box.width / 28;
  for (let y = 0; y < 28; y++) {
    let x = 0;
    while (x < 28) {
      if (pixels[y * 28 + x]! < 0.5) { x++; continue; }
      const start = x;
      while (x < 28 && pixels[y * 28 + x]! >= 0.5) x++;
      const cy = box.y + (y + 0.5) * cell;
      await s.page.mouse.move(box.x + (start + 0.5) * cell, cy);
      await s.page.mouse.down();
      await s.page.mouse.move(box.x + (x - 0.5) * cell, cy, { steps: 2 });
      await s.page.mouse.up();
    }
  }
}

describe('digit page in Chromium', { skip: skipReason }, () => {
  let s: BrowserSession;

  before(async () => {
    s = await openSession();
    await s.page.goto(`${s.server.url}draw.html`);
    await s.page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  });
  after(async () => { await s?.close(); });

  it('turns a real MNIST test digit, drawn as strokes, back into a similar 28x28 digit', async () => {
    const { pixels } = mnistTestDigits(0, 1)[0]!;
    await drawDigit(s, pixels);
    const seen = (await s.page.getAttribute('body', 'data-digit'))!.split(',').map(Number);
    assert.equal(seen.length, 784);
    // Strokes are thicker and rounder than the pen that wrote the digit, so compare shapes:
    // most of the original's ink must be inked in the redrawn digit too, and little else.
    let both = 0, original = 0, redrawn = 0;
    for (let i = 0; i < 784; i++) {
      const a = pixels[i]! >= 0.5, b = seen[i]! >= 0.5;
      original += Number(a);
      redrawn += Number(b);
      both += Number(a && b);
    }
    const overlap = both / (original + redrawn - both);
    assert.ok(overlap > 0.5, `ink overlap (intersection over union) ${overlap.toFixed(2)}`);
  });

  it('clears the drawing', async () => {
    await s.page.click('#clear');
    assert.equal(await s.page.getAttribute('body', 'data-digit'), '');
    assert.deepEqual(s.consoleErrors, []);
  });
});
