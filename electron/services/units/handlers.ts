import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { unitsContract } from '../../../shared/contract/catalogue-units';
import type { HandlerContext } from '../api';
import { reportSelling } from '../reports';
import { importUnitsSold } from './importUnitsSold';

type UnitsContract = typeof unitsContract;

export type UnitsHandlers = {
  readonly [M in keyof UnitsContract]: (
    input: ParsedInputOf<UnitsContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<UnitsContract[M]>>;
};

/** Units sold per SKU and the monthly selling figures, merged into the API's handler map in ../api.ts. */
export const unitsHandlers: UnitsHandlers = {
  'products.importUnitsSold': async (input, { ws, actor }) => importUnitsSold(ws, actor, input),
  'reports.selling': async (input, { ws }) => reportSelling(ws, input),
};
