/**
 * A server database's address, read without loading the driver: the command line checks one
 * before it opens anything (cli/common.ts).
 */

/** Whether an address names a PostgreSQL database (postgres:// or postgresql://, as libpq takes). */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//.test(text);
}

/** postgres://user:secret@host/db → postgres://user:***@host/db, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given address';
  }
}
