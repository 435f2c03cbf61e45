import fs from 'node:fs';
import path from 'node:path';
import type { Workspace } from '../workspace';
import { exportsDir } from '.';

/**
 * The files the browser mode may download: only those an export or a statement wrote into the
 * exports folder in this run, for an hour, looked up by their file name in this list. The HTTP
 * route never joins a name from the request to a folder, so a token holder cannot read anything
 * else from the disk, not even an older export lying in the same folder.
 */

const LIFETIME_MS = 60 * 60 * 1000;
const MAX_OFFERS = 50;

export interface Offer {
  readonly file: string;
  readonly fileName: string;
  readonly until: number;
}

const offers = new WeakMap<Workspace, Map<string, Offer>>();

/** Makes a file just written into the exports folder downloadable under its file name. */
export function offerDownload(ws: Workspace, file: string, now = Date.now()): Offer {
  const resolved = path.resolve(file);
  if (path.dirname(resolved) !== path.resolve(exportsDir(ws)))
    throw new Error(`Only files in the exports folder can be offered, not ${resolved}.`);
  let map = offers.get(ws);
  if (!map) {
    map = new Map();
    offers.set(ws, map);
  }
  for (const [name, offer] of map) if (offer.until <= now) map.delete(name);
  const fileName = path.basename(resolved);
  map.delete(fileName);
  while (map.size >= MAX_OFFERS) map.delete(map.keys().next().value!);
  const offer = { file: resolved, fileName, until: now + LIFETIME_MS };
  map.set(fileName, offer);
  return offer;
}

/** The offered file of that name, when it is still offered and still on disk; else null. */
export function offeredFile(ws: Workspace, fileName: string, now = Date.now()): Offer | null {
  const offer = offers.get(ws)?.get(fileName);
  if (!offer || offer.until <= now || !fs.existsSync(offer.file)) return null;
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
