import type { ControlledTransaction } from 'kysely';
import type {
  ImportEncoding,
  ImportPreview,
  ImportRowError,
  ImportSeparator,
} from '../../../shared/contract/intake';
import { AppError } from '../../../shared/errors';
import type { Database } from '../db/schema';
import type { Workspace } from '../workspace';
import { checkStructure, isBlankRecord, prepareFile, readRecords, type PreparedFile } from './csv';
import { headerKey } from './values';
import { nested, say, type Message, type StoredMessage } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';

/**
 * What both CSV imports (return notices, product catalogues) share: decoding, the header and
 * its mapping, reading row by row, and writing in batches.
 *
 * Atomicity: each row is all-or-nothing (a savepoint around its writes: a product it creates,
 * its item, their events), and rows are committed in batches of BATCH_SIZE in one transaction.
 * A row that fails leaves nothing behind and the batch goes on; a crash or a power cut mid-file
 * leaves whole rows of whole batches only, and since the imports are idempotent, importing the
 * same file again completes it without duplicates. Batches also keep the database free for the
 * desk between them: a 100,000-row import does not freeze the app.
 */

export const BATCH_SIZE = 500;

/** A bad row: the reason is shown to the person with the row's line number, in their language. */
export class RowProblem extends Error {
  constructor(readonly text: Message) {
    super(englishText(text));
    this.name = 'RowProblem';
  }
}

export type RowCells<F extends string> = Readonly<Partial<Record<F, string>>>;

export interface ImportSpec<F extends string, O extends string> {
  readonly task: string;
  readonly fields: readonly F[];
  readonly suggest: (header: readonly string[]) => Partial<Record<F, string>>;
  readonly mapping: Readonly<Partial<Record<F, string | null>>> | undefined;
  /** Refuses a mapping that lacks a column the import cannot do without (AppError). */
  readonly checkColumns: (mapped: ReadonlySet<F>) => void;
  /** Called at the start of each batch, inside its transaction. */
  readonly beginBatch?: (trx: ControlledTransaction<Database>) => Promise<void>;
  /**
   * Validates and writes one row inside its savepoint; returns what happened to it, or throws
   * RowProblem (or AppError) with the reason it was refused.
   */
  readonly row: (trx: ControlledTransaction<Database>, cells: RowCells<F>, line: number) => Promise<O>;
}

export interface ImportOutcome<O extends string> {
  readonly encoding: ImportEncoding;
  readonly separator: ImportSeparator;
  readonly rows: number;
  readonly counts: Readonly<Record<O, number>>;
  readonly errors: readonly ImportRowError[];
}

/** For each field, the index of the column the mapping (or the suggestion) chose. */
function resolveColumns<F extends string>(
  header: readonly string[],
  fields: readonly F[],
  mapping: Readonly<Partial<Record<F, string | null>>>,
): Map<F, number> {
  const columns = new Map<F, number>();
  for (const field of fields) {
    const name = mapping[field];
    if (name === undefined || name === null || name.trim() === '') continue;
    let index = header.findIndex((h) => h.trim() === name.trim());
    if (index < 0) index = header.findIndex((h) => headerKey(h) === headerKey(name));
    if (index < 0) {
      throw new AppError(
        'bad_input',
        say('intake.csv.column_not_found', { column: name, field, columns: header.join(', ') }),
      );
    }
    columns.set(field, index);
  }
  return columns;
}

export function bytesOf(input: { base64?: string | undefined; text?: string | undefined }): Uint8Array {
  if (input.text !== undefined) return new TextEncoder().encode(input.text);
  return Buffer.from(input.base64 ?? '', 'base64');
}

async function firstRecords(prepared: PreparedFile, count: number) {
  const records: { line: number; fields: readonly string[] }[] = [];
  for await (const record of readRecords(prepared.text, prepared.separator)) {
    if (isBlankRecord(record.fields)) continue;
    records.push(record);
    if (records.length >= count) break;
  }
  return records;
}

/** What the file looks like and how its columns would be read, before importing anything. */
export async function previewFile<F extends string>(
  input: { base64?: string | undefined; text?: string | undefined; rows: number },
  suggest: (header: readonly string[]) => Partial<Record<F, string>>,
  required: (mapped: ReadonlySet<F>) => F[],
): Promise<ImportPreview> {
  const prepared = prepareFile(bytesOf(input));
  const records = checkStructure(prepared.text, prepared.separator);
  const [header, ...rows] = await firstRecords(prepared, input.rows + 1);
  if (!header) throw new AppError('bad_input', say('intake.csv.no_header'));
  const names = header.fields.map((f) => f.trim());
  const mapping = suggest(names);
  const used = new Set(Object.values(mapping) as string[]);
  return {
    encoding: prepared.decoded.encoding,
    bom: prepared.decoded.bom,
    separator: prepared.separator,
    header: names,
    rows: rows.map((r) => ({ line: r.line, fields: r.fields })),
    rowCount: Math.max(0, records - 1),
    mapping,
    missing: required(new Set(Object.keys(mapping) as F[])),
    unmapped: names.filter((name) => !used.has(name)),
  };
}

export async function runImport<F extends string, O extends string>(
  ws: Workspace,
  base64: string,
  spec: ImportSpec<F, O>,
  outcomes: readonly O[],
): Promise<ImportOutcome<O>> {
  const prepared = prepareFile(Buffer.from(base64, 'base64'));
  const total = Math.max(0, checkStructure(prepared.text, prepared.separator) - 1);
  const counts = Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<O, number>;
  const errors: ImportRowError[] = [];
  let columns: Map<F, number> | null = null;
  let rows = 0;
  let done = 0;
  let batch: { line: number; fields: readonly string[] }[] = [];

  const flush = async () => {
    if (batch.length === 0 || columns === null) return;
    const cols = columns;
    const trx = await ws.kysely.startTransaction().execute();
    try {
      await spec.beginBatch?.(trx);
      for (const record of batch) {
        const cells: Partial<Record<F, string>> = {};
        for (const [field, index] of cols) cells[field] = (record.fields[index] ?? '').trim();
        const savepoint = await trx.savepoint('row').execute();
        try {
          const outcome = await spec.row(trx, cells, record.line);
          await savepoint.releaseSavepoint('row').execute();
          counts[outcome] += 1;
        } catch (error) {
          const rolledBack = await savepoint.rollbackToSavepoint('row').execute();
          await rolledBack.releaseSavepoint('row').execute();
          const text = reasonOf(error);
          errors.push({ line: record.line, reason: englishText(text), text });
        }
      }
      await trx.commit().execute();
    } catch (error) {
      await trx.rollback().execute();
      const first = batch[0]!.line;
      throw new AppError(
        'internal',
        say('intake.import_stopped', { line: first, reason: nested(reasonOf(error)) }),
      );
    }
    done += batch.length;
    batch = [];
    ws.emit({ type: 'progress', task: spec.task, done, total });
    // Let the desk's own requests in between two batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };

  for await (const record of readRecords(prepared.text, prepared.separator)) {
    if (columns === null) {
      if (isBlankRecord(record.fields)) continue;
      const header = record.fields.map((f) => f.trim());
      const mapping = spec.mapping ?? spec.suggest(header);
      columns = resolveColumns(header, spec.fields, mapping);
      spec.checkColumns(new Set(columns.keys()));
      continue;
    }
    if (isBlankRecord(record.fields)) continue;
    rows++;
    batch.push(record);
    if (batch.length >= BATCH_SIZE) await flush();
  }
  if (columns === null) throw new AppError('bad_input', say('intake.csv.no_header'));
  await flush();
  ws.emit({ type: 'progress', task: spec.task, done: total, total });
  return { encoding: prepared.decoded.encoding, separator: prepared.separator, rows, counts, errors };
}

function reasonOf(error: unknown): StoredMessage {
  if (error instanceof RowProblem) return error.text;
  if (error instanceof AppError && error.text !== null) return error.text;
  const message = error instanceof Error ? error.message : String(error);
  return say('intake.row.not_saved', { detail: message });
}
