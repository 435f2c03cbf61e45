import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { UnitsSoldImportReport } from '../../shared/contract';
import { ReportRangeInput } from '../../shared/contract/exports';
import { AppError } from '../../shared/errors';
import { invoke } from './load';
import type { CliIo } from './index';
import { type CommonOptions, merchantOf, withCommon, withWorkspace } from './common';

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

  withCommon(group(program, 'import', 'import files').command('units'))
    .description(
      'import a merchant’s units sold per SKU (CSV “sku;units_sold”) for the return rate; a file with a bad line changes nothing',
    )
    .argument('<file>', 'CSV file (comma or semicolon; UTF-8 with or without BOM, or Windows-1252)')
    .requiredOption('--merchant <merchant>', 'the merchant (id or name) whose sales these are')
    .action(async (file: string, options: CommonOptions & { merchant: string }) => {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        const reason =
          (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : String(error);
        throw new AppError('not_found', `Cannot read ${file}: ${reason}.`);
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
            throw new AppError('unsupported', error.message, error.details);
          throw error;
        }
        print(options, report, () => {
          const head = `${path.basename(file)}: ${report.rows} rows read for ${merchant.name}.\n`;
          const unknown =
            report.unknownSkus.length > 0
              ? `  ${report.unknownSkus.length} SKUs are not in the catalogue (not imported): ${report.unknownSkus
                  .slice(0, 20)
                  .map((u) => u.sku)
                  .join(', ')}${report.unknownSkus.length > 20 ? ', …' : ''}\n`
              : '';
          return report.applied
            ? `${head}  ${report.updated} SKUs updated, ${report.unchanged} unchanged.\n${unknown}`
            : `${head}  Nothing was imported: ${report.errors.length} lines are refused.\n${unknown}`;
        });
        if (!options.json) for (const e of report.errors) io.err(`line ${e.line}: ${e.reason}\n`);
        if (!report.applied)
          throw new AppError(
            'unsupported',
            `${report.errors.length} lines were refused; nothing was imported.`,
          );
      });
    });

  withCommon(group(program, 'report', 'recovery reports').command('selling'))
    .description('month by month: items available, sold, sell-through, days from intake to sale')
    .option('--merchant <merchant>', 'only this merchant (id or name)')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
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
        const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
        const days = (v: number | null) => (v === null ? '—' : v.toFixed(1));
        print(
          options,
          rows,
          () =>
            `MONTH    AVAILABLE   SOLD  SELL-THROUGH  MEAN DAYS  MEDIAN DAYS\n` +
            rows
              .map(
                (r) =>
                  `${r.month}  ${String(r.available).padStart(9)} ${String(r.sold).padStart(6)} ${pct(r.sellThrough).padStart(13)} ${days(r.meanDaysToSell).padStart(10)} ${days(r.medianDaysToSell).padStart(12)}\n`,
              )
              .join(''),
        );
      });
    });
}
