import { describe, expect, test } from 'vitest';
import { renderMessage } from '../../../shared/messages/render';
import { buildDemoPlan } from './plan';

/**
 * The demo's history is the first thing a French or German desk reads: every line of every
 * sample return is a message, drawn in the reader's language with their money and words.
 */

describe('the demo workspace’s history', () => {
  test('every line of every sample return reads in French and German, none in English', () => {
    const plan = buildDemoPlan(new Date('2026-03-02T12:00:00Z'));
    const events = plan.flatMap((item) => item.events);
    expect(events.length).toBeGreaterThan(100);
    for (const event of events) {
      for (const language of ['fr', 'de'] as const) {
        const line = renderMessage(event.text, language);
        expect(line).not.toMatch(/\{\{|workspace\.|intake\.|items\./);
        expect(line).not.toBe(renderMessage(event.text, 'en'));
      }
    }
    const sold = events.find((e) => e.kind === 'sale.recorded')!;
    expect(renderMessage(sold.text, 'fr')).toMatch(
      /^Vendu \d+,\d\d\s€ \+ \d,\d\d\s€ de livraison sur la place de marché d’entraînement, à un acheteur (en|aux) /,
    );
    const graded = events.find((e) => e.kind === 'item.graded')!;
    expect(renderMessage(graded.text, 'de')).toMatch(/^Geprüft als „.+“: /);
  });
});
