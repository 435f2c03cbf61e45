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
