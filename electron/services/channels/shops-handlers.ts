import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { shopsContract } from '../../../shared/contract/shops';
import type { HandlerContext } from '../api';
import { jobsEnvironment } from './registry';
import { configureShop, removeShop, shopStatus, testShopConnection } from './shops';
import { setWatermark } from './watermark';

type ShopsContract = typeof shopsContract;

export type ShopsHandlers = {
  readonly [M in keyof ShopsContract]: (
    input: ParsedInputOf<ShopsContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<ShopsContract[M]>>;
};

/** The merchant's shop accounts and watermark, merged into the API's handler map in ../api.ts. */
export const shopsHandlers: ShopsHandlers = {
  'shops.configure': async (input, { ws }) => configureShop(ws, jobsEnvironment(ws).clock, input),
  'shops.status': async (input, { ws }) => shopStatus(ws, input.merchantId),
  'shops.test': async (input, { ws }) => testShopConnection(ws, jobsEnvironment(ws).clock, input),
  'shops.remove': async (input, { ws }) => removeShop(ws, jobsEnvironment(ws).clock, input),
  'shops.setWatermark': async (input, { ws }) => {
    await setWatermark(ws, input);
    const [shops] = await shopStatus(ws, input.merchantId);
    return shops!;
  },
};
