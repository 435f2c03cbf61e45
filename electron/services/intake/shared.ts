import { CATALOGUE } from '../../../shared/messages/catalogue';
import { nested, say, type Message, type MessageCode, type MessageParam } from '../../../shared/messages';

/** A field's value before and after a change, as stored in an event's `data.changes`. */
export interface FieldChange {
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The fields whose value differs between `before` and `after` (compared as JSON, so arrays and
 * objects compare by content). Only keys present in `after` are considered.
 */
export function diffFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key] ?? null;
    const now = value ?? null;
    if (JSON.stringify(old) !== JSON.stringify(now)) changes[key] = { before: old, after: now };
  }
  return changes;
}

export function parseJsonList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Case-insensitive, order-keeping de-duplication of names typed by people. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = name.trim().toLocaleLowerCase('en');
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(name.trim());
  }
  return out;
}

/**
 * The names of changed fields as one message ("packaging, cleaned and defects"), each drawn in
 * the reader's language from `<prefix>.<field>`; a field without a wording shows its own name.
 */
export function fieldList(prefix: 'items.field' | 'intake.field', fields: readonly string[]): Message {
  const one = (field: string): MessageParam => {
    const code = `${prefix}.${field}`;
    return code in CATALOGUE ? nested(say(code as MessageCode)) : field;
  };
  return andList(fields.map(one));
}

/** Messages or names joined as the reader's language joins a list ("a, b and c"). */
export function andList(parts: readonly (MessageParam | Message)[]): Message {
  const param = (part: MessageParam | Message): MessageParam =>
    // A term param also has a `code`; a message is the object with a code and no term.
    typeof part === 'object' && 'code' in part && !('term' in part) ? nested(part) : part;
  const [first, ...rest] = parts;
  if (first === undefined) return say('items.fields.one', { a: '' });
  if (rest.length === 0) return say('items.fields.one', { a: param(first) });
  if (rest.length === 1) return say('items.fields.two', { a: param(first), b: param(rest[0]!) });
  return say('items.fields.more', { a: param(first), rest: nested(andList(rest)) });
}

/** Several reasons a row was refused, as one message ("missing SKU; unknown merchant …"). */
export function joinProblems(problems: readonly Message[]): Message {
  const [first, ...rest] = problems;
  if (first === undefined) throw new Error('joinProblems needs at least one problem');
  if (rest.length === 0) return first;
  return say('intake.problems', { first: nested(first), rest: nested(joinProblems(rest)) });
}
