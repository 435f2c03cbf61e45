import path from 'node:path';
import { Option, type Command } from 'commander';
import type { z } from 'zod';
import { EXPORT_LOCALES } from '../../shared/accounting/csv';
import { AccountCodes } from '../../shared/accounting/account-codes';
import {
  EXPORT_FORMATS,
  ExportSalesInput,
  ReportRangeInput,
  StatementInput,
  type RecoveryGroup,
} from '../../shared/contract/exports';
import { formatMoney } from '../../shared/domain/money';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, merchantOf, withCommon, withWorkspace } from './common';
import { invoke, services } from './load';
import { wordsIn, type Words } from './texts';
import { EXPORTS_TEXTS } from './texts/exports';

type T = Words<keyof typeof EXPORTS_TEXTS & string>;

/**
 * The bookkeeper on the command line: sales exports (CSV, XLSX, journal), the journal's account
 * codes, monthly merchant statements (PDF) and the recovery reports. Exit codes as everywhere:
 * 0 done, 1 failed (explained on stderr), 2 bad usage (including a value the contract refuses).
 *
 * Unlike the app, the command line may write anywhere (--out): the person typing it owns the
 * shell. The inputs still go through the contract's schemas.
 */

/** Validates with a contract schema; a refusal is bad usage (exit 2) with the schema's words. */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const why = result.error.issues
      .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new AppError('bad_input', why);
  }
  return result.data;
}

/** --merchant takes an id or a name. */
async function merchantId(ws: Workspace, value: string | undefined): Promise<number | undefined> {
  return value === undefined ? undefined : (await merchantOf(ws, value)).id;
}

/** A number with `digits` decimals: as before in English, with the language's decimal sign otherwise. */
function decimal(t: T, value: number, digits: number): string {
  if (t.language === 'en') return value.toFixed(digits);
  return new Intl.NumberFormat(t.locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value);
}

/** Amounts in the language's way; English keeps 'en' ("$12.00", not en-GB's "US$12.00"). */
const moneyLocale = (t: T) => (t.language === 'en' ? 'en' : t.locale);

function percent(t: T, rate: number | null): string {
  if (rate === null) return '—';
  if (t.language === 'en') return `${(rate * 100).toFixed(1)} %`;
  return new Intl.NumberFormat(t.locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}

function pad(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text.padEnd(width);
}

function recoveryTable(t: T, title: string, groups: readonly RecoveryGroup[]): string {
  if (groups.length === 0) return `${t('recovery.nothingSold', { title })}\n`;
  const sold = t('column.sold');
  const revenue = t('column.revenue');
  const recovery = t('column.recovery');
  const net = t('column.net');
  // The English widths, grown to fit a longer header.
  const w = {
    sold: Math.max(6, sold.length),
    revenue: Math.max(14, revenue.length),
    recovery: Math.max(9, recovery.length),
    net: Math.max(9, net.length),
  };
  const lines = [
    `${title}`,
    `  ${pad('', 28)} ${sold.padStart(w.sold)} ${revenue.padStart(w.revenue)} ${recovery.padStart(w.recovery)} ${net.padStart(w.net)}`,
  ];
  for (const g of groups) {
    lines.push(
      `  ${pad(g.key === '' ? t('recovery.none') : g.key, 28)} ${String(g.sold).padStart(w.sold)} ${formatMoney(g.priceCents, g.currency, moneyLocale(t)).padStart(w.revenue)} ${percent(t, g.recoveryRate).padStart(w.recovery)} ${percent(t, g.netRecoveryRate).padStart(w.net)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function registerExportsCommands(program: Command, io: CliIo): void {
  const t = wordsIn(EXPORTS_TEXTS, io.language);
  /** An error's words: with --json, errors stay English whatever the language (cli/language.ts). */
  const errorWords = (options: CommonOptions): T => (options.json ? wordsIn(EXPORTS_TEXTS, 'en') : t);
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  const exportCommand = program.command('export').description(t('export.description'));
  withCommon(exportCommand.command('sales'))
    .description(t('sales.description'))
    .requiredOption('--from <date>', t('option.from'))
    .requiredOption('--to <date>', t('option.to'))
    .addOption(new Option('--format <format>', t('option.format')).choices(EXPORT_FORMATS).default('csv'))
    .option('--out <file>', t('sales.out'))
    .option('--merchant <merchant>', t('option.merchant'))
    .addOption(new Option('--locale <locale>', t('sales.locale')).choices(EXPORT_LOCALES).default('en'))
    .action(
      async (
        options: CommonOptions & {
          from: string;
          to: string;
          format: string;
          out?: string;
          merchant?: string;
          locale: string;
        },
      ) => {
        await withWorkspace(options, async (ws) => {
          const input = parse(ExportSalesInput, {
            from: options.from,
            to: options.to,
            format: options.format,
            locale: options.locale,
            merchantId: await merchantId(ws, options.merchant),
          });
          const { EXPORT_TASK, exportSales } = await services();
          // Progress on an interactive terminal only: a pipe or a log gets the summary line.
          const stopProgress = ws.onEvent((event) => {
            if (
              event.type === 'progress' &&
              event.task === EXPORT_TASK &&
              process.stderr.isTTY &&
              !options.json
            )
              io.err(
                `\r${t('sales.progress', { done: t.number(event.done), total: t.number(event.total) })}`,
              );
          });
          const started = performance.now();
          const result = await exportSales(ws, input, options.out ? { file: path.resolve(options.out) } : {});
          stopProgress();
          if (process.stderr.isTTY && !options.json) io.err('\n');
          const seconds = (performance.now() - started) / 1000;
          print(
            options,
            result,
            () =>
              `${t(result.format === 'journal' ? 'sales.wroteJournal' : 'sales.wrote', {
                file: result.file,
                count: result.rows,
                rows: t.number(result.rows),
                lines: t.number(result.lines),
                kb: t.number(Math.ceil(result.bytes / 1024)),
                seconds: decimal(t, seconds, 1),
              })}\n`,
          );
        });
      },
    );

  withCommon(exportCommand.command('accounts'))
    .description(t('accounts.description'))
    .option(
      '--set <account=code>',
      t('accounts.set', { names: Object.keys(AccountCodes.shape).join(', ') }),
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (options: CommonOptions & { set?: string[] }) => {
      await withWorkspace(options, async (ws) => {
        const { getAccountCodes, setAccountCodes } = await services();
        let codes = await getAccountCodes(ws);
        if (options.set && options.set.length > 0) {
          const changes: Record<string, string> = {};
          for (const pair of options.set) {
            const at = pair.indexOf('=');
            if (at <= 0) throw new AppError('bad_input', errorWords(options)('accounts.badSet', { pair }));
            changes[pair.slice(0, at)] = pair.slice(at + 1);
          }
          codes = await setAccountCodes(ws, parse(AccountCodes, { ...codes, ...changes }));
        }
        print(options, codes, () =>
          Object.entries(codes)
            .map(([name, code]) => `${name.padEnd(16)} ${code}\n`)
            .join(''),
        );
      });
    });

  withCommon(program.command('statement'))
    .description(t('statement.description'))
    .requiredOption('--merchant <merchant>', t('statement.merchant'))
    .requiredOption('--month <month>', t('statement.month'))
    .option('--out <file>', t('statement.out'))
    .action(async (options: CommonOptions & { merchant: string; month: string; out?: string }) => {
      await withWorkspace(options, async (ws) => {
        const input = parse(StatementInput, {
          merchantId: await merchantId(ws, options.merchant),
          month: options.month,
        });
        const { writeStatementPdf } = await services();
        const result = await writeStatementPdf(
          ws,
          input,
          options.out ? { file: path.resolve(options.out) } : {},
        );
        const totals = result.totals;
        const money = (cents: number) => formatMoney(cents, result.currency, moneyLocale(t));
        print(
          options,
          { ...result, lines: result.lines.length },
          () =>
            `${t('statement.wrote', { file: result.file, pages: result.pages, count: result.pages })}\n` +
            `${t('statement.totals', {
              merchant: result.merchantName,
              month: result.month,
              count: totals.itemsSold,
              sold: totals.itemsSold,
              gross: money(totals.grossCents),
              fees: money(totals.channelFeesCents),
              service: money(totals.serviceFeeCents),
              net: money(totals.netPayoutCents),
            })}\n`,
        );
      });
    });

  const rangeOptions = (command: Command) =>
    withCommon(command)
      .option('--merchant <merchant>', t('option.merchant'))
      .option('--from <date>', t('option.from'))
      .option('--to <date>', t('option.to'));
  type RangeOptions = CommonOptions & { merchant?: string; from?: string; to?: string };
  const rangeInput = async (ws: Workspace, options: RangeOptions) =>
    parse(ReportRangeInput, {
      merchantId: await merchantId(ws, options.merchant),
      from: options.from,
      to: options.to,
    });

  const report = program.command('report').description(t('report.description'));
  rangeOptions(report.command('recovery'))
    .description(t('recovery.description'))
    .action(async (options: RangeOptions) => {
      await withWorkspace(options, async (ws) => {
        const result = await invoke(ws, 'reports.recovery', await rangeInput(ws, options));
        print(options, result, () =>
          [
            recoveryTable(t, t('recovery.overall'), result.overall),
            recoveryTable(t, t('recovery.byGrade'), result.byGrade),
            recoveryTable(t, t('recovery.byChannel'), result.byChannel),
            recoveryTable(t, t('recovery.byMerchant'), result.byMerchant),
            recoveryTable(t, t('recovery.bySku'), result.bySku),
          ].join('\n'),
        );
      });
    });

  rangeOptions(report.command('monthly'))
    .description(t('monthly.description'))
    .action(async (options: RangeOptions) => {
      await withWorkspace(options, async (ws) => {
        const rows = await invoke(ws, 'reports.monthly', await rangeInput(ws, options));
        print(options, rows, () => {
          // The English widths, grown to fit a longer header.
          const month = t('column.month');
          const currency = t('column.currency');
          const sold = t('column.sold');
          const amounts = (['revenue', 'shipping', 'fees', 'vat', 'net'] as const).map((c) =>
            t(`column.${c}`),
          );
          const w = {
            month: Math.max(9, month.length + 1),
            currency: Math.max(3, currency.length),
            sold: Math.max(6, sold.length),
            money: Math.max(13, ...amounts.map((a) => a.length)),
          };
          const m = (cents: number, code: string) =>
            formatMoney(cents, code, moneyLocale(t)).padStart(w.money);
          const header = `${month.padEnd(w.month)}${currency.padEnd(w.currency)} ${sold.padStart(w.sold)} ${amounts.map((a) => a.padStart(w.money)).join(' ')}\n`;
          return (
            header +
            rows
              .map(
                (r) =>
                  `${r.month.padEnd(w.month)}${r.currency.padEnd(w.currency)} ${String(r.itemsSold).padStart(w.sold)} ${m(r.priceCents, r.currency)} ${m(r.shippingCents, r.currency)} ${m(r.feesCents, r.currency)} ${m(r.vatCents, r.currency)} ${m(r.netCents, r.currency)}\n`,
              )
              .join('')
          );
        });
      });
    });

  rangeOptions(report.command('skus'))
    .description(t('skus.description'))
    .action(async (options: RangeOptions) => {
      await withWorkspace(options, async (ws) => {
        const rows = await invoke(ws, 'reports.skus', await rangeInput(ws, options));
        print(options, rows, () =>
          rows
            .map(
              (r) =>
                `${t('skus.row', {
                  flag: r.flagged ? '!' : ' ',
                  sku: pad(r.sku, 16),
                  title: pad(r.title, 32),
                  returned: String(r.returned).padStart(4),
                  sold: String(r.sold).padStart(4),
                  returnRate: percent(t, r.returnRate).padStart(7),
                  recovery: percent(t, r.recoveryRate).padStart(7),
                })}\n`,
            )
            .join(''),
        );
      });
    });
}
