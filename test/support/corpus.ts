// The shared corpus of recorded EventBridge outcomes (cases.jsonl), typed.

import * as fs from 'node:fs';
import { referenceFile } from './paths';

export interface CorpusCase {
  id: string;
  api: string;
  expected: 'match' | 'nomatch' | 'invalid';
  error: string | null;
  error_code?: string;
  aws_verified: boolean;
  event_json: string;
  pattern_json: string;
}

export const CASES_FILE = referenceFile('eventbridge', 'cases.jsonl');

export function loadCases(): CorpusCase[] {
  if (!CASES_FILE) return [];
  return fs
    .readFileSync(CASES_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase);
}

export const REASON_PREFIX = 'Event pattern is not valid. Reason: ';

/** Ruler unit-test cases evaluate bare documents, not enveloped events. */
export function needsEnvelope(c: CorpusCase): boolean {
  return c.api === 'TestEventPattern' || c.api === 'PutEvents+Rule' || c.api === 'docs';
}
