import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LECTURE_FEATURE_MAPS, LECTURE_POOLED, LECTURE_RELU, cells } from './lecture-tables.test-data.js';
import { xoReport } from './text-report.js';

/** The lines of one section, from its '== N.' heading to the next. */
function section(report: string, n: number): string[] {
  const lines = report.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`== ${n}.`));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('== '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Splits the side-by-side table block (after the title line) into one table per map. */
function tables(lines: string[], count: number): string[][][] {
  const rows = lines.slice(1).map((l) => l.trim().split(/\s+/))
    .filter((r) => r.every((c) => /^-?[0-9.]+$/.test(c)));
  const width = rows[0]!.length / count;
  return Array.from({ length: count }, (_, m) => rows.map((r) => r.slice(m * width, (m + 1) * width)));
}

describe('xoReport', () => {
  const report = xoReport();

  it('prints the three feature maps exactly as the lecture\'s tables', () => {
    const printed = tables(section(report, 5), 3);
    printed.forEach((t, i) => assert.deepEqual(t, cells(LECTURE_FEATURE_MAPS[i]!)));
  });

  it('prints the pooled maps and the ReLU maps as the lecture\'s tables', () => {
    tables(section(report, 6), 3).forEach((t, i) => assert.deepEqual(t, cells(LECTURE_POOLED[i]!)));
    tables(section(report, 7), 3).forEach((t, i) => assert.deepEqual(t, cells(LECTURE_RELU[i]!)));
  });

  it('says that numbers are cut, not rounded', () => {
    assert.match(report, /two decimals, CUT, not rounded/);
  });

  it('shows the nine products, their sum and the division by 9', () => {
    const text = section(report, 4).join('\n');
    assert.match(text, /1 \+ 1 − 1 \+ 1 \+ 1 \+ 1 − 1 \+ 1 \+ 1 = 5/);
    assert.match(text, /5 \/ 9 = 0\.55/);
  });

  it('shows the votes as weighted sums giving X .92 and O .51', () => {
    const text = section(report, 9).join('\n');
    assert.match(text, /X = 0\.25 × 0\.90 \+ 0\.25 × 0\.96 \+ 0\.25 × 0\.89 \+ 0\.25 × 0\.94 = 0\.92/);
    assert.match(text, /O = .* = 0\.51/);
    assert.match(text, /are ours/);
  });

  it('works the output size for the chosen stride and padding', () => {
    const text = section(xoReport({ stride: 2, padding: 1 }), 10).join('\n');
    assert.match(text, /\(9 \+ 2×1 − 3\) \/ 2 \+ 1 = 8 \/ 2 \+ 1 = 5/);
    assert.match(text, /a 5x5 feature map/);
    const odd = section(xoReport({ stride: 4 }), 10).join('\n');
    assert.match(odd, /6 \/ 4 \+ 1 = 2\.50 → 2/);
  });

  it('uses ANSI colours only when asked', () => {
    assert.doesNotMatch(report, /\x1b\[/);
    assert.match(xoReport({ color: true }), /\x1b\[32m/);
  });
});
