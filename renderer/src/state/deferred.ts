import { create } from 'zustand';

/** How long a decision waits for an Undo before it is sent. */
export const UNDO_DELAY_MS = 5_000;

/** What the person sees of one deferred action, told at each turn of its life. */
export interface DeferredNotice {
  /** Waiting: Undo still possible until `sendsAt` (ms since the epoch). */
  waiting(undo: () => void, sendsAt: number): void;
  /** Undone in time: nothing was sent. */
  undone(): void;
  /** Sent and answered: it can no longer be undone. */
  sent(): void;
  /** Sent, and the service refused or could not be reached. */
  failed(error: unknown): void;
}

export interface DeferredRequest {
  /** What the action is about (`item:12`, `listing:12:ebay`): those rows show as pending. */
  readonly keys: readonly string[];
  /** The component that deferred it: when it leaves the screen, what it deferred is sent. */
  readonly owner: string;
  /** The call itself; `leaving` is true when the window is closing and the call must outlive it. */
  readonly send: (leaving: boolean) => Promise<unknown>;
  readonly notice: DeferredNotice;
}

interface Entry extends DeferredRequest {
  readonly id: number;
  readonly timer: ReturnType<typeof setTimeout>;
  readonly state: 'waiting' | 'sending';
}

/** Every deferred action of this window, waiting or being sent, by id. */
export const useDeferred = create<{ readonly entries: ReadonlyMap<number, Entry> }>()(() => ({
  entries: new Map(),
}));

let nextId = 1;

function put(entry: Entry): void {
  const entries = new Map(useDeferred.getState().entries);
  entries.set(entry.id, entry);
  useDeferred.setState({ entries });
}

function drop(id: number): void {
  const entries = new Map(useDeferred.getState().entries);
  entries.delete(id);
  useDeferred.setState({ entries });
}

/** Sends one waiting action now (its delay ran out, its screen closed, or the window is leaving). */
function send(id: number, leaving = false): void {
  const entry = useDeferred.getState().entries.get(id);
  if (!entry || entry.state !== 'waiting') return;
  clearTimeout(entry.timer);
  put({ ...entry, state: 'sending' });
  entry
    .send(leaving)
    .then(
      () => entry.notice.sent(),
      (error: unknown) => entry.notice.failed(error),
    )
    // The rows stay pending until the answer is in, so they never flash back as undecided.
    .finally(() => drop(id));
}

/** Defers an action by UNDO_DELAY_MS; returns its id. */
export function defer(request: DeferredRequest): number {
  const id = nextId++;
  const timer = setTimeout(() => send(id), UNDO_DELAY_MS);
  put({ ...request, id, timer, state: 'waiting' });
  request.notice.waiting(() => undo(id), Date.now() + UNDO_DELAY_MS);
  return id;
}

/** Undoes a waiting action: nothing is sent. Too late once it is being sent. */
export function undo(id: number): boolean {
  const entry = useDeferred.getState().entries.get(id);
  if (!entry || entry.state !== 'waiting') return false;
  clearTimeout(entry.timer);
  drop(id);
  entry.notice.undone();
  return true;
}

/** Undoes the most recent action still waiting (Ctrl+Z / Cmd+Z). */
export function undoLatest(): boolean {
  const waiting = [...useDeferred.getState().entries.values()].filter((e) => e.state === 'waiting');
  const latest = waiting.at(-1);
  return latest ? undo(latest.id) : false;
}

/** Sends at once everything `owner` deferred (or, without an owner, everything). */
export function flush(owner?: string, leaving = false): void {
  for (const entry of [...useDeferred.getState().entries.values()]) {
    if (owner === undefined || entry.owner === owner) send(entry.id, leaving);
  }
}

/** Whether a key press is Ctrl+Z (Cmd+Z on a Mac) meant for the app rather than a text field. */
export function isUndoKey(event: KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return false;
  // By the character (Z sits elsewhere on AZERTY and QWERTZ, and people press the key marked Z),
  // by the physical key only for layouts without a Latin z.
  if (event.key.toLowerCase() !== 'z' && !(event.code === 'KeyZ' && !/^[a-z]$/i.test(event.key)))
    return false;
  const target = event.target;
  if (typeof HTMLElement !== 'undefined' && target instanceof HTMLElement) {
    // In a text field, Ctrl+Z undoes typing.
    if (target.isContentEditable || target.closest('input, textarea, select')) return false;
  }
  return true;
}

function onKeyDown(event: KeyboardEvent): void {
  if (isUndoKey(event) && undoLatest()) event.preventDefault();
}

/**
 * A person who approved, rejected or ended something and then closed the window expects it done:
 * what still waits is sent as the page goes, with a request that outlives the page.
 */
function onLeave(): void {
  flush(undefined, true);
}

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('pagehide', onLeave);
  window.addEventListener('beforeunload', onLeave);
}
