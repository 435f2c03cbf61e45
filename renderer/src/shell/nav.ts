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
import { mayCall, type Person } from '../../../shared/access';
import type { MethodName } from '../../../shared/contract';
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
  /** The call the page is built on: who may not make it does not see the page. */
  readonly needs: MethodName;
}

export const NAV: readonly NavEntry[] = [
  { page: 'intake', labelKey: 'nav.intake', icon: IconScan, hotkey: '1', needs: 'intake.scan' },
  {
    page: 'photos',
    labelKey: 'nav.photoDesk',
    icon: IconCamera,
    hotkey: '2',
    needs: 'photos.hotFolderStatus',
  },
  { page: 'approvals', labelKey: 'nav.approvals', icon: IconChecklist, hotkey: '3', needs: 'approvals.list' },
  { page: 'listings', labelKey: 'nav.listings', icon: IconTag, hotkey: '4', needs: 'listings.list' },
  { page: 'sales', labelKey: 'nav.sales', icon: IconReceipt2, hotkey: '5', needs: 'sales.list' },
  { page: 'reports', labelKey: 'nav.reports', icon: IconChartBar, hotkey: '6', needs: 'reports.overview' },
  { page: 'settings', labelKey: 'nav.settings', icon: IconSettings, hotkey: '7', needs: 'settings.get' },
];

/** The pages this person may open, in navbar order (the access rule of `shared/access`). */
export function navFor(me: Person | null): readonly NavEntry[] {
  return NAV.filter((entry) => mayCall(me, entry.needs));
}
