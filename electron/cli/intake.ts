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
import { renderMessage } from '../../shared/messages/render';
import { INTAKE_TEXTS } from './texts/intake';
import { wordsIn, type Words } from './texts';

type T = Words<keyof typeof INTAKE_TEXTS & string>;

/** With --json an error stays in English, whatever the language (cli/language.ts). */
const ENGLISH: T = wordsIn(INTAKE_TEXTS, 'en');

/**
 * The intake desk on the command line: import return notices and catalogues, print labels,
 * look up a scan. Exit codes as for every command: 0 done, 1 failed (explained on stderr), 2 bad
 * usage. An import that could read the file exits 0 even when some rows were refused (they are
 * listed on stderr, or in the JSON); --strict makes refused rows exit 1, for scripts.
 */

function readFile(t: T, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t('noSuchFile') : String(error);
    throw new AppError('not_found', t('cannotRead', { file, reason }));
  }
}

async function merchantByName(t: T, ws: Workspace, name: string): Promise<Merchant> {
  const merchants = await invoke(ws, 'merchants.list', {});
  const found = merchants.find((m) => m.name.toLocaleLowerCase('en') === name.trim().toLocaleLowerCase('en'));
  if (!found) {
    const known = merchants.map((m) => m.name).join(', ');
    throw new AppError(
      'not_found',
      `${t('noMerchant', { name })} ${known ? t('merchantsKnown', { names: known }) : t('createMerchant')}`,
    );
  }
  return found;
}

function encodingName(t: T, report: { encoding: string; separator: string }): string {
  const separator =
    report.separator === '\t' ? t('format.tab') : t('format.quoted', { text: report.separator });
  return t('format', { encoding: report.encoding.toUpperCase(), separator });
}

function printErrors(io: CliIo, t: T, errors: readonly ImportRowError[]): void {
  for (const error of errors) {
    // In English the row's own text, which may say more than its message.
    const reason =
      error.text === undefined || t.language === 'en'
        ? error.reason
        : renderMessage(error.text, t.language, error.reason);
    io.err(`${t('line', { line: error.line, reason })}\n`);
  }
}

function refuseIfStrict(t: T, strict: boolean | undefined, errors: readonly ImportRowError[]): void {
  if (strict && errors.length > 0) {
    throw new AppError('unsupported', t('strict.refused', { count: errors.length }));
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
      throw new AppError('unsupported', error.text ?? error.message, error.details, error.message);
    }
    throw error;
  }
}

function describeScan(t: T, result: ScanResult): string {
  switch (result.kind) {
    case 'item':
      return `${t('scan.item', { reference: result.reference, status: result.status })}\n`;
    case 'notice':
      return (
        `${t('scan.notice', { order: result.orderReference })}\n` +
        result.items
          .map((i) => `  ${i.reference}  ${i.sku}  ${i.title}  (${i.merchantName}, ${i.status})\n`)
          .join('')
      );
    case 'product': {
      const others = result.alternatives
        .map((p) => `  ${t('scan.also', { merchant: p.merchantName, sku: p.sku, title: p.title })}\n`)
        .join('');
      const open = result.openItems.map(
        (i) => `  ${t('scan.waiting', { reference: i.reference, order: i.orderReference ?? '—' })}\n`,
      );
      const product = t('scan.product', {
        sku: result.product.sku,
        title: result.product.title,
        merchant: result.product.merchantName,
        by: result.matchedBy.toUpperCase(),
      });
      return `${product}\n${others}${open.join('')}`;
    }
    case 'unknown': {
      const hint =
        result.hint && result.hintText && t.language !== 'en'
          ? renderMessage(result.hintText, t.language, result.hint)
          : result.hint;
      return `${t(`scan.unknown.${result.looksLike}`)}${hint ? ` ${hint}` : ''}\n`;
    }
  }
}

export function registerIntakeCommands(program: Command, io: CliIo): void {
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };
  const t = wordsIn(INTAKE_TEXTS, io.language);
  /** Errors are said in the run's language, except with --json. */
  const errorWords = (options: CommonOptions): T => (options.json ? ENGLISH : t);

  const importCommand = program.command('import').description(t('import.description'));
  withCommon(importCommand.command('returns'))
    .description(t('returns.description'))
    .argument('<file>', t('csvFile.argument'))
    .option('--merchant <name>', t('returns.merchant.option'))
    .option('--strict', t('strict.option'))
    .action(async (file: string, options: CommonOptions & { merchant?: string; strict?: boolean }) => {
      const bytes = readFile(errorWords(options), file);
      await withWorkspace(options, async (ws) => {
        const merchant =
          options.merchant === undefined
            ? undefined
            : await merchantByName(errorWords(options), ws, options.merchant);
        const report = (await importing(() =>
          invoke(ws, 'intake.importReturns', {
            base64: bytes.toString('base64'),
            ...(merchant ? { merchantId: merchant.id } : {}),
          }),
        )) as ImportReport;
        print(options, report, () => {
          const read = { file: path.basename(file), format: encodingName(t, report), count: report.rows };
          const counts = [
            t('itemsCreated', { count: report.imported }),
            t('rowsSkipped', { count: report.skipped }),
            t('productsCreated', { count: report.productsCreated }),
            t('rowsRefused', { count: report.errors.length }),
          ];
          return (
            `${merchant ? t('readFor', { ...read, merchant: merchant.name }) : t('returns.read', read)}\n` +
            `  ${counts.join(', ')}.\n`
          );
        });
        if (!options.json) printErrors(io, t, report.errors);
        refuseIfStrict(errorWords(options), options.strict, report.errors);
      });
    });

  const products = program.command('products').description(t('products.description'));
  withCommon(products.command('import'))
    .description(t('products.import.description'))
    .argument('<file>', t('csvFile.argument'))
    .requiredOption('--merchant <name>', t('products.merchant.option'))
    .option('--strict', t('strict.option'))
    .action(async (file: string, options: CommonOptions & { merchant: string; strict?: boolean }) => {
      const bytes = readFile(errorWords(options), file);
      await withWorkspace(options, async (ws) => {
        const merchant = await merchantByName(errorWords(options), ws, options.merchant);
        const report = (await importing(() =>
          invoke(ws, 'products.import', { base64: bytes.toString('base64'), merchantId: merchant.id }),
        )) as ProductImportReport;
        print(options, report, () => {
          const read = t('readFor', {
            file: path.basename(file),
            format: encodingName(t, report),
            count: report.rows,
            merchant: merchant.name,
          });
          const counts = [
            t('productsCreated', { count: report.created }),
            t('productsUpdated', { count: report.updated }),
            t('productsUnchanged', { count: report.unchanged }),
            t('rowsRefused', { count: report.errors.length }),
          ];
          return `${read}\n  ${counts.join(', ')}.\n`;
        });
        if (!options.json) printErrors(io, t, report.errors);
        refuseIfStrict(errorWords(options), options.strict, report.errors);
      });
    });

  withCommon(program.command('label'))
    .description(t('label.description'))
    .argument('<item>', t('item.argument'))
    .addOption(new Option('--size <size>', t('label.size.option')).choices(LABEL_SIZES).default('62x29mm'))
    .option('--out <file>', t('label.out.option'))
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
          () =>
            `${t('label.wrote', { file: out, size: options.size, kb: Math.ceil(bytes.length / 1024) })}\n`,
        );
      });
    });

  const intake = program.command('intake').description(t('intake.description'));
  withCommon(intake.command('scan'))
    .description(t('scan.description'))
    .argument('<text>', t('scan.argument'))
    .action(async (text: string, options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const result = await invoke(ws, 'intake.scan', { text });
        print(options, result, () => describeScan(t, result));
      });
    });
}
