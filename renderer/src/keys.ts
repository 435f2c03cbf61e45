/**
 * The digit of the key pressed, read from the physical key (`event.code`: the digit row or the
 * numeric keypad) rather than from the character it types. On a French AZERTY keyboard the
 * unshifted digit row types & é " ' ( - è _ ç à, so shortcuts read from `event.key` would do
 * nothing there; by the physical key, 1 to 6 grade on AZERTY, QWERTZ and QWERTY alike. Without a
 * code (some on-screen keyboards), the character itself.
 */
export function pressedDigit(event: { readonly code: string; readonly key: string }): number | null {
  const physical = /^(?:Digit|Numpad)([0-9])$/.exec(event.code);
  if (physical) return Number(physical[1]);
  return /^[0-9]$/.test(event.key) ? Number(event.key) : null;
}

/** One key of a typed burst, as a keydown event reports it. */
export interface Keystroke {
  /** The physical key (`KeyboardEvent.code`), empty when the source gives none. */
  readonly code: string;
  /** The character the desk's layout made of it (`KeyboardEvent.key`). */
  readonly key: string;
  readonly shiftKey: boolean;
  /** When it was pressed (`KeyboardEvent.timeStamp`, ms), to tell a scanner's pace from a person's. */
  readonly at: number;
}

export function keystrokeOf(event: {
  readonly code: string;
  readonly key: string;
  readonly shiftKey: boolean;
  readonly timeStamp: number;
}): Keystroke {
  return { code: event.code, key: event.key, shiftKey: event.shiftKey, at: event.timeStamp };
}

/**
 * What a US-layout barcode scanner meant by a key: it sends the keys a US keyboard needs for each
 * character, whatever the desk's layout then makes of them. Unshifted and shifted character.
 */
const US_LAYOUT: Readonly<Record<string, readonly [string, string]>> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
};

function usLayoutChar(stroke: Keystroke): string | null {
  const letter = /^Key([A-Z])$/.exec(stroke.code);
  if (letter) return stroke.shiftKey ? letter[1]! : letter[1]!.toLowerCase();
  const keypad = /^Numpad([0-9])$/.exec(stroke.code);
  if (keypad) return keypad[1]!;
  const pair = US_LAYOUT[stroke.code];
  return pair ? pair[stroke.shiftKey ? 1 : 0] : null;
}

/**
 * The text a scanner burst stands for. A scanner set up for a US layout but plugged into a French
 * AZERTY desk sends the unshifted digit row for digits, which that desk types as & é " ' ( - è _ ç à:
 * the EAN 4006381333931 arrives as 'àà-"_&"""ç"&. Such a burst is read key by key as the US layout
 * the scanner assumed, by the physical key. It is told apart by its digit row: it typed no digit
 * at all (a scanner set up for the desk's own layout, or any scanner on QWERTY or QWERTZ, types
 * digits there) while being made only of digit-row keys (an EAN, a numeric notice) or typing a
 * letter no barcode holds (é è ç à are not ASCII). Any other burst is the text typed, so a scanner
 * that already matches the desk ("RB-000123" with its "-" on AZERTY's 6 key) is left alone.
 */
export function readScan(strokes: readonly Keystroke[]): string {
  const typed = strokes.map((stroke) => stroke.key).join('');
  const digitRow = strokes.filter((stroke) => /^Digit[0-9]$/.test(stroke.code));
  if (digitRow.length === 0 || digitRow.some((stroke) => /^[0-9]$/.test(stroke.key))) return typed;
  const onlyDigitRow = digitRow.length === strokes.length;
  const notInABarcode = /[^\x20-\x7e]/.test(typed);
  if (!onlyDigitRow && !notInABarcode) return typed;
  const meant = strokes.map(usLayoutChar);
  return meant.every((char) => char !== null) ? meant.join('') : typed;
}

/** Two keys closer than this come from a barcode scanner, not from a person. */
export const SCANNER_GAP_MS = 35;

/**
 * How many shortcut keys in a row, each closer than SCANNER_GAP_MS to the one before, a person may
 * still press: two. A hurried grader's "3 then D" can come that fast (and a test driver's always
 * does), while no barcode is shorter than three characters, so the third such key tells a scanner.
 */
const PERSON_FAST_SHORTCUTS = 2;

/**
 * Whether a key of a form with one-key shortcuts belongs to a scanner's burst rather than to a
 * person, given the keys of the fast run before it (0 when the gap since the last key was longer
 * than a scanner's): a key that is no shortcut, typed that fast after one, or the third fast
 * shortcut in a row. A scanner's burst then undoes what its first keys did and goes to the scan
 * field whole.
 */
export function continuesScan(fastRunBefore: number, isShortcut: boolean): boolean {
  if (fastRunBefore === 0) return false;
  return !isShortcut || fastRunBefore + 1 > PERSON_FAST_SHORTCUTS;
}

/** What the unshifted digit row of a French AZERTY keyboard types, from 1 to 0. */
export const AZERTY_DIGIT_ROW = '&é"\'(-è_çà';

/**
 * The digits a US-layout scanner meant when its scan reached a text field of an AZERTY desk as
 * characters only (pasted, or forwarded without its key events), or null when the text is not
 * such a scan.
 *
 * Where this applies: only to a whole entry made of the digit row's characters and longer than one
 * character, checked when the entry is submitted (Enter in the Intake scan field), never while
 * typing. No word is written with these characters alone, so a search typed as a word ("été",
 * "café", "à" on its own) keeps its text; where the key events are known, `readScan` decides by
 * the physical keys instead.
 */
export function azertyDigits(text: string): string | null {
  const chars = [...text.trim()];
  if (chars.length < 2) return null;
  const digits = chars.map((char) => AZERTY_DIGIT_ROW.indexOf(char));
  if (digits.some((index) => index < 0)) return null;
  return digits.map((index) => String((index + 1) % 10)).join('');
}

/**
 * Keys drawn as key caps by their id (the `KeyboardEvent.key` name) and the catalogue entry that
 * names them in the person's language: Maj, Suppr, Entrée in French; Umschalt, Entf, Eingabe in
 * German. Letters, digits and arrows are drawn as they are.
 */
export const NAMED_KEYS = {
  Enter: 'enter',
  Control: 'ctrl',
  Ctrl: 'ctrl',
  Alt: 'alt',
  Shift: 'shift',
  Delete: 'delete',
  Backspace: 'backspace',
  Space: 'space',
  ' ': 'space',
  Escape: 'escape',
  Tab: 'tab',
  Meta: 'cmd',
} as const;

export type NamedKey = keyof typeof NAMED_KEYS;

/**
 * The key a shortcut written with Ctrl is pressed with here: on a Mac that is ⌘ (every handler
 * takes `metaKey` as well as `ctrlKey`), so its cap says so.
 */
export function keyOnThisKeyboard(id: string, mac: boolean): string {
  return mac && (id === 'Ctrl' || id === 'Control') ? 'Meta' : id;
}

export function namedKey(id: string): (typeof NAMED_KEYS)[NamedKey] | null {
  return Object.hasOwn(NAMED_KEYS, id) ? NAMED_KEYS[id as NamedKey] : null;
}
