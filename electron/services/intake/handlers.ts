import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { intakeContract } from '../../../shared/contract/intake';
import type { HandlerContext } from '../api';
import { gradeItem, setDisposition } from './grade';
import { importReturns, previewImport } from './importReturns';
import { itemLabel } from './label';
import { receiveItem, updateReturnFacts } from './receive';
import { scan } from './scan';

type IntakeContract = typeof intakeContract;

export type IntakeHandlers = {
  readonly [M in keyof IntakeContract]: (
    input: ParsedInputOf<IntakeContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<IntakeContract[M]>>;
};

/** The intake desk's methods, merged into the API's handler map in ../api.ts. */
export const intakeHandlers: IntakeHandlers = {
  'intake.scan': async (input, { ws }) => scan(ws, input),
  'intake.receive': async (input, { ws, actor }) => receiveItem(ws, actor, input),
  'intake.updateReturnFacts': async (input, { ws, actor }) => updateReturnFacts(ws, actor, input),
  'intake.grade': async (input, { ws, actor }) => gradeItem(ws, actor, input),
  'intake.setDisposition': async (input, { ws, actor }) => setDisposition(ws, actor, input),
  'intake.label': async (input, { ws }) => itemLabel(ws, input.itemId, input.size),
  'intake.previewImport': async (input) => previewImport(input),
  'intake.importReturns': async (input, { ws, actor }) => importReturns(ws, actor, input),
};
