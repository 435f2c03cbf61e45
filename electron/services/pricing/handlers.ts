import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { pricingContract } from '../../../shared/contract/pricing';
import type { HandlerContext } from '../api';
import { adjustPrice, approveMany, approvePrice, rejectPrice } from './decide';
import { getPolicy, previewPrice, updatePolicy } from './policy';
import { proposePrice } from './propose';
import { approvalQueue } from './queue';
import { getPricing } from './view';

type PricingContract = typeof pricingContract;

export type PricingHandlers = {
  readonly [M in keyof PricingContract]: (
    input: ParsedInputOf<PricingContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<PricingContract[M]>>;
};

/** Pricing and approvals, merged into the API's handler map in ../api.ts. */
export const pricingHandlers: PricingHandlers = {
  'pricing.propose': async (input, { ws, actor }) => proposePrice(ws, actor, input.itemId),
  'pricing.get': async (input, { ws }) => getPricing(ws, input.itemId),
  'pricing.policy.get': async (input, { ws, actor }) => getPolicy(ws, actor, input.merchantId),
  'pricing.policy.update': async (input, { ws, actor }) =>
    updatePolicy(ws, actor, input.merchantId, input.policy),
  'pricing.preview': async (input, { ws }) => previewPrice(ws, input),
  'approvals.list': async (input, { ws, actor }) => approvalQueue(ws, actor, input),
  'approvals.approve': async (input, { ws, actor }) => approvePrice(ws, actor, input),
  'approvals.adjust': async (input, { ws, actor }) => adjustPrice(ws, actor, input),
  'approvals.reject': async (input, { ws, actor }) => rejectPrice(ws, actor, input),
  'approvals.approveMany': async (input, { ws, actor }) => approveMany(ws, actor, input.itemIds),
};
