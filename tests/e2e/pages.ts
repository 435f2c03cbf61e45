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
    await expect(this.page.locator('[data-profile]').first()).toBeVisible({ timeout: 45_000 });
  }

  profile(name?: string): Locator {
    return name ? this.page.locator(`[data-profile="${name}"]`) : this.page.locator('[data-profile]').first();
  }

  /** Picks a profile (the first one by default) and returns its name. */
  async pickProfile(name?: string): Promise<string> {
    const button = this.profile(name);
    const picked = (await button.getAttribute('data-profile')) ?? '';
    await button.click();
    return picked;
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
}
