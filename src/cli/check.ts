// `gebp check`: findings for each pattern file, one line each, as eslint's unix formatter does.

import * as path from 'node:path';
import { LineIndex, parseJson } from '../engine/json';
import { looksLikePattern } from '../engine/patternShape';
import { Finding, lintPattern } from '../genesys/lint';
import { FoundFile, readText } from './files';
import type { Output } from './main';

export interface CheckOptions {
  readonly json: boolean;
  readonly exitZero: boolean;
  readonly maxPatternSize: number;
}

/**
 * Which of the files found in folders are patterns: `*.eventpattern.json`, anything under an
 * `eventpatterns/` folder, and JSON whose top level reads as a pattern. Files named on the
 * command line are always checked.
 */
export function isPatternFile(file: string, text: string): boolean {
  if (file.endsWith('.eventpattern.json')) return true;
  if (file.split(path.sep).includes('eventpatterns')) return true;
  const parsed = parseJson(text);
  return parsed.ok && looksLikePattern(parsed.root);
}

export function runCheck(
  files: readonly FoundFile[],
  options: CheckOptions,
  output: Output,
): number {
  const report: { file: string; findings: (Finding & { line: number; column: number })[] }[] = [];
  let errors = 0;
  let warnings = 0;
  let checked = 0;
  for (const { file, explicit } of files) {
    const text = readText(file);
    if (!explicit && !isPatternFile(file, text)) continue;
    checked++;
    const { findings } = lintPattern(text, { maxPatternSize: options.maxPatternSize });
    const lines = new LineIndex(text);
    const located = findings.map((finding) => ({ ...finding, ...lines.locate(finding.offset) }));
    report.push({ file, findings: located });
    for (const finding of located) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
      if (!options.json) {
        output.out(`${file}:${finding.line}:${finding.column}: ${finding.severity}: ` +
          `${finding.message} [${finding.code}]`);
      }
    }
  }
  if (options.json) {
    output.out(JSON.stringify({ files: report, errors, warnings }, null, 2));
  } else {
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    output.err(`${plural(checked, 'pattern file')} checked: ${plural(errors, 'error')}, ` +
      `${plural(warnings, 'warning')}`);
  }
  return errors > 0 && !options.exitZero ? 1 : 0;
}
