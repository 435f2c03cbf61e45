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
