import { gtinCheckDigit, looksLikeGtin } from '../../../shared/domain/ean';
import { say, type Message } from '../../../shared/messages';

/**
 * Why a typed or imported code is not an EAN/GTIN, as a message, or null when it is one. The same
 * checks as `gtinProblem` in `shared/domain/ean.ts`, said in the reader's language.
 */
export function gtinProblemText(code: string): Message | null {
  if (!/^\d+$/.test(code)) return say('intake.gtin.not_digits', { code });
  if (!looksLikeGtin(code)) return say('intake.gtin.length', { code, digits: code.length });
  const expected = gtinCheckDigit(code.slice(0, -1));
  if (expected !== Number(code.at(-1)))
    return say('intake.gtin.check_digit', { code, digit: String(expected) });
  return null;
}
