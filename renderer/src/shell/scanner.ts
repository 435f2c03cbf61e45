import { useEffect, useRef } from 'react';

/** A barcode scanner types far faster than a person: at most this long between two keys. */
// Scanners type a key every few milliseconds; 100 ms still leaves a wide margin over a person
// (and over a busy machine delaying key events) without catching ordinary typing.
const MAX_GAP_MS = 100;
const MIN_LENGTH = 4;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Recognises a scan anywhere in the window: a burst of fast keystrokes ending in Enter while no
 * text field has the focus (a focused field, like the Intake scan field, handles its own input).
 */
export function useScanner(onScan: (code: string) => void): void {
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);
  useEffect(() => {
    let buffer = '';
    let last = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
        buffer = '';
        return;
      }
      const now = event.timeStamp;
      if (now - last > MAX_GAP_MS) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        if (buffer.length >= MIN_LENGTH) {
          event.preventDefault();
          event.stopPropagation();
          handler.current(buffer);
        }
        buffer = '';
      } else if (event.key.length === 1) {
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
