import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { defer, flush, undo, undoLatest, UNDO_DELAY_MS, useDeferred, type DeferredNotice } from './deferred';

/** What a person would have seen of one action, in order. */
function watched() {
  const seen: string[] = [];
  const notice: DeferredNotice = {
    waiting: () => seen.push('waiting'),
    undone: () => seen.push('undone'),
    sent: () => seen.push('sent'),
    failed: (error) => seen.push(`failed: ${(error as Error).message}`),
  };
  return { seen, notice };
}

function pendingKeys(): string[] {
  return [...useDeferred.getState().entries.values()].flatMap((e) => e.keys);
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  flush();
  vi.useRealTimers();
});

describe('a deferred decision', () => {
  test('is not sent before its Undo has run out, then once, and says so', async () => {
    const send = vi.fn(() => Promise.resolve());
    const { seen, notice } = watched();
    defer({ owner: 'queue', keys: ['item:12'], send, notice });
    expect(pendingKeys()).toEqual(['item:12']);

    await vi.advanceTimersByTimeAsync(UNDO_DELAY_MS - 1);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(false);
    expect(seen).toEqual(['waiting', 'sent']);
    expect(pendingKeys()).toEqual([]);
    // Too late: it was sent.
    expect(undoLatest()).toBe(false);
  });

  test('undone in time is never sent', async () => {
    const send = vi.fn(() => Promise.resolve());
    const { seen, notice } = watched();
    const id = defer({ owner: 'queue', keys: ['item:7'], send, notice });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(undo(id)).toBe(true);
    expect(undo(id)).toBe(false);
    await vi.advanceTimersByTimeAsync(UNDO_DELAY_MS * 2);
    expect(send).not.toHaveBeenCalled();
    expect(seen).toEqual(['waiting', 'undone']);
    expect(pendingKeys()).toEqual([]);
  });

  test('Ctrl+Z undoes the latest one still waiting, and only that one', async () => {
    const first = vi.fn(() => Promise.resolve());
    const second = vi.fn(() => Promise.resolve());
    defer({ owner: 'queue', keys: ['item:1'], send: first, notice: watched().notice });
    defer({ owner: 'queue', keys: ['item:2'], send: second, notice: watched().notice });
    expect(undoLatest()).toBe(true);
    expect(pendingKeys()).toEqual(['item:1']);
    await vi.advanceTimersByTimeAsync(UNDO_DELAY_MS);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });

  test('leaving a screen sends what it deferred at once; the window closing asks for a request that outlives it', async () => {
    const mine = vi.fn((leaving: boolean) => Promise.resolve(leaving));
    const theirs = vi.fn(() => Promise.resolve());
    defer({ owner: 'item-page', keys: ['listing:3:ebay'], send: mine, notice: watched().notice });
    defer({ owner: 'queue', keys: ['item:4'], send: theirs, notice: watched().notice });
    flush('item-page');
    expect(mine).toHaveBeenCalledWith(false);
    expect(theirs).not.toHaveBeenCalled();

    flush(undefined, true);
    expect(theirs).toHaveBeenCalledWith(true);
    await vi.advanceTimersByTimeAsync(UNDO_DELAY_MS);
    expect(mine).toHaveBeenCalledTimes(1);
    expect(theirs).toHaveBeenCalledTimes(1);
  });

  test('a refusal from the service is shown, and the row is no longer pending', async () => {
    const { seen, notice } = watched();
    defer({
      owner: 'queue',
      keys: ['item:9'],
      send: () => Promise.reject(new Error('Price changed meanwhile')),
      notice,
    });
    await vi.advanceTimersByTimeAsync(UNDO_DELAY_MS);
    expect(seen).toEqual(['waiting', 'failed: Price changed meanwhile']);
    expect(pendingKeys()).toEqual([]);
  });
});
