import {
  IconCamera,
  IconChartBar,
  IconChecklist,
  IconReceipt2,
  IconScan,
  IconSettings,
  IconTag,
  type Icon,
} from '@tabler/icons-react';
import type { PageId } from '../state/router';

export interface NavEntry {
  readonly page: PageId;
  readonly labelKey:
    | 'nav.intake'
    | 'nav.photoDesk'
    | 'nav.approvals'
    | 'nav.listings'
    | 'nav.sales'
    | 'nav.reports'
    | 'nav.settings';
  readonly icon: Icon;
  /** Alt+digit jumps to the page; shown in the navbar tooltip and the command palette. */
  readonly hotkey: string;
}

export const NAV: readonly NavEntry[] = [
  { page: 'intake', labelKey: 'nav.intake', icon: IconScan, hotkey: '1' },
  { page: 'photos', labelKey: 'nav.photoDesk', icon: IconCamera, hotkey: '2' },
  { page: 'approvals', labelKey: 'nav.approvals', icon: IconChecklist, hotkey: '3' },
  { page: 'listings', labelKey: 'nav.listings', icon: IconTag, hotkey: '4' },
  { page: 'sales', labelKey: 'nav.sales', icon: IconReceipt2, hotkey: '5' },
  { page: 'reports', labelKey: 'nav.reports', icon: IconChartBar, hotkey: '6' },
  { page: 'settings', labelKey: 'nav.settings', icon: IconSettings, hotkey: '7' },
];
