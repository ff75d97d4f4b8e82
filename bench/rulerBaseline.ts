// event-ruler's figures, read from the Markdown of ../shared/bench/RULER-BASELINE.md. They come
// from another run of another engine (Java, on the JVM), so the bench prints them only beside
// its own same-run ratios, never instead of them. The parser looks for tables by their header
// cells rather than by position, so a reworded paragraph does not break it; what it cannot read
// it leaves out.

import { existsSync, readFileSync } from 'node:fs';

export interface RulerRate {
  readonly median: number;
  readonly min?: number;
  readonly max?: number;
}

export interface RulerRow {
  readonly parseAndMatch?: RulerRate;
  /** `rulesForJSONEvent(JsonNode)`: parsing left out, flattening and matching included. */
  readonly parsedTree?: RulerRate;
  readonly matches?: number;
  readonly eventsMatched?: number;
  readonly buildMs?: number;
}

export interface RulerDigest {
  readonly matches?: number;
  readonly eventsMatched?: number;
  readonly sha256: string;
}

export interface RulerBaseline {
  readonly path: string;
  /** By `<family>-<size>` with the file-name family (`or`, not `$or`). */
  readonly rows: ReadonlyMap<string, RulerRow>;
  readonly digests: ReadonlyMap<string, RulerDigest>;
  /** "JSON parsing alone": Jackson's streaming token scan and ObjectMapper.readTree. */
  readonly tokenScan?: number;
  readonly readTree?: number;
}

export function readRulerBaseline(path: string): RulerBaseline | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const rows = new Map<string, RulerRow>();
  const digests = new Map<string, RulerDigest>();
  for (const table of tables(text)) {
    const column = (test: (name: string) => boolean): number => table.header.findIndex(test);
    const family = column((name) => name === 'family');
    const rules = column((name) => name === 'rules');
    const ruleSet = column((name) => name === 'rule set');
    const matches = column((name) => name === 'matches');
    const eventsMatched = column((name) => name === 'events matched');
    if (family >= 0 && rules >= 0) {
      const pm = column((name) => name.startsWith('parse + match'));
      const tree = column((name) => name.startsWith('match on parsed tree'));
      const build = column((name) => name.startsWith('build ms'));
      for (const cells of table.rows) {
        const name = (cells[family] ?? '').replace(/^\$/, '');
        const size = integer(cells[rules]);
        if (name === '' || size === undefined) continue;
        rows.set(`${name}-${size}`, {
          ...optional('parseAndMatch', rateCell(cells[pm])),
          ...optional('parsedTree', rateCell(cells[tree])),
          ...optional('matches', integer(cells[matches])),
          ...optional('eventsMatched', integer(cells[eventsMatched])),
          ...optional('buildMs', integer(cells[build])),
        });
      }
    } else if (ruleSet >= 0) {
      const sha = column((name) => name.startsWith('sha256'));
      for (const cells of table.rows) {
        const digest = /[0-9a-f]{64}/.exec(cells[sha] ?? '')?.[0];
        if (!digest) continue;
        digests.set((cells[ruleSet] ?? '').replace(/^\$/, ''), {
          sha256: digest,
          ...optional('matches', integer(cells[matches])),
          ...optional('eventsMatched', integer(cells[eventsMatched])),
        });
      }
    }
  }
  const flat = text.replace(/\s+/g, ' ');
  const tokenScan = figure(/streaming token scan \*\*([\d.]+[kM]?)\*\*/.exec(flat)?.[1]);
  const readTree = figure(/readTree`? \*\*([\d.]+[kM]?)\*\*/.exec(flat)?.[1]);
  return {
    path,
    rows,
    digests,
    ...optional('tokenScan', tokenScan),
    ...optional('readTree', readTree),
  };
}

/** `{key: value}` when the value is known, `{}` otherwise (exactOptionalPropertyTypes-proof). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function tables(text: string): Table[] {
  const result: Table[] = [];
  let current: { header: string[]; rows: string[][] } | undefined;
  for (const line of text.split('\n')) {
    if (!line.trimStart().startsWith('|')) {
      current = undefined;
      continue;
    }
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
    if (!current) {
      current = { header: cells.map((cell) => cell.toLowerCase()), rows: [] };
      result.push(current);
    } else if (!cells.every((cell) => /^:?-+:?$/.test(cell))) {
      current.rows.push(cells);
    }
  }
  return result;
}

/** `**317k** (272k–332k)`: the bold median, and the range in brackets if there is one. */
function rateCell(cell: string | undefined): RulerRate | undefined {
  if (!cell) return undefined;
  const median = figure(/\*\*([\d.]+[kM]?)\*\*/.exec(cell)?.[1]);
  if (median === undefined) return undefined;
  const range = /\(([\d.]+[kM]?)\s*[–-]\s*([\d.]+[kM]?)\)/.exec(cell);
  return {
    median,
    ...optional('min', figure(range?.[1])),
    ...optional('max', figure(range?.[2])),
  };
}

function figure(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^([\d.]+)([kM]?)$/.exec(text);
  if (!m) return undefined;
  const scale = m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1;
  return Number(m[1]) * scale;
}

function integer(cell: string | undefined): number | undefined {
  if (cell === undefined) return undefined;
  const digits = cell.replace(/[*,\s]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}
