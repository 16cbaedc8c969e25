// How each figure is measured and printed: the median of RUNS runs, one
// `name value unit` line (machine-readable), kept for target/bench.txt.
import fs from 'node:fs';
import path from 'node:path';

/** Runs per figure (`BENCH_RUNS`, 5 unless set). */
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Details of each run on the console (`BENCH_DEBUG`). */
export const DEBUG = Boolean(process.env.BENCH_DEBUG);

const printed = [];

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of `a[i] / b[i]`: for runs measured in pairs, side by side, a
 *  ratio that a busy moment of the machine, falling on both of a pair, moves less. */
export const pairedRatio = (a, b) => median(a.map((value, i) => value / b[i]));

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Prints `name value unit` (three decimals below 1, two for a ratio, else one),
 *  with `note` as a `#` comment after it, and keeps the line for `writeFigures`. */
export function figure(name, value, unit, note = '') {
  const line = `${name} ${round(value, Math.abs(value) < 1 && value !== 0 ? 3 : unit === 'ratio' ? 2 : 1)} ${unit}`;
  printed.push(line);
  console.log(line + (note ? `    # ${note}` : ''));
}

/** Writes every figure printed so far to `file`, one a line. */
export function writeFigures(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${printed.join('\n')}\n`);
}
