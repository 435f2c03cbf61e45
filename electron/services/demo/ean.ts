import { gtinCheckDigit, isValidGtin } from '../../../shared/domain/ean';

/**
 * EAN-13 codes for the demo catalogue. The catalogue stores only the first twelve digits of
 * each code and computes the thirteenth, so a typo can never produce a code a scanner refuses.
 */

/** The full 13-digit code for a 12-digit body. */
export function withEan13CheckDigit(first12: string): string {
  if (!/^\d{12}$/.test(first12)) {
    throw new RangeError(`An EAN-13 body has exactly 12 digits, got “${first12}”`);
  }
  return `${first12}${gtinCheckDigit(first12)}`;
}

export function isValidEan13(code: string): boolean {
  return code.length === 13 && isValidGtin(code);
}

// The EAN-13 symbol: the first digit picks the L/G parity of the left half, each digit is
// seven modules. Used to draw a real, scannable barcode on the demo's packaging photos.
const L_CODES = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const PARITY = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLL',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL',
];

function rCode(digit: number): string {
  return [...L_CODES[digit]!].map((bit) => (bit === '1' ? '0' : '1')).join('');
}

function gCode(digit: number): string {
  return [...rCode(digit)].reverse().join('');
}

/** The 95 modules of an EAN-13 symbol as a string of 0 and 1 (1 = bar). */
export function ean13Modules(code: string): string {
  if (!isValidEan13(code)) throw new RangeError(`Not a valid EAN-13: “${code}”`);
  const digits = [...code].map(Number);
  const parity = PARITY[digits[0]!]!;
  let modules = '101';
  for (let i = 1; i <= 6; i++) {
    modules += parity[i - 1] === 'L' ? L_CODES[digits[i]!]! : gCode(digits[i]!);
  }
  modules += '01010';
  for (let i = 7; i <= 12; i++) modules += rCode(digits[i]!);
  return `${modules}101`;
}
