// Reading the files the CLI is pointed at: patterns, events (.json or .jsonl) and folders.
// Folders may hold anything: symlink loops, dangling links, FIFOs and devices are skipped with
// a note instead of hanging or aborting the run.

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
  } catch (e) {
    throw new InputError(`${file}: ${describeFsError(e)}`);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: is a folder, expected a file`);
  // FIFOs and devices report size 0 and can block or never end: only plain files are read.
  if (!stat.isFile()) throw new InputError(`${file}: not a regular file`);
  if (stat.size > MAX_INPUT_BYTES) {
    throw new InputError(
      `${file}: ${stat.size} bytes; files over ${MAX_INPUT_BYTES / 1024 / 1024} MiB are not read`,
    );
  }
  const text = fs.readFileSync(file, 'utf8');
  // Editors on Windows like to write a byte-order mark; it is not part of the JSON.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EACCES':
      return 'permission denied';
    default:
      return code ?? String(e);
  }
}

export interface FoundFile {
  readonly file: string;
  /** Named on the command line rather than found in a folder. */
  readonly explicit: boolean;
}

/**
 * Expands folders into the .json files below them, in a stable order. `skipped` receives what
 * a folder held that could not be read (reported, never fatal); a named path that does not
 * exist is an error.
 */
export function collectJsonFiles(
  paths: readonly string[],
  skipped: (note: string) => void = () => {},
): FoundFile[] {
  const files: FoundFile[] = [];
  const visitedFolders = new Set<string>();
  const visit = (entry: string, explicit: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(entry);
    } catch (e) {
      if (explicit) throw new InputError(`${entry}: ${describeFsError(e)}`);
      skipped(`${entry}: ${describeFsError(e)}, skipped`);
      return;
    }
    if (stat.isDirectory()) {
      if (!explicit && SKIPPED_FOLDERS.has(path.basename(entry))) return;
      // A link back up the tree would otherwise be walked until the path is too long.
      const real = fs.realpathSync(entry);
      if (visitedFolders.has(real)) {
        skipped(`${entry}: a link to a folder already checked (${real}), skipped`);
        return;
      }
      visitedFolders.add(real);
      for (const name of fs.readdirSync(entry).sort()) visit(path.join(entry, name), false);
    } else if (explicit) {
      files.push({ file: entry, explicit });
    } else if (entry.endsWith('.json')) {
      if (stat.isFile()) files.push({ file: entry, explicit });
      else skipped(`${entry}: not a regular file, skipped`);
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

/** Files holding one event per line. */
const LINE_FILE = /\.(jsonl|ndjson)$/i;

/** A .jsonl/.ndjson file holds one event per non-blank line; anything else is one event. */
export function readEvents(file: string): EventInput[] {
  const text = readText(file);
  if (!LINE_FILE.test(file)) return [{ label: file, text }];
  const events: EventInput[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() !== '') events.push({ label: `${file}:${index + 1}`, text: line });
  });
  if (events.length === 0) throw new InputError(`${file}: no events (every line is blank)`);
  return events;
}
