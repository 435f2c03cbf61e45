import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * Every sentence the services, the shared rules and the desktop main process say to a person
 * leaves them as a message code (`shared/messages`), so each reader gets it in their language.
 * A thrown AppError or a recorded history line with a bare English sentence fails here, with
 * the place to fix. The command line's own words (electron/cli) are not checked: they are its
 * usage texts, written for the terminal.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHECKED = ['electron/services', 'electron/main', 'electron/server', 'shared'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Line number of an offset, for a message a person can follow to the place. */
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function findings(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of CHECKED.flatMap(sources)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const match of text.matchAll(pattern)) found.push(`${file}:${lineOf(text, match.index)}`);
  }
  return found;
}

describe('what the services say has a code', () => {
  test('no AppError is thrown with a bare sentence', () => {
    // new AppError('bad_input', 'text' | `text` | "text" …)
    expect(findings(/new AppError\(\s*'[a-z_]+',\s*[`'"]/g)).toEqual([]);
  });

  test('no history line is recorded as a bare sentence', () => {
    // recordEvent(db, actor, { …, summary: … }): events give `text: say(…)` instead. events.ts
    // itself writes the English drawing into the row's summary column.
    const calls = findings(/recordEvent\([^;]*?\bsummary\s*:/gs);
    expect(calls.filter((place) => !place.startsWith('electron/services/events.ts:'))).toEqual([]);
  });
});
