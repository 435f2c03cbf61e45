import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AccountCodes, DEFAULT_ACCOUNTS } from '../../../shared/accounting/journal';
import type { ExportResult, ExportSalesInput } from '../../../shared/contract/exports';
import { AppError } from '../../../shared/errors';
import { say } from '../../../shared/messages';
import { makePrivateDirAsync } from '../paths';
import { writeSetting } from '../settings';
import type { Workspace } from '../workspace';
import type { ExportJob } from './protocol';
import { loadedSqliteBinary, runExportJob } from './run';

const ACCOUNTS_KEY = 'accounting.accounts';

/** Where exports go unless the caller (the CLI's --out) names a file. */
export function exportsDir(ws: Workspace): string {
  return path.join(ws.dataDir, 'exports');
}

export async function getAccountCodes(ws: Workspace): Promise<AccountCodes> {
  const row = await ws.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', ACCOUNTS_KEY)
    .executeTakeFirst();
  if (!row) return DEFAULT_ACCOUNTS;
  const invalid = () => new AppError('conflict', say('exports.account_codes_invalid'));
  let saved: unknown;
  try {
    saved = JSON.parse(row.value);
  } catch {
    throw invalid();
  }
  // A setting saved by an older version may lack a newer account: defaults fill the gaps.
  const parsed = AccountCodes.safeParse({ ...DEFAULT_ACCOUNTS, ...(saved as object) });
  if (!parsed.success) throw invalid();
  return parsed.data;
}

export async function setAccountCodes(ws: Workspace, codes: AccountCodes): Promise<AccountCodes> {
  await writeSetting(ws, ACCOUNTS_KEY, codes);
  ws.changed('settings');
  return getAccountCodes(ws);
}

type ExportInput = z.output<typeof ExportSalesInput>;

function defaultFileName(input: ExportInput): string {
  const merchant = input.merchantId === undefined ? '' : `-merchant-${input.merchantId}`;
  const stem = input.format === 'journal' ? 'journal' : 'sales';
  const ext = input.format === 'xlsx' ? 'xlsx' : 'csv';
  return `${stem}-${input.from}_${input.to}${merchant}.${ext}`;
}

export const EXPORT_TASK = 'exports.sales';

/**
 * Writes the sales of a period (optionally one merchant's) in the chosen format, page by page,
 * emitting progress after each page. `file` overrides where it goes (the CLI's --out); by default
 * it is the data folder's exports/ folder, so a renderer never chooses a path on disk.
 *
 * The checks and the folder are done here; the reading and writing run in a worker thread with
 * its own read-only connection to the database (run.ts, worker.ts), so the thread that serves
 * the window — or, in `rebound serve`, everybody — stays free while a big period is written.
 * `signal` stops it between pages; a failed or stopped export leaves no partial file.
 */
export async function exportSales(
  ws: Workspace,
  input: ExportInput,
  options: { readonly file?: string; readonly signal?: AbortSignal } = {},
): Promise<ExportResult> {
  if (input.merchantId !== undefined) {
    const merchant = await ws.kysely
      .selectFrom('merchants')
      .select('id')
      .where('id', '=', input.merchantId)
      .executeTakeFirst();
    if (!merchant)
      throw new AppError('not_found', say('exports.no_merchant', { id: String(input.merchantId) }));
  }
  const file = path.resolve(options.file ?? path.join(exportsDir(ws), defaultFileName(input)));
  // The data folder's exports/ is owner-only like the rest of it; a folder named with --out is the user's.
  if (options.file) await fs.promises.mkdir(path.dirname(file), { recursive: true });
  else await makePrivateDirAsync(path.dirname(file));

  const common = {
    ...(ws.db.engine === 'sqlite'
      ? {
          engine: 'sqlite' as const,
          database: path.resolve(ws.db.sqlite.name),
          nativeBinding: loadedSqliteBinary(),
        }
      : { engine: 'postgres' as const, database: ws.db.url, nativeBinding: null }),
    file,
    locale: input.locale,
    filter: { from: input.from, to: input.to, merchantId: input.merchantId },
  };
  let job: ExportJob;
  switch (input.format) {
    case 'csv':
    case 'xlsx':
      job = { ...common, format: input.format };
      break;
    case 'journal':
      job = { ...common, format: 'journal', accounts: await getAccountCodes(ws) };
      break;
    default: {
      const never: never = input.format;
      throw new AppError('bad_input', say('exports.unknown_format', { format: String(never) }));
    }
  }

  const written = await runExportJob(
    job,
    (done, total) => ws.emit({ type: 'progress', task: EXPORT_TASK, done, total }),
    { signal: options.signal },
  );
  return {
    file,
    fileName: path.basename(file),
    format: input.format,
    rows: written.rows,
    lines: written.lines,
    bytes: written.bytes,
  };
}
