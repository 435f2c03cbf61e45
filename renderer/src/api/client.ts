import { renderMessage } from '../../../shared/messages/render';
import type { Envelope, Input, MethodName, Output, ServerEvent } from '../../../shared/contract';
import { isAllowedExternalLink, photoUrl } from '../../../shared/contract/bridge';
import { AppError, isErrorData } from '../../../shared/errors';
import { currentLanguage, i18next } from '../i18n';

/** Which transport this window has: the Electron preload's bridge, or HTTP in the browser mode. */
export const runtime: 'electron' | 'browser' = window.rebound ? 'electron' : 'browser';

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return (value as { ok: unknown }).ok === true
    ? 'value' in value
    : isErrorData((value as { error?: unknown }).error);
}

async function overHttp(method: string, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    // Same origin: the HttpOnly session cookie set at sign-in says who is calling.
    response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    throw new AppError('internal', i18next.t('errors.unreachable'));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!isEnvelope(body)) {
    throw new AppError('internal', i18next.t('errors.badAnswer', { status: response.status }));
  }
  return body;
}

/**
 * Calls one method of the contract. The method name, its input and its output are all typed
 * from `shared/contract`: there is no second list of methods here. Errors arrive as `AppError`
 * carrying the server's own message, written for the person in front of the screen.
 */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const bridge = window.rebound;
  const envelope = bridge ? await bridge.call(method, input) : await overHttp(method, input);
  if (envelope.ok) return envelope.value as Output<M>;
  throw AppError.from(envelope.error);
}

/**
 * Subscribes to the main side's events (IPC in Electron, server-sent events in the browser).
 * `onResync` runs when a lost event stream comes back: whatever changed meanwhile was missed.
 */
export function subscribeToEvents(listener: (event: ServerEvent) => void, onResync: () => void): () => void {
  const bridge = window.rebound;
  if (bridge) return bridge.onEvent(listener);
  const source = new EventSource('/api/events');
  let opened = false;
  source.onopen = () => {
    if (opened) onResync();
    opened = true;
  };
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      listener(JSON.parse(message.data) as ServerEvent);
    } catch {
      // A line this version cannot read is ignored; the next change event refreshes anyway.
    }
  };
  return () => source.close();
}

/** Where the window loads a photo from, in either runtime. */
export function photoSrc(hash: string, variant: 'listing' | 'thumb'): string {
  return photoUrl(runtime, hash, variant);
}

/** Opens an allow-listed link outside the app (system browser in Electron, a new tab otherwise). */
export function openExternal(url: string): void {
  if (!isAllowedExternalLink(url)) return;
  const bridge = window.rebound;
  if (bridge) void bridge.openExternal(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}

/** What went wrong, in the window's language when the services said it as a message. */
export function errorMessage(error: unknown): string {
  if (error instanceof AppError && error.text !== null)
    return renderMessage(error.text, currentLanguage(), error.message);
  if (error instanceof AppError || error instanceof Error) return error.message;
  return String(error);
}
