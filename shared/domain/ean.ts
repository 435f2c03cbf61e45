/**
 * GTIN (EAN-8, UPC-A/GTIN-12, EAN-13, GTIN-14) check digits and look-up variants.
 *
 * One product can be written with different lengths: a UPC-A "012345678905" is the EAN-13
 * "0012345678905" and the GTIN-14 "00012345678905". Scanners send whichever the symbol holds
 * and catalogues store whichever the merchant exported, so look-ups compare every equivalent
 * form rather than the text.
 */

export const GTIN_LENGTHS = [8, 12, 13, 14] as const;

/** The GS1 check digit for a body of 7, 11, 12 or 13 digits (weights 3, 1, 3… from the right). */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`A GTIN body has digits only, got “${body}”`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Digits only and one of the GTIN lengths: the shape of a code, before its check digit. */
export function looksLikeGtin(text: string): boolean {
  return /^\d+$/.test(text) && (GTIN_LENGTHS as readonly number[]).includes(text.length);
}

export function isValidGtin(code: string): boolean {
  return looksLikeGtin(code) && gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/**
 * Why a code is not a valid GTIN, written for the person who typed it; null when it is valid.
 */
export function gtinProblem(code: string): string | null {
  if (!/^\d+$/.test(code)) return `“${code}” is not an EAN/GTIN: it must contain digits only.`;
  if (!looksLikeGtin(code)) {
    return `“${code}” has ${code.length} digits; an EAN/GTIN has 8, 12, 13 or 14.`;
  }
  const expected = gtinCheckDigit(code.slice(0, -1));
  if (expected !== Number(code.at(-1))) {
    return `“${code}” is not a valid EAN/GTIN: its last (check) digit should be ${expected}. Check for a typo.`;
  }
  return null;
}

/**
 * Every stored form that denotes the same product as `code`: the code padded or stripped of
 * leading zeros to 8, 12, 13 and 14 digits. Empty for text that is not a valid GTIN.
 */
export function gtinVariants(code: string): string[] {
  if (!isValidGtin(code)) return [];
  const gtin14 = code.padStart(14, '0');
  const variants: string[] = [];
  for (const length of GTIN_LENGTHS) {
    const cut = 14 - length;
    if (/^0*$/.test(gtin14.slice(0, cut))) variants.push(gtin14.slice(cut));
  }
  return variants;
}
