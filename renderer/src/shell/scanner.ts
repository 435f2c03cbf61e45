import { useEffect, useRef } from 'react';

/**
 * A barcode scanner types far faster than a person. What tells a scan apart is the typical gap
 * between its keys (the median, so one key delayed by a busy machine does not break a scan),
 * not every single gap; a pause longer than MAX_PAUSE_MS starts over.
 */
const SCAN_MEDIAN_GAP_MS = 80;
const MAX_PAUSE_MS = 1000;
const MIN_LENGTH = 4;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

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
    let gaps: number[] = [];
    let last = 0;
    const reset = () => {
      buffer = '';
      gaps = [];
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
        reset();
        return;
      }
      const now = event.timeStamp;
      const gap = now - last;
      last = now;
      if (gap > MAX_PAUSE_MS) reset();
      else if (buffer.length > 0) gaps.push(gap);
      if (event.key === 'Enter') {
        if (buffer.length >= MIN_LENGTH && median(gaps) <= SCAN_MEDIAN_GAP_MS) {
          event.preventDefault();
          event.stopPropagation();
          handler.current(buffer);
        }
        reset();
      } else if (event.key.length === 1) {
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
