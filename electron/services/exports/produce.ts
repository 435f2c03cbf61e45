import type { ExportJob, ExportWritten } from './protocol';
import { countExportRows, exportPages, mainCurrency, type RowSource } from './rows';
import { csvWriter, journalWriter, xlsxWriter, type ExportWriter } from './writers';

/** Thrown between pages once the caller asked the export to stop. */
export class ExportStopped extends Error {
  constructor() {
    super('The export was stopped.');
    this.name = 'ExportStopped';
  }
}

/**
 * The heavy part of an export: reads the rows page by page and writes them in the job's format,
 * reporting progress before the first page and after each one. Runs in the export worker
 * (worker.ts), on its own connection; a failure, or a stop asked for between pages, removes the
 * partial file and rethrows.
 */
export async function produceExport(
  source: RowSource,
  job: ExportJob,
  progress: (done: number, total: number) => void,
  stopRequested: () => boolean = () => false,
): Promise<ExportWritten> {
  const total = await countExportRows(source, job.filter);

  let writer: ExportWriter;
  switch (job.format) {
    case 'csv':
      writer = await csvWriter(job.file, job.locale);
      break;
    case 'xlsx':
      writer = await xlsxWriter(job.file, job.locale, await mainCurrency(source, job.filter));
      break;
    case 'journal':
      writer = await journalWriter(job.file, job.locale, job.accounts);
      break;
    default: {
      const never: never = job;
      throw new Error(`Unknown export format ${String((never as ExportJob).format)}.`);
    }
  }

  let rows = 0;
  let lines = 0;
  try {
    progress(0, total);
    for await (const page of exportPages(source, job.filter)) {
      if (stopRequested()) throw new ExportStopped();
      lines += await writer.write(page);
      rows += page.length;
      progress(rows, total);
    }
    if (stopRequested()) throw new ExportStopped();
    const bytes = await writer.close();
    return { rows, lines, bytes };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
