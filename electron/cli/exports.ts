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

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);

function pad(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text.padEnd(width);
}

function recoveryTable(title: string, groups: readonly RecoveryGroup[]): string {
  if (groups.length === 0) return `${title}: nothing sold\n`;
  const lines = [
    `${title}`,
    `  ${pad('', 28)} ${'SOLD'.padStart(6)} ${'REVENUE'.padStart(14)} ${'RECOVERY'.padStart(9)} ${'NET'.padStart(9)}`,
  ];
  for (const g of groups) {
    lines.push(
      `  ${pad(g.key === '' ? '(none)' : g.key, 28)} ${String(g.sold).padStart(6)} ${formatMoney(g.priceCents, g.currency, 'en').padStart(14)} ${percent(g.recoveryRate).padStart(9)} ${percent(g.netRecoveryRate).padStart(9)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function registerExportsCommands(program: Command, io: CliIo): void {
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  const exportCommand = program.command('export').description('bookkeeping exports');
  withCommon(exportCommand.command('sales'))
    .description('export the sales of a period: CSV, XLSX or an accounting journal (balanced per sale)')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day (inclusive), YYYY-MM-DD')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('csv'))
    .option('--out <file>', 'where to write (default: the data folder’s exports/ folder)')
    .option('--merchant <merchant>', 'only this merchant (id or name)')
    .addOption(
      new Option('--locale <locale>', 'header language; fr and de also use “;” and a decimal comma')
        .choices(EXPORT_LOCALES)
        .default('en'),
    )
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
              io.err(`\r${event.done.toLocaleString('en')} / ${event.total.toLocaleString('en')} rows`);
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
              `Wrote ${result.file}: ${result.rows.toLocaleString('en')} sales` +
              `${result.format === 'journal' ? ` as ${result.lines.toLocaleString('en')} journal lines` : ''}, ` +
              `${Math.ceil(result.bytes / 1024).toLocaleString('en')} kB in ${seconds.toFixed(1)} s.\n`,
          );
        });
      },
    );

  withCommon(exportCommand.command('accounts'))
    .description(
      'show the journal’s account codes, or change some: --set revenue=706000 --set vatPayable=445710',
    )
    .option(
      '--set <account=code>',
      `change one (repeatable): ${Object.keys(AccountCodes.shape).join(', ')}`,
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
            if (at <= 0) throw new AppError('bad_input', `--set wants account=code, got “${pair}”.`);
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
    .description('write a merchant’s monthly statement as PDF')
    .requiredOption('--merchant <merchant>', 'the merchant (id or name)')
    .requiredOption('--month <month>', 'the month, YYYY-MM')
    .option('--out <file>', 'where to write the PDF (default: the data folder’s exports/ folder)')
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
        const t = result.totals;
        const money = (cents: number) => formatMoney(cents, result.currency, 'en');
        print(
          options,
          { ...result, lines: result.lines.length },
          () =>
            `Wrote ${result.file} (${result.pages} ${result.pages === 1 ? 'page' : 'pages'}).\n` +
            `${result.merchantName}, ${result.month}: ${t.itemsSold} sold, gross ${money(t.grossCents)}, ` +
            `channel fees ${money(t.channelFeesCents)}, service fee ${money(t.serviceFeeCents)}, ` +
            `net payout ${money(t.netPayoutCents)}.\n`,
        );
      });
    });

  const rangeOptions = (command: Command) =>
    withCommon(command)
      .option('--merchant <merchant>', 'only this merchant (id or name)')
      .option('--from <date>', 'first day, YYYY-MM-DD')
      .option('--to <date>', 'last day (inclusive), YYYY-MM-DD');
  type RangeOptions = CommonOptions & { merchant?: string; from?: string; to?: string };
  const rangeInput = async (ws: Workspace, options: RangeOptions) =>
    parse(ReportRangeInput, {
      merchantId: await merchantId(ws, options.merchant),
      from: options.from,
      to: options.to,
    });

  const report = program.command('report').description('recovery reports');
  rangeOptions(report.command('recovery'))
    .description(
      'recovery rate (sale ÷ original price, and net of channel fees) by grade, SKU, channel, merchant',
    )
    .action(async (options: RangeOptions) => {
      await withWorkspace(options, async (ws) => {
        const result = await invoke(ws, 'reports.recovery', await rangeInput(ws, options));
        print(options, result, () =>
          [
            recoveryTable('Overall', result.overall),
            recoveryTable('By grade', result.byGrade),
            recoveryTable('By channel', result.byChannel),
            recoveryTable('By merchant', result.byMerchant),
            recoveryTable('By SKU', result.bySku),
          ].join('\n'),
        );
      });
    });

  rangeOptions(report.command('monthly'))
    .description('recovered revenue by month: items sold, price, shipping, fees, VAT, net')
    .action(async (options: RangeOptions) => {
      await withWorkspace(options, async (ws) => {
        const rows = await invoke(ws, 'reports.monthly', await rangeInput(ws, options));
        print(options, rows, () => {
          const m = (cents: number, currency: string) => formatMoney(cents, currency, 'en').padStart(13);
          const header = `MONTH    CUR   SOLD ${'REVENUE'.padStart(13)} ${'SHIPPING'.padStart(13)} ${'FEES'.padStart(13)} ${'VAT'.padStart(13)} ${'NET'.padStart(13)}\n`;
          return (
            header +
            rows
              .map(
                (r) =>
                  `${r.month}  ${r.currency} ${String(r.itemsSold).padStart(6)} ${m(r.priceCents, r.currency)} ${m(r.shippingCents, r.currency)} ${m(r.feesCents, r.currency)} ${m(r.vatCents, r.currency)} ${m(r.netCents, r.currency)}\n`,
              )
              .join('')
          );
        });
      });
    });

  rangeOptions(report.command('skus'))
    .description(
      'per SKU: items returned, sold, return rate (with the merchant’s units sold), recovery; flagged rows',
    )
    .action(async (options: RangeOptions) => {
      await withWorkspace(options, async (ws) => {
        const rows = await invoke(ws, 'reports.skus', await rangeInput(ws, options));
        print(options, rows, () =>
          rows
            .map(
              (r) =>
                `${r.flagged ? '!' : ' '} ${pad(r.sku, 16)} ${pad(r.title, 32)} returned ${String(r.returned).padStart(4)}  sold ${String(r.sold).padStart(4)}  return rate ${percent(r.returnRate).padStart(7)}  recovery ${percent(r.recoveryRate).padStart(7)}\n`,
            )
            .join(''),
        );
      });
    });
}
