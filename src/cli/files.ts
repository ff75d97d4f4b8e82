// Reading the files the CLI is pointed at: patterns, events (.json or .jsonl) and folders.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** Larger inputs are refused with a message rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

export class InputError extends Error {}

export function readText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: is a folder, expected a file`);
  if (stat.size > MAX_INPUT_BYTES) {
    throw new InputError(`${file}: ${stat.size} bytes is more than the ${MAX_INPUT_BYTES} read`);
  }
  const text = fs.readFileSync(file, 'utf8');
  // Editors on Windows like to write a byte-order mark; it is not part of the JSON.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface FoundFile {
  readonly file: string;
  /** Named on the command line rather than found in a folder. */
  readonly explicit: boolean;
}

/** Expands folders into the .json files below them, in a stable order. */
export function collectJsonFiles(paths: readonly string[]): FoundFile[] {
  const files: FoundFile[] = [];
  const visit = (entry: string, explicit: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(entry);
    } catch {
      throw new InputError(`${entry}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      if (!explicit && SKIPPED_FOLDERS.has(path.basename(entry))) return;
      for (const name of fs.readdirSync(entry).sort()) visit(path.join(entry, name), false);
    } else if (explicit || entry.endsWith('.json')) {
      files.push({ file: entry, explicit });
    }
  };
  for (const entry of paths) visit(entry, true);
  return files;
}

export interface EventInput {
  /** Where the event came from, e.g. `events.jsonl:3`. */
  readonly label: string;
  readonly text: string;
}

/** A .jsonl file holds one event per non-blank line; anything else is one event. */
export function readEvents(file: string): EventInput[] {
  const text = readText(file);
  if (!file.endsWith('.jsonl')) return [{ label: file, text }];
  const events: EventInput[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() !== '') events.push({ label: `${file}:${index + 1}`, text: line });
  });
  return events;
}
