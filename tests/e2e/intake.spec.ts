import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { ItemSummary, ScanResult } from '../../shared/contract';
import { localIsoDate } from '../../shared/domain/returnWindow';
import type { Page } from '@playwright/test';
import { expect, test, type ServedApp } from './fixtures';
import { DeskScreen, IntakeScreen, StartScreen } from './pages';

test.use({ seed: 'demo' });
// Each test starts by creating the demo workspace, which alone can take half a minute on a busy
// machine; the desk's own steps are quick.
test.describe.configure({ timeout: 120_000 });

function cliJson<T>(app: ServedApp, ...args: string[]): T {
  const result = app.cli(...args, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** The calendar date `days` before today, as the desk's calendar has it. */
function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return localIsoDate(date);
}

/**
 * What a French AZERTY desk reports for each key a scanner set up for a US layout sends: the
 * physical key (the US one the scanner meant) and the character the French layout makes of it.
 */
const AZERTY_OF_US: Readonly<Record<string, { code: string; key: string; shift?: boolean }>> = {
  ...Object.fromEntries(
    [...'1234567890'].map((digit, index) => [
      digit,
      { code: `Digit${digit}`, key: [...'&é"\'(-è_çà'][index]! },
    ]),
  ),
  '-': { code: 'Minus', key: ')' },
  ...Object.fromEntries(
    [...'BCDEFGHIJKLNOPRSTUVXY'].map((letter) => [
      letter,
      { code: `Key${letter}`, key: letter, shift: true },
    ]),
  ),
};

/**
 * A scanner's burst as that desk receives it: real key events through Chromium's input pipeline
 * (key, physical code and the typed character), since Chromium cannot be given a French layout.
 */
async function scanOnAzerty(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const char of text) {
    const stroke = AZERTY_OF_US[char];
    if (!stroke) throw new Error(`no AZERTY key for ${char}`);
    const modifiers = stroke.shift ? 8 : 0;
    const event = { key: stroke.key, code: stroke.code, modifiers };
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      ...event,
      text: stroke.key,
      unmodifiedText: stroke.key,
    });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
  }
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter });
  await cdp.detach();
}

test.describe('the intake desk', () => {
  test('a parcel from scan to graded, labelled item', async ({ app, page }, testInfo) => {
    // A product of the demo merchant's catalogue, found the way the desk's scan field finds it.
    const someItem = cliJson<{ rows: ItemSummary[] }>(app, 'items', 'list', '--limit', '1').rows[0]!;
    const found = cliJson<ScanResult>(app, 'intake', 'scan', someItem.sku);
    if (found.kind !== 'product' || !found.product.ean)
      throw new Error(`no product with an EAN for ${someItem.sku}`);
    const product = found.product;
    const ean = product.ean!;

    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    const intake = new IntakeScreen(page);
    const desk = new DeskScreen(page);
    await expect(intake.scanField).toBeFocused();
    await expect(desk.gradedToday).toHaveAttribute('data-count', /\d+/);
    const gradedBefore = await desk.gradedTodayCount();

    // The scanner types the EAN and Enter: nobody clicks first. A known product starts a new item.
    await intake.scan(ean);
    await expect(desk.receiveForm).toHaveAttribute('data-product-sku', product.sku);
    await expect(desk.receiveForm).toContainText(product.title);

    // The order reference has the focus; the dates are already today; Enter receives.
    await page.keyboard.type('ORD-E2E-4711');
    await page.keyboard.press('Enter');
    await expect(desk.grading).toBeVisible();
    await expect(intake.panel).toHaveAttribute('data-item-reference', /^RB-\d+$/);
    const reference = (await intake.panel.getAttribute('data-item-reference'))!;
    await expect(intake.panel).toContainText('ORD-E2E-4711');

    // Key 4 grades it "lightly damaged" (the form has the focus, so the key is not a scan).
    await expect(desk.grading).toBeFocused();
    await page.keyboard.press('4');
    await expect(desk.gradeControl).toHaveAttribute('data-value', 'lightly_damaged');

    // The carry case (or whatever the product lists first) did not come back.
    const accessory = desk.grading.getByTestId('accessory-chips').locator('[data-accessory]').first();
    const missingAccessory = (await accessory.getAttribute('data-accessory'))!;
    await desk.toggleAccessory(accessory);
    await expect(accessory).toHaveAttribute('data-present', 'false');

    // Two defects: the first with D, the second with the button.
    await page.keyboard.press('d');
    await expect(desk.defectRows).toHaveCount(1);
    await desk.describeDefect(desk.defectRows.nth(0), {
      kind: 'Scratch',
      where: 'left ear cup',
      sizeMm: 12,
      severity: 'Minor',
      note: 'visible under light',
    });
    await desk.grading.getByTestId('add-defect').click();
    await expect(desk.defectRows).toHaveCount(2);
    await desk.describeDefect(desk.defectRows.nth(1), {
      kind: 'Dent',
      where: 'headband',
      sizeMm: 4,
      severity: 'Moderate',
      note: '',
    });

    // Ctrl+Enter saves; the scan field is ready for the next parcel.
    await page.keyboard.press('Control+Enter');
    await expect(desk.history.getByText('Graded Lightly damaged')).toBeVisible();
    await expect(desk.history).toContainText('Lea Brandt');
    await expect(desk.gradedToday).toHaveAttribute('data-count', String(gradedBefore + 1));
    await expect(intake.scanField).toBeFocused();

    const stored = cliJson<{
      grade: string;
      accessoriesMissing: string[];
      defects: { kind: string; sizeMm: number | null }[];
    }>(app, 'items', 'show', reference);
    expect(stored.grade).toBe('lightly_damaged');
    expect(stored.accessoriesMissing).toEqual([missingAccessory]);
    expect(stored.defects.map((d) => [d.kind, d.sizeMm])).toEqual([
      ['scratch', 12],
      ['dent', 4],
    ]);

    // Ctrl+P prints the label: the PDF opens in a new window.
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('Control+p');
    await (await popup).close();
    await expect(desk.labelLink).toBeVisible();
    const pdf = await desk.labelBytes();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const label = await PDFDocument.load(pdf);
    expect(label.getTitle()).toContain(reference);
    expect(label.getPageCount()).toBe(1);
    const file = testInfo.outputPath('label.pdf');
    fs.writeFileSync(file, pdf);
    // The printed text and the barcode say the same reference, where poppler and zbar are installed.
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    if (text.status === 0) expect(text.stdout).toContain(reference);
    const png = file.replace(/\.pdf$/, '');
    const render = spawnSync('pdftoppm', ['-png', '-r', '200', '-singlefile', file, png]);
    if (render.status === 0) {
      await testInfo.attach('label', { path: `${png}.png`, contentType: 'image/png' });
      const scanned = spawnSync('zbarimg', ['--quiet', '--raw', `${png}.png`], { encoding: 'utf8' });
      if (scanned.error === undefined) expect(scanned.stdout).toContain(reference);
    }
  });

  test('on a French AZERTY keyboard the digit row grades and switches pages too', async ({ app, page }) => {
    const someItem = cliJson<{ rows: ItemSummary[] }>(app, 'items', 'list', '--limit', '1').rows[0]!;
    const found = cliJson<ScanResult>(app, 'intake', 'scan', someItem.sku);
    if (found.kind !== 'product' || !found.product.ean)
      throw new Error(`no product with an EAN for ${someItem.sku}`);

    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    const intake = new IntakeScreen(page);
    const desk = new DeskScreen(page);
    await intake.scan(found.product.ean);
    await page.keyboard.type('ORD-AZERTY-1');
    await page.keyboard.press('Enter');
    await expect(desk.grading).toBeFocused();

    // The keys an AZERTY keyboard sends for its unshifted digit row: the character is & é " ' ( -,
    // the physical key is Digit1…Digit6 (Chromium cannot be given a French layout, so the events
    // are the ones that layout produces).
    const press = (key: string, code: string, altKey = false) =>
      page.evaluate(
        ({ key, code, altKey }) => {
          const web = globalThis as unknown as {
            document: { activeElement: { dispatchEvent(event: unknown): boolean } | null };
            KeyboardEvent: new (type: string, init: object) => unknown;
          };
          for (const type of ['keydown', 'keyup']) {
            web.document.activeElement?.dispatchEvent(
              new web.KeyboardEvent(type, { key, code, altKey, bubbles: true, cancelable: true }),
            );
          }
        },
        { key, code, altKey },
      );
    await press("'", 'Digit4');
    await expect(desk.gradeControl).toHaveAttribute('data-value', 'lightly_damaged');
    await page.waitForTimeout(300); // a person's pace: not the burst of a scanner
    await press('é', 'Digit2');
    await expect(desk.gradeControl).toHaveAttribute('data-value', 'opened_packaging');
    await page.waitForTimeout(300);
    // The numeric keypad types digits on every layout.
    await press('3', 'Numpad3');
    await expect(desk.gradeControl).toHaveAttribute('data-value', 'used');

    // Alt and the digit row's second key opens the photo desk, as Alt+2 does on QWERTY.
    await press('é', 'Digit2', true);
    await expect(page).toHaveURL(/#\/photos/);
  });

  test('a scanner set up for a US layout on an AZERTY desk: its & é " … scans still find products and items', async ({
    app,
    page,
  }) => {
    const items = cliJson<{ rows: ItemSummary[] }>(app, 'items', 'list', '--limit', '1').rows;
    const other = items[0]!;
    const found = cliJson<ScanResult>(app, 'intake', 'scan', other.sku);
    if (found.kind !== 'product' || !found.product.ean)
      throw new Error(`no product with an EAN for ${other.sku}`);
    const ean = found.product.ean;

    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    const intake = new IntakeScreen(page);
    const desk = new DeskScreen(page);
    await expect(intake.scanField).toBeFocused();

    // Into the scan field: the EAN arrives as the French desk types the digit row, and finds the product.
    await scanOnAzerty(page, ean);
    await expect(desk.receiveForm).toHaveAttribute('data-product-sku', found.product.sku);
    await page.keyboard.type('ORD-AZERTY-2');
    await page.keyboard.press('Enter');
    await expect(desk.grading).toBeFocused();
    const received = (await intake.panel.getAttribute('data-item-reference'))!;

    // While the grading form has the focus, the burst's first key (a digit-row key, a grade key on
    // its own) is no grade: the whole scan goes to the scan field and finds the product again.
    await scanOnAzerty(page, ean);
    await expect(desk.receiveForm).toHaveAttribute('data-product-sku', found.product.sku);
    await expect(intake.scanField).toHaveValue('');

    // A person's search for an accented word is still a search, not digits.
    await intake.scanField.fill('é');
    await page.keyboard.press('Enter');
    await expect(intake.scanField).toHaveValue('é');

    // Where no field has the focus, an item's label scanned the same way ("RB-" and the digit row)
    // opens that item.
    await page.goto(`${app.url}#/items/${other.id}`);
    await expect(page.getByTestId('page-item')).toHaveAttribute('data-item-reference', other.reference);
    await page.evaluate(() =>
      (
        globalThis as unknown as { document: { activeElement: { blur?(): void } | null } }
      ).document.activeElement?.blur?.(),
    );
    await scanOnAzerty(page, received);
    await expect(page.getByTestId('page-item')).toHaveAttribute('data-item-reference', received);
  });

  test('two people grade the same item: the second save is told, and Reload shows the first', async ({
    app,
    page,
    browser,
  }) => {
    const item = cliJson<{ rows: ItemSummary[] }>(
      app,
      'items',
      'list',
      '--status',
      'received',
      '--limit',
      '1',
    ).rows[0]!;
    const desk = new DeskScreen(page);
    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    await new IntakeScreen(page).scan(item.reference);
    await expect(desk.grading).toBeFocused();
    await page.keyboard.press('3');
    await expect(desk.gradeControl).toHaveAttribute('data-value', 'used');

    // Meanwhile, at the next desk, Nadia grades the same item and saves first.
    const other = await browser.newPage();
    await other.goto(app.url);
    await new StartScreen(other).pickProfile('Nadia Okafor');
    const otherDesk = new DeskScreen(other);
    await new IntakeScreen(other).scan(item.reference);
    await expect(otherDesk.grading).toBeFocused();
    // Defective (6): the demo's received items already have a photo, so any other grade would
    // make the item approval-ready and send it on to the merchant's queue, off the desk.
    await other.keyboard.press('6');
    await other.keyboard.press('Control+Enter');
    await expect(otherDesk.history).toContainText('Nadia Okafor');
    await other.close();

    // Lea's form keeps what she chose; saving it is refused and says why.
    await expect(desk.gradeControl).toHaveAttribute('data-value', 'used');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('grade-conflict')).toBeVisible();
    await page.getByTestId('grade-conflict').getByRole('button').click();
    await expect(desk.gradeControl).toHaveAttribute('data-value', 'defective');
    await expect(desk.history).toContainText('Nadia Okafor');

    // The next parcel is scanned while the form has the focus: its EAN starts with a digit, yet
    // the scanner's burst goes to the scan field, not to the grade keys.
    const found = cliJson<ScanResult>(app, 'intake', 'scan', item.sku);
    if (found.kind !== 'product' || !found.product.ean) throw new Error(`no EAN for ${item.sku}`);
    await desk.grading.click({ position: { x: 5, y: 5 } });
    await expect(desk.grading).toBeFocused();
    await new IntakeScreen(page).scan(found.product.ean);
    await expect(desk.receiveForm).toHaveAttribute('data-product-sku', found.product.sku);
  });

  test('return notices imported from a CSV, the bad rows reported by line', async ({
    app,
    page,
  }, testInfo) => {
    const known = cliJson<{ rows: ItemSummary[] }>(app, 'items', 'list', '--limit', '1').rows[0]!;
    const delivered = daysAgo(6);
    // Written as a shop back-office exports it: semicolons, decimal commas, German headers, and a
    // quoted title spanning two lines (so line numbers are physical lines, not rows).
    const csv = [
      'Bestellnummer;SKU;Bezeichnung;Preis;Lieferdatum',
      `E2E-1001;${known.sku};;199,00;${delivered}`,
      `E2E-1002;E2E-LAMP-01;"Desk lamp with USB port,\nbrushed steel";89,90;${delivered}`,
      `E2E-1003;E2E-KETTLE-01;Glass kettle;12,3,4;${delivered}`,
      `E2E-1004;${known.sku};;199,00;2026-02-30`,
      `E2E-1005;;Something without a code;10,00;${delivered}`,
      '',
    ].join('\r\n');
    const file = testInfo.outputPath('retouren.csv');
    fs.writeFileSync(file, csv, 'utf8');

    await page.goto(app.url);
    await new StartScreen(page).pickProfile('Lea Brandt');
    const desk = new DeskScreen(page);
    await desk.openImport();
    await expect(page.getByTestId('import-merchant')).toHaveValue('Larkfield Home & Tech');
    await desk.chooseImportFile(file);

    // The preview shows the detected format and the suggested column of each field.
    await expect(desk.importPreview).toContainText('5 rows');
    await expect(desk.importPreview).toContainText('separator “;”');
    await expect(desk.importPreview.locator('[data-column="Bestellnummer"]')).toHaveValue('Order reference');
    await expect(desk.importPreview.locator('[data-column="Preis"]')).toHaveValue('Original price');
    await expect(desk.importPreview.locator('tbody tr').nth(2).locator('td').first()).toHaveText('5');

    await page.getByTestId('import-run').click();
    await expect(desk.importReport).toBeVisible();
    await expect(page.getByTestId('import-imported')).toHaveAttribute('data-count', '2');
    await expect(page.getByTestId('import-skipped')).toHaveAttribute('data-count', '0');
    const errors = await desk.importErrors();
    expect([...errors.keys()]).toEqual([5, 6, 7]);
    for (const reason of errors.values()) expect(reason.length).toBeGreaterThan(10);

    // The good rows are items now, waiting at the desk.
    const imported = cliJson<{ rows: ItemSummary[] }>(app, 'items', 'list', '--search', 'E2E-LAMP-01');
    expect(imported.rows.map((r) => r.title)).toEqual(['Desk lamp with USB port,\nbrushed steel']);

    // The same file again: nothing is created twice.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await desk.chooseImportFile(file);
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-imported')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('import-skipped')).toHaveAttribute('data-count', '2');
  });
});
