import type { Profile } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { useSession } from '../../state/session';

/** The profile acting in this window, to decide which month-end actions it may take. */
export function useActor(): Profile | undefined {
  const profileId = useSession((s) => s.profileId);
  const profiles = useCall('profiles.list', {});
  return profiles.data?.find((p) => p.id === profileId);
}

/** Mirrors the contract's roles, so the buttons say "no" before the server has to. */
export function canExport(actor: Profile | undefined): boolean {
  return actor?.role === 'bookkeeper' || actor?.role === 'admin';
}

export function canOpenStatement(actor: Profile | undefined): boolean {
  return canExport(actor) || (actor?.role === 'approver' && actor.merchantId !== null);
}

/** An inclusive range of days; undefined ends mean "since the start" / "up to now". */
export interface Period {
  readonly from?: string;
  readonly to?: string;
}

function lastDayOf(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The period choices: everything, one calendar year, or one month (as YYYY-MM). */
export function periodOf(value: string): Period {
  if (value === 'all') return {};
  if (/^\d{4}$/.test(value)) return { from: `${value}-01-01`, to: `${value}-12-31` };
  return { from: `${value}-01`, to: lastDayOf(value) };
}
