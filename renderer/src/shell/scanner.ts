import { useEffect, useRef } from 'react';
import { keystrokeOf, readScan, type Keystroke } from '../keys';

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

/**
 * Whether keys pressed at these times (ms, in order) came as fast as a scanner's: enough of them,
 * with a typical gap no longer than a scanner's.
 */
export function isScannerPace(times: readonly number[]): boolean {
  if (times.length < MIN_LENGTH) return false;
  const gaps = times.slice(1).map((time, index) => time - times[index]!);
  return gaps.every((gap) => gap <= MAX_PAUSE_MS) && median(gaps) <= SCAN_MEDIAN_GAP_MS;
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
 * The burst is read by `readScan`, so a US-layout scanner on an AZERTY desk still gives digits.
 */
export function useScanner(onScan: (code: string) => void): void {
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);
  useEffect(() => {
    let buffer: Keystroke[] = [];
    let gaps: number[] = [];
    let last = 0;
    const reset = () => {
      buffer = [];
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
          handler.current(readScan(buffer));
        }
        reset();
      } else if (event.key.length === 1) {
        buffer.push(keystrokeOf(event));
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
