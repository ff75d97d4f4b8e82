// Number and table formatting for the benchmark report. The tables are Markdown so that a run
// can be pasted into an issue or a note as it is, and padded so that they read in a terminal too.

/** Events per second the way RULER-BASELINE.md writes them: three significant digits. */
export function rate(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '–';
  if (value >= 1e6) return `${(value / 1e6).toPrecision(3)}M`;
  if (value >= 1e3) return `${(value / 1e3).toPrecision(3)}k`;
  return value.toPrecision(3);
}

/** A ratio as a plain factor; two decimals are as much as the noise of one run supports. */
export function ratio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (value >= 100) return `${value.toFixed(0)}×`;
  if (value >= 0.01) return `${value.toFixed(2)}×`;
  return `${value.toPrecision(2)}×`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function micros(seconds: number): string {
  const us = seconds * 1e6;
  return us >= 100 ? us.toFixed(0) : us >= 1 ? us.toFixed(2) : us.toFixed(3);
}

export type Align = 'left' | 'right';

/** A Markdown table whose cells are padded to the widest cell of their column. */
export function table(
  header: readonly string[],
  rows: readonly string[][],
  align: readonly Align[],
): string {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const pad = (cell: string, i: number): string =>
    align[i] === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => pad(cell, i)).join(' | ')} |`;
  const rule = `|${widths
    .map((width, i) => (align[i] === 'right' ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2)))
    .join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
