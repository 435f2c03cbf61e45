import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { Merchant } from '../../shared/contract';
import {
  LABEL_SIZES,
  type LabelSize,
  type ImportReport,
  type ImportRowError,
  type ProductImportReport,
  type ScanResult,
} from '../../shared/contract/intake';
import { AppError } from '../../shared/errors';
import { invoke } from './load';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, withCommon, withWorkspace } from './common';

/**
 * The intake desk on the command line: import return notices and catalogues, print labels,
 * look up a scan. Exit codes as for every command: 0 done, 1 failed (explained on stderr), 2 bad
 * usage. An import that could read the file exits 0 even when some rows were refused (they are
 * listed on stderr, or in the JSON); --strict makes refused rows exit 1, for scripts.
 */

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : String(error);
    throw new AppError('not_found', `Cannot read ${file}: ${reason}.`);
  }
}

async function merchantByName(ws: Workspace, name: string): Promise<Merchant> {
  const merchants = await invoke(ws, 'merchants.list', {});
  const found = merchants.find((m) => m.name.toLocaleLowerCase('en') === name.trim().toLocaleLowerCase('en'));
  if (!found) {
    const known = merchants.map((m) => m.name).join(', ');
    throw new AppError(
      'not_found',
      `There is no merchant named “${name}”.${known ? ` Merchants: ${known}.` : ' Create one first.'}`,
    );
  }
  return found;
}

function encodingName(report: { encoding: string; separator: string }): string {
  const separator = report.separator === '\t' ? 'tab' : `“${report.separator}”`;
  return `${report.encoding.toUpperCase()}, separator ${separator}`;
}

function printErrors(io: CliIo, errors: readonly ImportRowError[]): void {
  for (const error of errors) io.err(`line ${error.line}: ${error.reason}\n`);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function refuseIfStrict(strict: boolean | undefined, errors: readonly ImportRowError[]): void {
  if (strict && errors.length > 0) {
    throw new AppError('unsupported', `${plural(errors.length, 'row was', 'rows were')} refused (--strict).`);
  }
}

/**
 * A file that cannot be imported (empty, binary, no header, a required column missing) is a
 * failure of the command (exit 1), not bad usage of it (exit 2, which the CLI gives `bad_input`).
 */
async function importing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'bad_input') {
      throw new AppError('unsupported', error.message, error.details);
    }
    throw error;
  }
}

function describeScan(result: ScanResult): string {
  switch (result.kind) {
    case 'item':
      return `item ${result.reference} (${result.status})\n`;
    case 'notice':
      return (
        `return notice ${result.orderReference}:\n` +
        result.items
          .map((i) => `  ${i.reference}  ${i.sku}  ${i.title}  (${i.merchantName}, ${i.status})\n`)
          .join('')
      );
    case 'product': {
      const others = result.alternatives
        .map((p) => `  also ${p.merchantName}: ${p.sku} ${p.title}\n`)
        .join('');
      const open = result.openItems.map(
        (i) => `  waiting: ${i.reference} (order ${i.orderReference ?? '—'})\n`,
      );
      return `product ${result.product.sku}  ${result.product.title}  (${result.product.merchantName}, matched by ${result.matchedBy.toUpperCase()})\n${others}${open.join('')}`;
    }
    case 'unknown':
      return `unknown: looks like ${result.looksLike === 'ean' ? 'an EAN' : `a ${result.looksLike}`}.${result.hint ? ` ${result.hint}` : ''}\n`;
  }
}

export function registerIntakeCommands(program: Command, io: CliIo): void {
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  const importCommand = program
    .command('import')
    .description('import files exported from a shop or returns portal');
  withCommon(importCommand.command('returns'))
    .description('import return notices (CSV): one item per row; see docs/import-returns.md for the columns')
    .argument('<file>', 'CSV file (comma or semicolon; UTF-8 or Windows-1252)')
    .option('--merchant <name>', 'the merchant of every row (else the file needs a merchant column)')
    .option('--strict', 'exit with 1 when any row was refused')
    .action(async (file: string, options: CommonOptions & { merchant?: string; strict?: boolean }) => {
      const bytes = readFile(file);
      await withWorkspace(options, async (ws) => {
        const merchant =
          options.merchant === undefined ? undefined : await merchantByName(ws, options.merchant);
        const report = (await importing(() =>
          invoke(ws, 'intake.importReturns', {
            base64: bytes.toString('base64'),
            ...(merchant ? { merchantId: merchant.id } : {}),
          }),
        )) as ImportReport;
        print(options, report, () => {
          const into = merchant ? ` for ${merchant.name}` : '';
          return (
            `${path.basename(file)} (${encodingName(report)}): ${plural(report.rows, 'row')} read${into}.\n` +
            `  ${plural(report.imported, 'item')} created, ${plural(report.skipped, 'row')} already imported (skipped), ` +
            `${plural(report.productsCreated, 'product')} created, ${plural(report.errors.length, 'row')} refused.\n`
          );
        });
        if (!options.json) printErrors(io, report.errors);
        refuseIfStrict(options.strict, report.errors);
      });
    });

  const products = program.command('products').description('merchants’ product catalogues');
  withCommon(products.command('import'))
    .description('import a product catalogue (CSV): creates new SKUs, updates changed ones')
    .argument('<file>', 'CSV file (comma or semicolon; UTF-8 or Windows-1252)')
    .requiredOption('--merchant <name>', 'the merchant whose catalogue this is')
    .option('--strict', 'exit with 1 when any row was refused')
    .action(async (file: string, options: CommonOptions & { merchant: string; strict?: boolean }) => {
      const bytes = readFile(file);
      await withWorkspace(options, async (ws) => {
        const merchant = await merchantByName(ws, options.merchant);
        const report = (await importing(() =>
          invoke(ws, 'products.import', { base64: bytes.toString('base64'), merchantId: merchant.id }),
        )) as ProductImportReport;
        print(
          options,
          report,
          () =>
            `${path.basename(file)} (${encodingName(report)}): ${plural(report.rows, 'row')} read for ${merchant.name}.\n` +
            `  ${plural(report.created, 'product')} created, ${report.updated} updated, ${report.unchanged} unchanged, ` +
            `${plural(report.errors.length, 'row')} refused.\n`,
        );
        if (!options.json) printErrors(io, report.errors);
        refuseIfStrict(options.strict, report.errors);
      });
    });

  withCommon(program.command('label'))
    .description('write an item’s label as a PDF, sized for the label stock')
    .argument('<item>', 'the item’s reference (RB-000123) or id')
    .addOption(new Option('--size <size>', 'label stock').choices(LABEL_SIZES).default('62x29mm'))
    .option('--out <file>', 'where to write the PDF (default: REFERENCE-SIZE.pdf in the current folder)')
    // commander's choices() lets only a label size through.
    .action(async (item: string, options: CommonOptions & { size: LabelSize; out?: string }) => {
      await withWorkspace(options, async (ws) => {
        const itemId = /^\d+$/.test(item)
          ? Number(item)
          : (await invoke(ws, 'items.getByReference', { reference: item })).id;
        const label = await invoke(ws, 'intake.label', { itemId, size: options.size });
        const out = path.resolve(options.out ?? label.fileName);
        const bytes = Buffer.from(label.base64, 'base64');
        fs.writeFileSync(out, bytes);
        print(
          options,
          {
            file: out,
            size: options.size,
            bytes: bytes.length,
            widthPt: label.widthPt,
            heightPt: label.heightPt,
          },
          () => `Wrote ${out} (${options.size}, ${Math.ceil(bytes.length / 1024)} kB).\n`,
        );
      });
    });

  const intake = program.command('intake').description('the intake desk');
  withCommon(intake.command('scan'))
    .description('look up what the desk’s scan field would find: an item, a return notice or a product')
    .argument('<text>', 'a Rebound reference, an order reference, an EAN/GTIN or a SKU')
    .action(async (text: string, options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const result = await invoke(ws, 'intake.scan', { text });
        print(options, result, () => describeScan(result));
      });
    });
}
