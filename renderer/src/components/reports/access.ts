import { mayCall } from '../../../../shared/access';
import type { Me } from '../../../../shared/contract';
/** The access rule's answer, so the buttons say "no" before the server has to. */
export function canExport(actor: Me | null): boolean {
  return mayCall(actor, 'exports.sales');
}

export function canOpenStatement(actor: Me | null): boolean {
  return mayCall(actor, 'statements.pdf');
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
