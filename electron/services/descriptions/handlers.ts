import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { descriptionsContract } from '../../../shared/contract/descriptions';
import type { HandlerContext } from '../api';
import {
  getDescriptions,
  getTemplate,
  previewTemplate,
  resetDescription,
  saveDescription,
  updateTemplate,
} from './service';

type DescriptionsContract = typeof descriptionsContract;

export type DescriptionsHandlers = {
  readonly [M in keyof DescriptionsContract]: (
    input: ParsedInputOf<DescriptionsContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<DescriptionsContract[M]>>;
};

/** The descriptions' methods, merged into the API's handler map in ../api.ts. */
export const descriptionsHandlers: DescriptionsHandlers = {
  'descriptions.get': async (input, { ws }) => getDescriptions(ws, input.itemId, input.lang),
  'descriptions.save': async (input, { ws, actor }) => saveDescription(ws, actor, input),
  'descriptions.reset': async (input, { ws, actor }) => resetDescription(ws, actor, input),
  'descriptions.templates.get': async (input, { ws }) => getTemplate(ws, input.merchantId, input.lang),
  'descriptions.templates.update': async (input, { ws, actor }) => updateTemplate(ws, actor, input),
  'descriptions.preview': async (input, { ws }) => previewTemplate(ws, input),
};
