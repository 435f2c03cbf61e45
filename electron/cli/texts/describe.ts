import { defineCliTexts } from '../texts';

/** The words of `rebound describe` (cli/describe.ts). */
export const DESCRIBE_TEXTS = defineCliTexts({
  'lang.option': {
    en: 'language of the description and of messages (default: the merchant’s)',
    fr: 'langue de la description et des messages (par défaut : celle du marchand)',
    de: 'Sprache der Beschreibung und der Meldungen (Standard: die des Händlers)',
  },
  description: {
    en: 'print an item’s listing title, eBay condition and “why is it discounted” description',
    fr: 'affiche le titre d’annonce d’un article, son état eBay et la description « pourquoi ce prix réduit »',
    de: 'gibt Angebotstitel, eBay-Zustand und die Beschreibung „Warum ist der Artikel reduziert?“ eines Artikels aus',
  },
  'item.argument': {
    en: 'the item’s reference (RB-000123) or id',
    fr: 'la référence de l’article (RB-000123) ou son identifiant',
    de: 'die Referenz des Artikels (RB-000123) oder seine ID',
  },
  'json.option': {
    en: 'print {title, conditionEnum, conditionId, conditionDescription, html} as JSON',
    fr: 'affiche {title, conditionEnum, conditionId, conditionDescription, html} en JSON',
    de: 'gibt {title, conditionEnum, conditionId, conditionDescription, html} als JSON aus',
  },
  kept: {
    en: 'kept edit by {{name}}',
    fr: 'modifiée par {{name}}, conservée',
    de: 'bearbeitet von {{name}}, beibehalten',
  },
  someone: { en: 'someone', fr: 'quelqu’un', de: 'jemandem' },
  stale: {
    en: ' (STALE: the facts changed since)',
    fr: ' (À REVOIR : les constats ont changé depuis)',
    de: ' (PRÜFEN: die Befunde haben sich seitdem geändert)',
  },
  generated: {
    en: 'generated from the facts',
    fr: 'rédigée à partir des constats enregistrés',
    de: 'aus den erfassten Befunden erstellt',
  },
  title: {
    en: 'Title ({{length}}/{{limit}}): {{title}}',
    fr: 'Titre ({{length}}/{{limit}}) : {{title}}',
    de: 'Titel ({{length}}/{{limit}}): {{title}}',
  },
  condition: {
    en: 'Condition: {{condition}} ({{id}})',
    fr: 'État : {{condition}} ({{id}})',
    de: 'Zustand: {{condition}} ({{id}})',
  },
  conditionDescription: {
    en: 'Condition description ({{length}}/{{limit}}):',
    fr: 'Description de l’état ({{length}}/{{limit}}) :',
    de: 'Zustandsbeschreibung ({{length}}/{{limit}}):',
  },
  noConditionDescription: {
    en: '(none: eBay ignores it for new conditions)',
    fr: '(aucune : eBay l’ignore pour les états neufs)',
    de: '(keine: eBay ignoriert sie bei Neuzuständen)',
  },
  htmlDescription: { en: 'Description:', fr: 'Description :', de: 'Artikelbeschreibung:' },
  noDescription: {
    en: 'No {{language}} description came back for {{reference}}.',
    fr: 'Aucune description en {{language}} n’est revenue pour {{reference}}.',
    de: 'Für {{reference}} kam keine Beschreibung auf {{language}} zurück.',
  },
});
