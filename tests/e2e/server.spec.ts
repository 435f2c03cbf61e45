import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { ItemSummary } from '../../shared/contract';
import { sceneJpeg } from '../support/images';
import { expect, runCli, screenshotPath, serverDatabase, startServing, test } from './fixtures';
import { ApprovalsScreen, DeskScreen, IntakeScreen, Shell, StartScreen } from './pages';

/**
 * The warehouse on the server: the demo desk moved to PostgreSQL with `rebound migrate`, and two
 * instances of `rebound server` in front of it. Lea works at a desk connected to one instance;
 * Siobhán, the merchant's approver, has her queue open on the other. Neither reloads a page.
 */

const SERVER = process.env.REBOUND_TEST_POSTGRES;
test.skip(!SERVER, 'needs PostgreSQL: set REBOUND_TEST_POSTGRES (npm test starts a throwaway cluster)');
test.describe.configure({ timeout: 180_000 });

const STAFF = 'Lea Brandt';
const APPROVER = 'Siobhán Kelly';

function cliJson<T>(args: readonly string[]): T {
  const result = runCli(null, [...args, '--json']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

test('a desk on one instance photographs a return; the approver on another sees it arrive and approves; the desk sees it, live', async ({
  page,
  browser,
}) => {
  const desk = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-desk-'));
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-files-'));
  const server = await serverDatabase();
  const database = server.url;
  const db = new pg.Client({ connectionString: database });
  const instances: ChildProcessWithoutNullStreams[] = [];
  try {
    // Yesterday a single desk; today the warehouse's server.
    expect(runCli(desk, ['demo', '--json']).status).toBe(0);
    const moved = cliJson<{ tables: { table: string; rows: number }[] }>([
      'migrate',
      '--from',
      desk,
      '--to',
      database,
      '--photos',
      files,
    ]);
    expect(moved.tables.find((t) => t.table === 'items')?.rows).toBeGreaterThan(0);
    const server = ['server', '--database', database, '--photos', files, '--port', '0', '--json'];
    const one = await startServing(server);
    const two = await startServing(server);
    instances.push(one.child, two.child);
    await db.connect();
    const status = async (reference: string) =>
      (await db.query<{ status: string }>('SELECT status FROM items WHERE reference = $1', [reference]))
        .rows[0]?.status;

    // A product of the demo catalogue with an EAN, as the scanner reads it off the box.
    const sku = (
      await db.query<{ sku: string; ean: string }>(
        "SELECT sku, ean FROM products WHERE ean IS NOT NULL AND merchant_id = (SELECT id FROM merchants WHERE name = 'Larkfield Home & Tech') ORDER BY id LIMIT 1",
      )
    ).rows[0]!;

    // Siobhán, on the second instance, with her queue open.
    const merchantContext = await browser.newContext();
    const merchant = await merchantContext.newPage();
    await merchant.goto(two.url);
    await new StartScreen(merchant).pickProfile(APPROVER);
    await new Shell(merchant).goTo('approvals');
    const approvals = new ApprovalsScreen(merchant);

    // Lea, at the desk on the first: scan, receive, grade used with a scratch (beyond what the
    // policy approves by itself), then one photo, after which the proposal follows by itself.
    await page.goto(one.url);
    await new StartScreen(page).pickProfile(STAFF);
    const intake = new IntakeScreen(page);
    const deskScreen = new DeskScreen(page);
    await expect(intake.scanField).toBeFocused();
    await intake.scan(sku.ean);
    await expect(deskScreen.receiveForm).toHaveAttribute('data-product-sku', sku.sku);
    await page.keyboard.type('ORD-SERVER-0001');
    await page.keyboard.press('Enter');
    await expect(deskScreen.grading).toBeVisible();
    const reference = (await intake.panel.getAttribute('data-item-reference'))!;
    expect(reference).toMatch(/^RB-\d+$/);
    await expect(deskScreen.grading).toBeFocused();
    // A hurried grader: 3 and D in one roll of the fingers, faster than a scanner's gap, are still
    // a grade and a defect, not the start of a scan.
    await page.keyboard.type('3d');
    await expect(deskScreen.gradeControl).toHaveAttribute('data-value', 'used');
    await expect(deskScreen.defectRows).toHaveCount(1);
    await deskScreen.describeDefect(deskScreen.defectRows.nth(0), {
      kind: 'Scratch',
      where: 'lid',
      sizeMm: 20,
      severity: 'Moderate',
      note: 'visible under light',
    });
    await page.keyboard.press('Control+Enter');
    await expect(deskScreen.history.getByText('Graded used')).toBeVisible();
    const itemId = (await db.query<{ id: number }>('SELECT id FROM items WHERE reference = $1', [reference]))
      .rows[0]!.id;
    await page.goto(`${one.origin}/#/photos/${itemId}`);
    await page
      .getByTestId('photo-file-input')
      .setInputFiles([
        { name: 'front.jpg', mimeType: 'image/jpeg', buffer: await sceneJpeg(1600, 1200, 41) },
      ]);
    await expect(page.getByTestId('upload-summary')).toHaveText(/^1 added/);
    await expect.poll(() => status(reference)).toBe('awaiting_approval');
    // The desk keeps the item open.
    await page.goto(`${one.origin}/#/items/${itemId}`);
    const badge = page.locator('[data-status]').first();
    await expect(badge).toHaveAttribute('data-status', 'awaiting_approval');

    // It arrives in Siobhán's queue on the other instance, with no reload.
    const row = approvals.rows.and(merchant.locator(`[data-reference="${reference}"]`));
    await expect(row).toHaveCount(1, { timeout: 10_000 });
    await merchant.screenshot({ path: screenshotPath('server-approver-queue.png') });
    await row.click();
    await expect(approvals.drawer).toHaveAttribute('data-item-reference', reference);
    await approvals.decisionBar.getByTestId('approve').click();
    await expect(row).toHaveCount(0);
    expect(await status(reference)).toBe('approved');

    // And the desk, on the first instance, sees the approval without reloading.
    await expect(badge).toHaveAttribute('data-status', 'approved', { timeout: 10_000 });
    await expect(page.getByTestId('history')).toContainText(`approved by ${APPROVER}`);
    await page.screenshot({ path: screenshotPath('server-desk-approved.png') });
    const listed = cliJson<{ rows: ItemSummary[] }>(['items', 'list', '--data-dir', desk, '--limit', '1']);
    // The desk's own folder was copied, not moved: it still holds its items.
    expect(listed.rows.length).toBe(1);
    await merchantContext.close();
  } finally {
    for (const child of instances) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await db.end().catch(() => undefined);
    await server.drop();
    fs.rmSync(desk, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });
  }
});
