import { describe, expect, it } from 'vitest';
import { countryName } from './countries';
import { LOCALES } from './index';

describe("a buyer's country on the sales screen", () => {
  it('is named in the reader’s language, whatever case the marketplace sent', () => {
    expect(countryName('DE', LOCALES.fr)).toBe('Allemagne');
    expect(countryName('de', LOCALES.en)).toBe('Germany');
    expect(countryName('FR', LOCALES.de)).toBe('Frankreich');
  });

  it('stays as it came when it names no country', () => {
    expect(countryName('Q', LOCALES.en)).toBe('Q');
    expect(countryName('??', LOCALES.fr)).toBe('??');
  });
});
