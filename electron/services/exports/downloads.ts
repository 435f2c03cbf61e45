import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Workspace } from '../workspace';
import { exportsDir } from '.';

/**
 * The files the browser mode may download: only those an export or a statement just wrote into
 * the exports folder, each under a random id, for the session that asked for it, once, within an
 * hour. The HTTP route never joins anything from the request to a folder, so a signed-in person
 * cannot read anything else from the disk, not even an older export lying in the same folder,
 * and a link copied out of one browser opens nothing in another.
 */

const LIFETIME_MS = 60 * 60 * 1000;
const MAX_OFFERS = 200;

export interface Offer {
  readonly id: string;
  readonly file: string;
  readonly fileName: string;
  readonly sessionId: number;
  readonly until: number;
}

const offers = new WeakMap<Workspace, Map<string, Offer>>();

/**
 * Makes a file just written into the exports folder downloadable by this session; returns the
 * offer's id, or null for a caller without a session (the desktop window and the command line
 * read the file where it was written).
 */
export function offerDownload(
  ws: Workspace,
  file: string,
  sessionId: number | null,
  now = Date.now(),
): string | null {
  const resolved = path.resolve(file);
  if (path.dirname(resolved) !== path.resolve(exportsDir(ws)))
    throw new Error(`Only files in the exports folder can be offered, not ${resolved}.`);
  if (sessionId === null) return null;
  let map = offers.get(ws);
  if (!map) {
    map = new Map();
    offers.set(ws, map);
  }
  for (const [id, offer] of map) if (offer.until <= now) map.delete(id);
  while (map.size >= MAX_OFFERS) map.delete(map.keys().next().value!);
  const id = crypto.randomBytes(18).toString('base64url');
  map.set(id, { id, file: resolved, fileName: path.basename(resolved), sessionId, until: now + LIFETIME_MS });
  return id;
}

/** The offer of that id for this session, used up by this call; null when there is none. */
export function takeOffer(ws: Workspace, id: string, sessionId: number, now = Date.now()): Offer | null {
  const map = offers.get(ws);
  const offer = map?.get(id);
  if (!map || !offer || offer.sessionId !== sessionId) return null;
  map.delete(id);
  if (offer.until <= now || !fs.existsSync(offer.file)) return null;
  return offer;
}

/** Content type of an offered file, from the extensions exports and statements write. */
export function contentTypeOf(fileName: string): string {
  if (fileName.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (fileName.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (fileName.endsWith('.pdf')) return 'application/pdf';
  return 'application/octet-stream';
}

/** The Content-Disposition of a download: an ASCII fallback name and the exact one (RFC 6266). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replaceAll(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
