/**
 * The merchant's one-field address read as what eBay needs for a warehouse: the country names and
 * postal code patterns of the countries Rebound sells in, and the parser that uses them. Its own
 * file because it is pure text work, tested on its own, with nothing of eBay's API in it.
 */

import { say, type Message } from '../../../../shared/messages';

/** What eBay's Address takes for a warehouse: country and a postal code, or city and state. */
export interface LocationAddress {
  readonly country: string;
  readonly postalCode?: string;
  readonly city?: string;
  readonly stateOrProvince?: string;
}

/**
 * Country names as merchants write them (English, French, German, and the usual short forms),
 * for the countries Rebound's marketplaces and their neighbours are in.
 */
const COUNTRIES: Record<string, readonly string[]> = {
  US: [
    'us',
    'usa',
    'u.s.a.',
    'u.s.',
    'united states',
    'united states of america',
    'etats-unis',
    'vereinigte staaten',
  ],
  GB: [
    'gb',
    'uk',
    'u.k.',
    'united kingdom',
    'great britain',
    'england',
    'scotland',
    'wales',
    'northern ireland',
    'royaume-uni',
    'grossbritannien',
    'vereinigtes konigreich',
  ],
  IE: ['ie', 'ireland', 'eire', 'irlande', 'irland'],
  DE: ['de', 'germany', 'deutschland', 'allemagne'],
  FR: ['fr', 'france', 'frankreich'],
  IT: ['it', 'italy', 'italia', 'italie', 'italien'],
  ES: ['es', 'spain', 'espana', 'espagne', 'spanien'],
  NL: ['nl', 'netherlands', 'the netherlands', 'holland', 'nederland', 'pays-bas', 'niederlande'],
  AT: ['at', 'austria', 'osterreich', 'autriche'],
  BE: ['be', 'belgium', 'belgique', 'belgie', 'belgien'],
  CH: ['ch', 'switzerland', 'schweiz', 'suisse', 'svizzera'],
  LU: ['lu', 'luxembourg', 'luxemburg'],
  PL: ['pl', 'poland', 'polska', 'pologne', 'polen'],
  DK: ['dk', 'denmark', 'danmark', 'danemark', 'danemark'],
  PT: ['pt', 'portugal'],
  CA: ['ca', 'canada', 'kanada'],
  AU: ['au', 'australia', 'australie', 'australien'],
};

const POSTAL_CODES: Record<string, RegExp> = {
  US: /\b(\d{5}(?:-\d{4})?)\b/,
  GB: /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/i,
  IE: /\b((?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4})\b/i,
  DE: /\b(\d{5})\b/,
  FR: /\b(\d{5})\b/,
  IT: /\b(\d{5})\b/,
  ES: /\b(\d{5})\b/,
  NL: /\b(\d{4}\s?[A-Z]{2})\b/i,
  AT: /\b(\d{4})\b/,
  BE: /\b(\d{4})\b/,
  CH: /\b(\d{4})\b/,
  LU: /\b(?:L-)?(\d{4})\b/i,
  DK: /\b(\d{4})\b/,
  PL: /\b(\d{2}-\d{3})\b/,
  PT: /\b(\d{4}-\d{3})\b/,
  CA: /\b([A-Z]\d[A-Z]\s?\d[A-Z]\d)\b/i,
  AU: /\b(\d{4})\b/,
};

const plain = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Reads country, postal code, city (and a US state) from the merchant's one-field address, e.g.
 * "Unit 7, Kilshane Road, Dublin 11, D11 K7P2, Ireland" or "Hauptstr. 5, 10115 Berlin, Deutschland".
 * The country is the last part; the postal code is looked for with that country's pattern.
 */
export function parseMerchantAddress(address: string): Partial<LocationAddress> {
  const parts = address
    .split(/[\n,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const last = parts.at(-1);
  const country = last
    ? Object.entries(COUNTRIES).find(([, names]) => names.includes(plain(last)))?.[0]
    : undefined;
  if (!country) return {};
  const rest = parts.slice(0, -1);
  const pattern = POSTAL_CODES[country];
  const out: { country: string; postalCode?: string; city?: string; stateOrProvince?: string } = { country };
  for (let i = rest.length - 1; i >= 0 && pattern; i -= 1) {
    const part = rest[i]!;
    const match = pattern.exec(part);
    if (!match?.[1]) continue;
    out.postalCode = match[1].toUpperCase();
    let remainder = part.replace(match[0], ' ').replace(/\s+/g, ' ').trim();
    if (country === 'US' || country === 'CA') {
      const state = /^([A-Z]{2})$/.exec(remainder);
      if (state?.[1]) {
        out.stateOrProvince = state[1];
        remainder = '';
      }
    }
    // The city is beside the code ("10115 Berlin") or, for a US state, the part before it; a
    // guess elsewhere could be a street, and eBay derives the city from the code anyway.
    const before = i > 0 ? rest[i - 1] : undefined;
    const city = remainder !== '' ? remainder : out.stateOrProvince ? before : undefined;
    if (city && /\p{L}/u.test(city)) out.city = city;
    break;
  }
  if (out.postalCode === undefined && (country === 'US' || country === 'CA') && rest.length >= 2) {
    // "Springfield, IL": a city and a state are enough for a warehouse.
    const state = /^([A-Z]{2})$/.exec(rest.at(-1)!);
    if (state?.[1]) {
      out.stateOrProvince = state[1];
      out.city = rest.at(-2)!;
    }
  }
  return out;
}

/** The address eBay accepts for a warehouse, or the piece that is missing, named for the merchant. */
export function warehouseAddress(address: string): LocationAddress | Message {
  if (address.trim() === '') return say('channels.ebay.address.none');
  const parsed = parseMerchantAddress(address);
  if (!parsed.country) return say('channels.ebay.address.no_country');
  if (!parsed.postalCode && !(parsed.city && parsed.stateOrProvince)) {
    return say('channels.ebay.address.no_postal_code');
  }
  return parsed as LocationAddress;
}
