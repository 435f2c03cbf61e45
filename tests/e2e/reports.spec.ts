import fs from 'node:fs';
import type { SalesList } from '../../shared/contract';
import { expect, test } from './fixtures';
import { ReportsScreen, Shell, StartScreen } from './pages';

test.use({ seed: 'demo' });

const BOOKKEEPER = 'Martin Vogel';
const CHARTS = ['months', 'grades', 'channels', 'handled', 'reasons', 'dispositions'] as const;

test.describe('reports, exports and statements for the bookkeeper', () => {
  test('the bookkeeper reads the charts, their numbers, exports the sales and opens a statement', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile(BOOKKEEPER);
    await new Shell(page).goTo('reports');
    const reports = new ReportsScreen(page);

    // Charts first; "Show numbers" swaps each for the same figures as a table, and back.
    for (const name of CHARTS) {
      await expect(reports.chart(name).locator('.recharts-surface')).toBeVisible();
    }
    await reports.showNumbers.click();
    for (const name of CHARTS) {
      await expect(reports.chart(name).getByTestId(`card-${name}-numbers`)).toBeVisible();
      await expect(reports.chart(name).locator('.recharts-surface')).toHaveCount(0);
    }
    await expect(page.getByTestId('sku-table')).toBeVisible();
    await expect(page.getByTestId('best-channels')).toBeVisible();

    // The whole ledger as CSV: the progress ends, and the row count is the ledger's.
    const ledger = (await (
      await page.request.post(`${app.origin}/api/call/sales.list`, { data: { limit: 1 } })
    ).json()) as { value: SalesList };
    const rows = ledger.value.total;
    expect(rows).toBeGreaterThan(0);
    await page.getByTestId('export-open').click();
    await expect(reports.exportForm).toBeVisible();
    await reports.exportForm.getByTestId('export-run').click();
    const result = reports.exportForm.getByTestId('export-result');
    await expect(result).toContainText(`Exported ${rows.toLocaleString('en-GB')} rows`);
    await expect(reports.exportForm.getByTestId('export-progress').getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    await expect(reports.exportForm.getByTestId('export-path')).toContainText('.csv');
    await page.keyboard.press('Escape');
    await expect(reports.exportForm).toBeHidden();

    // A merchant's monthly statement downloads as a PDF, served by the browser mode.
    await page.getByTestId('statement-open').click();
    await expect(reports.statementForm).toBeVisible();
    const download = page.waitForEvent('download');
    await reports.statementForm.getByTestId('statement-run').click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^statement-.+\.pdf$/);
    const head = fs
      .readFileSync(await pdf.path())
      .subarray(0, 4)
      .toString('latin1');
    await expect(reports.statementForm.getByTestId('statement-link')).toHaveText(pdf.suggestedFilename());
    expect(head).toBe('%PDF');
  });

  test('resale staff do not see the merchants’ money: no Sales, no Reports, not even by address', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    const shell = new Shell(page);
    await expect(shell.navLink('intake')).toBeVisible();
    await expect(shell.navLink('sales')).toHaveCount(0);
    await expect(shell.navLink('reports')).toHaveCount(0);
    // A bookmarked address of the Reports screen lands on the desk instead.
    await page.goto(`${app.origin}/#/reports`);
    await expect(page.getByTestId('page-intake')).toBeVisible();
    // And the server refuses the figures to this session whatever the page does.
    const response = await page.request.post(`${app.origin}/api/call/reports.overview`, { data: {} });
    expect(response.status()).toBe(403);
  });
});
