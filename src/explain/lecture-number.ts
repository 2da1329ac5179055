/**
 * Numbers the way the lecture prints them: two decimals, CUT (truncated toward zero), not
 * rounded. 5/9 = 0.5555… prints as 0.55 and 7/9 = 0.777… as 0.77, where rounding would give
 * 0.56 and 0.78. Exact zeros print as a bare "0", as in the lecture's ReLU tables.
 *
 * @example
 * formatLectureNumber(5 / 9);  // '0.55'
 * formatLectureNumber(-1 / 9); // '-0.11'
 * formatLectureNumber(1);      // '1.00'
 * formatLectureNumber(0);      // '0'
 */
export function formatLectureNumber(value: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);

  // float32 results sit a hair off the decimal they stand for (0.51 is 0.50999999); settle
  // them at 6 decimals first so that the cut removes digits, not rounding noise.
  const hundredths = Math.trunc(Math.round(value * 1e6) / 1e4);
  const sign = value < 0 ? '-' : '';
  return sign + (Math.abs(hundredths) / 100).toFixed(2);
}
