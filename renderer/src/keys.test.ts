import { describe, expect, it } from 'vitest';
import {
  azertyDigits,
  continuesScan,
  keyOnThisKeyboard,
  namedKey,
  pressedDigit,
  readScan,
  type Keystroke,
} from './keys';

/** The keys a French AZERTY desk reports for what a scanner sends, 5 ms apart. */
const AZERTY: Readonly<Record<string, readonly [code: string, shifted: boolean]>> = {
  '&': ['Digit1', false],
  é: ['Digit2', false],
  '"': ['Digit3', false],
  "'": ['Digit4', false],
  '(': ['Digit5', false],
  '-': ['Digit6', false],
  è: ['Digit7', false],
  _: ['Digit8', false],
  ç: ['Digit9', false],
  à: ['Digit0', false],
  ')': ['Minus', false],
  '1': ['Digit1', true],
  '2': ['Digit2', true],
  '3': ['Digit3', true],
  '0': ['Digit0', true],
  R: ['KeyR', true],
  B: ['KeyB', true],
  Q: ['KeyA', true],
  A: ['KeyQ', true],
};

function azertyDesk(typed: string): Keystroke[] {
  return [...typed].map((key, index) => {
    const [code, shiftKey] = AZERTY[key] ?? [`Key${key.toUpperCase()}`, key !== key.toLowerCase()];
    return { code, key, shiftKey, at: index * 5 };
  });
}

function usDesk(typed: string): Keystroke[] {
  return [...typed].map((key, index) => ({
    code: /[0-9]/.test(key) ? `Digit${key}` : key === '-' ? 'Minus' : `Key${key.toUpperCase()}`,
    key,
    shiftKey: /[A-Z]/.test(key),
    at: index * 5,
  }));
}

describe('a barcode scanner on any desk', () => {
  it('reads an EAN from a US-layout scanner on an AZERTY desk as its digits', () => {
    // 4006381333931 as the French desk types it.
    expect(readScan(azertyDesk('\'àà-"_&"""ç"&'))).toBe('4006381333931');
  });

  it('reads an item label scanned the same way, letters and dash included', () => {
    // RB-000123: the scanner's dash is AZERTY's ) key, its digits the unshifted digit row.
    expect(readScan(azertyDesk('RB)ààà&é"'))).toBe('RB-000123');
  });

  it('leaves alone a scanner set up for the AZERTY desk, which types real digits', () => {
    expect(readScan(azertyDesk('RB-000123'))).toBe('RB-000123');
  });

  it('leaves alone a dash-only code from a scanner set up for AZERTY', () => {
    expect(readScan(azertyDesk('AB-CD'))).toBe('AB-CD');
  });

  it('leaves alone every scan on a QWERTY desk', () => {
    expect(readScan(usDesk('RB-000123'))).toBe('RB-000123');
    expect(readScan(usDesk('4006381333931'))).toBe('4006381333931');
  });
});

describe('an AZERTY scan that reached a field as text only', () => {
  it('is read as digits when the whole entry is the digit row', () => {
    expect(azertyDigits("ç&'&éç")).toBe('914129');
    expect(azertyDigits('  \'àà-"_&"""ç"&  ')).toBe('4006381333931');
  });

  it('keeps a search typed with accents', () => {
    expect(azertyDigits('é')).toBeNull();
    expect(azertyDigits('à')).toBeNull();
    expect(azertyDigits('été')).toBeNull();
    expect(azertyDigits('café')).toBeNull();
    expect(azertyDigits('4006381333931')).toBeNull();
  });
});

describe('grading keys', () => {
  it('are read from the physical key on every layout', () => {
    expect(pressedDigit({ code: 'Digit4', key: "'" })).toBe(4);
    expect(pressedDigit({ code: 'Numpad3', key: '3' })).toBe(3);
    expect(pressedDigit({ code: '', key: '5' })).toBe(5);
    expect(pressedDigit({ code: 'KeyD', key: 'd' })).toBeNull();
  });
});

describe('a fast run of shortcut keys', () => {
  it('is a person for up to two shortcuts, however fast: 3 then D grade and add a defect', () => {
    expect(continuesScan(0, true)).toBe(false);
    expect(continuesScan(1, true)).toBe(false);
  });

  it('is a scanner from the third fast shortcut, or at once when a fast key is no shortcut', () => {
    expect(continuesScan(2, true)).toBe(true);
    expect(continuesScan(1, false)).toBe(true);
    expect(continuesScan(0, false)).toBe(false);
  });
});

describe('key caps', () => {
  it('show ⌘ for the Ctrl shortcuts on a Mac, and Ctrl elsewhere', () => {
    expect(namedKey(keyOnThisKeyboard('Ctrl', true))).toBe('cmd');
    expect(namedKey(keyOnThisKeyboard('Ctrl', false))).toBe('ctrl');
    expect(namedKey(keyOnThisKeyboard('Shift', true))).toBe('shift');
    expect(keyOnThisKeyboard('Z', true)).toBe('Z');
  });
});
