import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Page objects for the renderer: each screen as the person at the desk sees it. Locators use
 * roles, visible text and the few `data-testid`s the screens expose, never CSS structure.
 */

export type NavPage = 'intake' | 'photos' | 'approvals' | 'listings' | 'sales' | 'reports' | 'settings';

export class StartScreen {
  constructor(private readonly page: Page) {}

  get explanation(): Locator {
    return this.page.getByTestId('app-explain');
  }

  get openDemoButton(): Locator {
    return this.page.getByTestId('open-demo');
  }

  /** Creates the demo workspace; it takes a few seconds, so the wait is generous. */
  async openDemo(): Promise<void> {
    await this.openDemoButton.click();
    await expect(this.page.locator('[data-demo-person]').first()).toBeVisible({ timeout: 45_000 });
  }

  /** One of the demo's people on its sign-in page (the first by default). */
  profile(name?: string): Locator {
    return name
      ? this.page.locator(`[data-demo-person="${name}"]`)
      : this.page.locator('[data-demo-person]').first();
  }

  /**
   * Signs in as one of the demo's people (the first by default) with the password its sign-in
   * page shows, as a newcomer would; returns the name.
   */
  async pickProfile(name?: string): Promise<string> {
    const person = this.profile(name);
    const picked = (await person.getAttribute('data-demo-person')) ?? '';
    await person.click();
    await this.page.getByTestId('sign-in-submit').click();
    await expect(this.page.getByTestId('acting-profile')).toHaveText(picked, { timeout: 20_000 });
    return picked;
  }

  /** Signs in with a name and password typed in, as a person with their own account does. */
  async signIn(name: string, password: string): Promise<void> {
    await this.page.getByTestId('sign-in-name').fill(name);
    await this.page.getByTestId('sign-in-password').fill(password);
    await this.page.getByTestId('sign-in-submit').click();
  }
}

export class Shell {
  constructor(private readonly page: Page) {}

  navLink(page: NavPage): Locator {
    return this.page.locator(`nav a[data-page="${page}"]`);
  }

  async goTo(page: NavPage): Promise<void> {
    await this.navLink(page).click();
    await expect(this.page.getByTestId(`page-${page}`)).toBeVisible();
  }

  get actingProfile(): Locator {
    return this.page.getByTestId('acting-profile');
  }

  get demoBadge(): Locator {
    return this.page.getByTestId('demo-badge');
  }
}

export class IntakeScreen {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('page-intake');
  }

  get scanField(): Locator {
    return this.page.getByTestId('scan-field');
  }

  get list(): Locator {
    return this.page.getByTestId('item-list');
  }

  get rows(): Locator {
    return this.list.getByRole('option');
  }

  get panel(): Locator {
    return this.page.getByTestId('item-panel');
  }

  /** Shows every status, not only the queue at the desk. */
  async showAllStatuses(): Promise<void> {
    await this.page
      .getByTestId('status-filter')
      .getByText(/^(All|Tous|Alle) ·/)
      .click();
  }

  async filterByGrade(label: string): Promise<void> {
    await this.page.getByTestId('grade-filter').click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  /** Types like a barcode scanner: fast keystrokes ending in Enter, into whatever has the focus. */
  async scan(code: string): Promise<void> {
    await this.page.keyboard.type(code, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }
}

export class ApprovalsScreen {
  constructor(private readonly page: Page) {}

  get counter(): Locator {
    return this.page.getByTestId('approvals-counter');
  }

  get rows(): Locator {
    return this.page.getByTestId('approvals-table').locator('tbody tr');
  }

  get selectedRow(): Locator {
    return this.page.getByTestId('approvals-table').locator('tbody tr[aria-selected="true"]');
  }

  get drawer(): Locator {
    return this.page.getByTestId('approval-details');
  }

  get trace(): Locator {
    return this.drawer.getByTestId('price-trace');
  }

  get traceTotal(): Locator {
    return this.trace.getByTestId('trace-total');
  }

  /** Approve / adjust / reject in the drawer; absent for profiles that may not decide. */
  get decisionBar(): Locator {
    return this.page.getByTestId('decision-bar');
  }

  /** Why this profile may not decide (shown instead of the decision bar). */
  get refusal(): Locator {
    return this.page.getByTestId('decision-refused');
  }

  get adjustModal(): Locator {
    return this.page.getByTestId('adjust-modal');
  }

  /** Opens the adjust modal, types the price and approves at it. */
  async adjustTo(price: string): Promise<void> {
    await this.decisionBar.getByTestId('adjust').click();
    const input = this.adjustModal.getByTestId('adjust-price');
    await input.fill(price);
  }
}

export class SettingsScreen {
  constructor(private readonly page: Page) {}

  async chooseLanguage(label: 'English' | 'Français' | 'Deutsch'): Promise<void> {
    await this.page.getByTestId('language-switch').getByText(label, { exact: true }).click();
  }

  async chooseTheme(label: string): Promise<void> {
    await this.page.getByTestId('theme-switch').getByText(label, { exact: true }).click();
  }

  get colorScheme(): Locator {
    return this.page.locator('html');
  }

  /** Saves the folder the tethering software writes into, and waits until it is watched. */
  async watchHotFolder(folder: string): Promise<void> {
    await this.page.getByTestId('hot-folder-input').fill(folder);
    await this.page.getByTestId('hot-folder-save').click();
    await expect(
      this.page.getByTestId('hot-folder-settings').getByTestId('hot-folder-status'),
    ).toHaveAttribute('data-watching', 'true');
  }
}

/** The Intake desk's forms: receiving a scanned product, grading, labels, importing notices. */
export class DeskScreen {
  constructor(private readonly page: Page) {}

  get gradedToday(): Locator {
    return this.page.getByTestId('graded-today');
  }

  /** The "N graded today" counter as a number. */
  async gradedTodayCount(): Promise<number> {
    return Number(await this.gradedToday.getAttribute('data-count'));
  }

  get receiveForm(): Locator {
    return this.page.getByTestId('receive-form');
  }

  get grading(): Locator {
    return this.page.getByTestId('grading-form');
  }

  get gradeControl(): Locator {
    return this.page.getByTestId('grade-control');
  }

  get defectRows(): Locator {
    return this.grading.getByTestId('defect-row');
  }

  /** Fills one defect row the way the desk does: kind from the list, where, size, severity, note. */
  async describeDefect(
    row: Locator,
    defect: { kind: string; where: string; sizeMm: number; severity: string; note: string },
  ): Promise<void> {
    await row
      .getByLabel(/^(Kind|Type|Art)$/)
      .first()
      .click();
    await this.page.getByRole('option', { name: defect.kind, exact: true }).click();
    await row
      .getByLabel(/^(Where|Emplacement|Stelle)$/)
      .first()
      .fill(defect.where);
    await row
      .getByLabel(/^(Size|Taille|Größe)/)
      .first()
      .fill(String(defect.sizeMm));
    await row.getByText(defect.severity, { exact: true }).click();
    await row
      .getByLabel(/^(Note|Remarque|Notiz)$/)
      .first()
      .fill(defect.note);
  }

  /** Clicks an accessory chip (its visible label; the checkbox itself is hidden). */
  async toggleAccessory(chip: Locator): Promise<void> {
    await chip.locator('xpath=following-sibling::label').click();
  }

  get history(): Locator {
    return this.page.getByTestId('item-panel').getByTestId('history');
  }

  get labelLink(): Locator {
    return this.page.getByTestId('label-link');
  }

  /** The bytes of the last label, saved again through the link beside the button. */
  async labelBytes(): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await this.labelLink.click();
    const file = await (await download).path();
    return fs.readFileSync(file);
  }

  get importDialog(): Locator {
    return this.page.getByTestId('import-modal');
  }

  async openImport(): Promise<void> {
    await this.page.getByTestId('import-open').click();
    await expect(this.page.getByTestId('import-drop')).toBeVisible();
  }

  async chooseImportFile(file: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles(file);
    await expect(this.page.getByTestId('import-preview')).toBeVisible();
  }

  get importPreview(): Locator {
    return this.page.getByTestId('import-preview');
  }

  get importReport(): Locator {
    return this.page.getByTestId('import-report');
  }

  /** The refused rows as the report lists them: line number → reason. */
  async importErrors(): Promise<Map<number, string>> {
    const rows = this.page.getByTestId('import-errors').locator('tbody tr');
    const errors = new Map<number, string>();
    for (const row of await rows.all()) {
      errors.set(
        Number(await row.getAttribute('data-line')),
        (await row.locator('td').nth(1).innerText()).trim(),
      );
    }
    return errors;
  }
}

/** The item page's "Descriptions" section: a tab per language, edit and reset. */
export class DescriptionsSection {
  constructor(private readonly page: Page) {}

  tab(lang: 'en' | 'fr' | 'de'): Locator {
    return this.page.getByTestId(`description-tab-${lang}`);
  }

  panel(lang: 'en' | 'fr' | 'de'): Locator {
    return this.page.getByTestId(`description-${lang}`);
  }

  title(lang: 'en' | 'fr' | 'de'): Locator {
    return this.panel(lang).getByTestId('description-title');
  }

  async editTitle(lang: 'en' | 'fr' | 'de', title: string): Promise<void> {
    await this.panel(lang).getByTestId('description-edit').click();
    await this.panel(lang).getByTestId('description-title-input').fill(title);
    await this.panel(lang).getByTestId('description-save').click();
  }
}

export class ReportsScreen {
  constructor(private readonly page: Page) {}

  get showNumbers(): Locator {
    return this.page.getByTestId('show-numbers');
  }

  chart(name: 'months' | 'grades' | 'channels' | 'handled' | 'reasons' | 'dispositions'): Locator {
    return this.page.getByTestId(`card-${name}`);
  }

  get exportForm(): Locator {
    return this.page.getByTestId('export-form');
  }

  get statementForm(): Locator {
    return this.page.getByTestId('statement-form');
  }
}

export class PhotoDeskScreen {
  constructor(private readonly page: Page) {}

  get thumbs(): Locator {
    return this.page.getByTestId('filmstrip-photo');
  }

  get dropIndicator(): Locator {
    return this.page.getByTestId('filmstrip-drop-indicator');
  }

  /** The photo ids in the order the filmstrip shows them. */
  order(): Promise<number[]> {
    return this.thumbs.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-photo-id'))));
  }

  /** Turns shooting by label on, and waits for its list of arriving photos. */
  async shootByLabel(): Promise<void> {
    await this.page.getByTestId('shoot-by-label').click();
    await expect(this.page.getByTestId('routing-view')).toBeVisible();
  }

  /** Drags thumbnail `from` with the mouse and drops it just inside the left edge of `before`. */
  async dragBefore(from: number, before: number): Promise<void> {
    await this.thumbs.nth(from).dragTo(this.thumbs.nth(before), { targetPosition: { x: 6, y: 40 } });
  }
}
