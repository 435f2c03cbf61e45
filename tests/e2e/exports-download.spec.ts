import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { MonthlyFigures } from '../../shared/contract';
import { expect, screenshotPath, test } from './fixtures';
import { ReportsScreen, Shell, StartScreen } from './pages';

test.use({ seed: 'demo' });

const BOOKKEEPER = 'Martin Vogel';

/** "1 234,56" or "-12,00" (French CSV) as integer cents, without going through a float sum. */
function frenchCents(cell: string): number {
  const match = /^(-?)(\d+),(\d{2})$/.exec(cell.replaceAll(/[\s\u00a0\u202f]/g, ''));
  if (!match) throw new Error(`not a French amount: ${JSON.stringify(cell)}`);
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

test.describe('browser mode: exports arrive as downloads', () => {
  test('the bookkeeper exports the ledger as a French CSV, gets the file, and it adds up to the report', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile(BOOKKEEPER);
    await new Shell(page).goTo('reports');
    const reports = new ReportsScreen(page);
    await expect(page.getByTestId('card-months')).toBeVisible();

    // What the Reports screen sums for the whole history, straight from the same service.
    const answer = await page.request.post(`${app.origin}/api/call/reports.monthly`, { data: {} });
    const monthly = ((await answer.json()) as { value: MonthlyFigures[] }).value;
    const currencies = [...new Set(monthly.map((m) => m.currency))];
    expect(currencies).toHaveLength(1);
    const reportPrice = monthly.reduce((sum, m) => sum + m.priceCents, 0);
    const reportNet = monthly.reduce((sum, m) => sum + m.netCents, 0);
    const reportRows = monthly.reduce((sum, m) => sum + m.itemsSold + 2 * m.reversals, 0);
    expect(reportPrice).toBeGreaterThan(0);

    await page.getByTestId('export-open').click();
    const form = reports.exportForm;
    await expect(form).toBeVisible();
    // The whole history: from the first month with sales (the form's default) to today.
    await form.getByLabel('Language of the file').click();
    await page.getByRole('option', { name: 'French' }).click();
    const download = page.waitForEvent('download');
    await form.getByTestId('export-run').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sales-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(form.getByTestId('export-result')).toBeVisible();
    await page.screenshot({ path: screenshotPath('export-downloaded.png') });

    const bytes = fs.readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8'), { delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.length).toBe(reportRows);
    expect(rows.reduce((sum, row) => sum + frenchCents(row['Prix']!), 0)).toBe(reportPrice);
    expect(rows.reduce((sum, row) => sum + frenchCents(row['Net']!), 0)).toBe(reportNet);

    // The link worked once, for this session: asked again, or by name, or without the session
    // cookie, there is nothing.
    const byName = await page.request.get(`${app.origin}/api/download/${file.suggestedFilename()}`);
    expect(byName.status()).toBe(404);
    const anonymous = await fetch(`${app.origin}/api/download/${file.suggestedFilename()}`);
    expect(anonymous.status).toBe(401);
    const other = await page.request.get(`${app.origin}/api/download/..%2Frebound.sqlite`);
    expect(other.status()).toBe(404);
  });
});
