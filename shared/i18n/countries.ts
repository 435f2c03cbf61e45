const names = new Map<string, Intl.DisplayNames>();

/**
 * A country as marketplaces report a buyer's (ISO 3166-1 alpha-2, "DE"), in the reader's words:
 * "Allemagne" in French. Exports keep the code, which is what a bookkeeper's tools match on;
 * screens show the name. A code that is not a region Intl knows stays as it came.
 */
export function countryName(code: string, locale: string): string {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
    names.set(locale, display);
  }
  try {
    return display.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not shaped like a region code at all
  }
}
