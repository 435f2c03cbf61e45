import type { OutputOf, ParsedInputOf } from '../../../../shared/contract/define';
import type { ebayContract } from '../../../../shared/contract/ebay';
import type { HandlerContext } from '../../api';
import { jobsEnvironment } from '../registry';
import { checkEbay, chooseEbay, createEbayLocation } from './preflight';
import { configureEbay, connectEbay, ebayConnectUrl, ebayStatus } from './service';

type EbayContract = typeof ebayContract;

export type EbayHandlers = {
  readonly [M in keyof EbayContract]: (
    input: ParsedInputOf<EbayContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<EbayContract[M]>>;
};

/** The merchant's eBay account, merged into the API's handler map in ../../api.ts. */
export const ebayHandlers: EbayHandlers = {
  'ebay.configure': async (input, { ws }) => configureEbay(ws, jobsEnvironment(ws).clock, input),
  'ebay.connectUrl': async (input, { ws }) => ebayConnectUrl(ws, jobsEnvironment(ws).clock, input),
  'ebay.connect': async (input, { ws }) => connectEbay(ws, jobsEnvironment(ws).clock, input),
  'ebay.status': async (input, { ws }) => ebayStatus(ws, input),
  'ebay.check': async (input, { ws }) => checkEbay(ws, jobsEnvironment(ws).clock, input.merchantId),
  'ebay.createLocation': async (input, { ws }) =>
    createEbayLocation(ws, jobsEnvironment(ws).clock, input.merchantId),
  'ebay.choose': async (input, { ws }) => chooseEbay(ws, jobsEnvironment(ws).clock, input),
};
