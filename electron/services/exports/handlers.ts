import fs from 'node:fs';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { exportsContract } from '../../../shared/contract/exports';
import { AppError } from '../../../shared/errors';
import { say } from '../../../shared/messages';
import { reachesMerchant } from '../../../shared/access';
import type { Actor } from '../actor';
import type { HandlerContext } from '../api';
import { getStatement, writeStatementPdf } from '../statements';
import { exportSales, getAccountCodes, setAccountCodes } from '.';
import { offerDownload } from './downloads';

type ExportsContract = typeof exportsContract;

export type ExportsHandlers = {
  readonly [M in keyof ExportsContract]: (
    input: ParsedInputOf<ExportsContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<ExportsContract[M]>>;
};

/** An approver sees their own merchant's statement and nobody else's. */
function ownMerchantOnly(actor: Actor, merchantId: number): void {
  if (!reachesMerchant(actor, merchantId))
    throw new AppError('forbidden', say('exports.statement_own_merchant_only'));
}

/** Exports and statements, merged into the API's handler map in ../api.ts. */
export const exportsHandlers: ExportsHandlers = {
  'exports.sales': async (input, { ws, sessionId }) => {
    const result = await exportSales(ws, input);
    // The browser mode gets the file from /api/download/<downloadId>: only files offered here.
    return { ...result, downloadId: offerDownload(ws, result.file, sessionId) };
  },
  'exports.accounts': async (_input, { ws }) => getAccountCodes(ws),
  'exports.setAccounts': async (input, { ws }) => setAccountCodes(ws, input),
  'statements.get': async (input, { ws, actor }) => {
    ownMerchantOnly(actor, input.merchantId);
    const { language: _language, ...statement } = await getStatement(ws, input);
    return statement;
  },
  'statements.pdf': async (input, { ws, actor, sessionId }) => {
    ownMerchantOnly(actor, input.merchantId);
    const written = await writeStatementPdf(ws, input);
    const downloadId = offerDownload(ws, written.file, sessionId);
    // The browser mode cannot read the data folder: the bytes come along to open from a Blob URL.
    return { ...written, downloadId, base64: (await fs.promises.readFile(written.file)).toString('base64') };
  },
};
