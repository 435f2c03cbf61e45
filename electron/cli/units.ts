import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { PeriodSelling, UnitsSoldImportReport } from '../../shared/contract';
import { ReportRangeInput } from '../../shared/contract/exports';
import { AppError } from '../../shared/errors';
import { invoke } from './load';
import type { CliIo } from './index';
import { type CommonOptions, merchantOf, withCommon, withWorkspace } from './common';
import { renderMessage } from '../../shared/messages/render';
import { UNITS_TEXTS } from './texts/units';
import { wordsIn, type Words } from './texts';

/**
 * `rebound import units FILE --merchant M`: the merchant's units sold per SKU (CSV `sku;units_sold`),
 * all or nothing; and `rebound report selling`: sell-through and days to sell month by month.
 * Exit codes as everywhere: 0 done, 1 failed (a refused file: its lines on stderr), 2 bad usage.
 */

/** A subcommand group another module may already have created (`import`, `report`). */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function registerUnitsCommands(program: Command, io: CliIo): void {
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };
  const t = wordsIn(UNITS_TEXTS, io.language);
  // With --json an error stays in English, whatever the language (cli/language.ts).
  const english = wordsIn(UNITS_TEXTS, 'en');

  withCommon(group(program, 'import', t('import.description')).command('units'))
    .description(t('units.description'))
    .argument('<file>', t('units.file.argument'))
    .requiredOption('--merchant <merchant>', t('units.merchant.option'))
    .action(async (file: string, options: CommonOptions & { merchant: string }) => {
      const e = options.json ? english : t;
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? e('noSuchFile') : String(error);
        throw new AppError('not_found', e('cannotRead', { file, reason }));
      }
      await withWorkspace(options, async (ws) => {
        const merchant = await merchantOf(ws, options.merchant);
        let report: UnitsSoldImportReport;
        try {
          report = await invoke(ws, 'products.importUnitsSold', {
            merchantId: merchant.id,
            base64: bytes.toString('base64'),
          });
        } catch (error) {
          // An unreadable file is a failure of the command (1), not bad usage of it (2).
          if (error instanceof AppError && error.code === 'bad_input')
            throw new AppError('unsupported', error.text ?? error.message, error.details, error.message);
          throw error;
        }
        print(options, report, () => {
          const head = `${t('units.read', { file: path.basename(file), count: report.rows, merchant: merchant.name })}\n`;
          const skus = `${report.unknownSkus
            .slice(0, 20)
            .map((u) => u.sku)
            .join(', ')}${report.unknownSkus.length > 20 ? ', …' : ''}`;
          const unknown =
            report.unknownSkus.length > 0
              ? `  ${t('units.unknown', { count: report.unknownSkus.length, skus })}\n`
              : '';
          return report.applied
            ? `${head}  ${t('units.applied', { count: report.updated, unchanged: report.unchanged })}\n${unknown}`
            : `${head}  ${t('units.nothing', { count: report.errors.length })}\n${unknown}`;
        });
        if (!options.json) {
          for (const row of report.errors) {
            // In English the row's own text, which may say more than its message.
            const reason =
              row.text === undefined || t.language === 'en'
                ? row.reason
                : renderMessage(row.text, t.language, row.reason);
            io.err(`${t('line', { line: row.line, reason })}\n`);
          }
        }
        if (!report.applied)
          throw new AppError('unsupported', e('units.refused', { count: report.errors.length }));
      });
    });

  withCommon(group(program, 'report', t('report.description')).command('selling'))
    .description(t('selling.description'))
    .option('--merchant <merchant>', t('selling.merchant.option'))
    .option('--from <date>', t('selling.from.option'))
    .option('--to <date>', t('selling.to.option'))
    .action(async (options: CommonOptions & { merchant?: string; from?: string; to?: string }) => {
      await withWorkspace(options, async (ws) => {
        const input = ReportRangeInput.safeParse({
          merchantId:
            options.merchant === undefined ? undefined : (await merchantOf(ws, options.merchant)).id,
          from: options.from,
          to: options.to,
        });
        if (!input.success)
          throw new AppError('bad_input', input.error.issues.map((i) => i.message).join('; '));
        const rows = await invoke(ws, 'reports.selling', input.data);
        print(options, rows, () => sellingTable(t, rows));
      });
    });
}

/** The selling report as a table; a column grows to its header in the longer languages. */
function sellingTable(t: Words<keyof typeof UNITS_TEXTS & string>, rows: readonly PeriodSelling[]): string {
  // One decimal, as the language writes it ("12,5" in French and German).
  const decimal =
    t.language === 'en'
      ? (v: number) => v.toFixed(1)
      : (v: number) =>
          new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  const pct = (v: number | null) => (v === null ? '—' : t('percent', { value: decimal(v * 100) }));
  const days = (v: number | null) => (v === null ? '—' : decimal(v));
  const month = t('selling.month');
  const monthWidth = Math.max(7, month.length);
  // Each column's width in English, where the header fits; a longer header widens its column.
  const columns = (
    [
      ['selling.available', 9],
      ['selling.sold', 6],
      ['selling.sellThrough', 13],
      ['selling.meanDays', 10],
      ['selling.medianDays', 12],
    ] as const
  ).map(([key, width], i) => {
    const header = t(key);
    // Two spaces between headers: the first column follows the month's own two.
    return { header, width: Math.max(width, header.length + (i === 0 ? 0 : 1)) };
  });
  const line = (first: string, cells: readonly string[]) =>
    `${first.padEnd(monthWidth)}  ${cells.map((cell, i) => cell.padStart(columns[i]!.width)).join(' ')}\n`;
  return (
    line(
      month,
      columns.map((c) => c.header),
    ) +
    rows
      .map((r) =>
        line(r.month, [
          String(r.available),
          String(r.sold),
          pct(r.sellThrough),
          days(r.meanDaysToSell),
          days(r.medianDaysToSell),
        ]),
      )
      .join('')
  );
}
