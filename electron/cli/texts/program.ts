import { defineCliTexts } from '../texts';

/** The words of `rebound` itself and its first commands (cli/index.ts). */
export const PROGRAM_TEXTS = defineCliTexts({
  description: {
    en: 'Rebound: turn customer returns into recovered revenue.',
    fr: 'Rebound : transformer les retours clients en revenus récupérés.',
    de: 'Rebound: Kundenretouren in zurückgewonnenen Umsatz verwandeln.',
  },
  'demo.description': {
    en: 'create the demo workspace (a sample merchant with returned items) in the data folder',
    fr: 'crée l’espace de démonstration (un marchand d’exemple et ses articles retournés) dans le dossier de données',
    de: 'legt den Demo-Arbeitsbereich (ein Beispielhändler mit retournierten Artikeln) im Datenordner an',
  },
  'demo.done': {
    en: 'Demo workspace created in {{dir}}: {{items}} items, {{photos}} photos.',
    fr: 'Espace de démonstration créé dans {{dir}} : {{items}} articles, {{photos}} photos.',
    de: 'Demo-Arbeitsbereich in {{dir}} angelegt: {{items}} Artikel, {{photos}} Fotos.',
  },
  'status.description': {
    en: 'show the data folder, schema version and counts',
    fr: 'affiche le dossier de données, la version du schéma et les totaux',
    de: 'zeigt Datenordner, Schemaversion und Anzahlen',
  },
  'status.dataDir': { en: 'Data folder', fr: 'Dossier de données', de: 'Datenordner' },
  'status.schema': { en: 'Schema', fr: 'Schéma', de: 'Schema' },
  'status.merchants': { en: 'Merchants', fr: 'Marchands', de: 'Händler' },
  'status.items': { en: 'Items', fr: 'Articles', de: 'Artikel' },
  'items.description': { en: 'returned items', fr: 'articles retournés', de: 'retournierte Artikel' },
  'items.list.description': {
    en: 'list items, newest first',
    fr: 'liste les articles, les plus récents d’abord',
    de: 'listet Artikel auf, die neuesten zuerst',
  },
  'items.list.grade': {
    en: 'filter by grade (repeatable): {{grades}}',
    fr: 'filtre par état (répétable) : {{grades}}',
    de: 'nach Zustand filtern (wiederholbar): {{grades}}',
  },
  'items.list.status': {
    en: 'filter by status (repeatable): {{statuses}}',
    fr: 'filtre par statut (répétable) : {{statuses}}',
    de: 'nach Status filtern (wiederholbar): {{statuses}}',
  },
  'items.list.merchant': {
    en: 'only this merchant’s items (id)',
    fr: 'seulement les articles de ce marchand (id)',
    de: 'nur die Artikel dieses Händlers (ID)',
  },
  'items.list.search': {
    en: 'reference, SKU, EAN, order reference or title',
    fr: 'référence, SKU, EAN, référence de commande ou titre',
    de: 'Referenz, SKU, EAN, Bestellreferenz oder Titel',
  },
  'items.list.limit': {
    en: 'at most this many rows (1–1000)',
    fr: 'au plus ce nombre de lignes (1–1000)',
    de: 'höchstens so viele Zeilen (1–1000)',
  },
  'items.list.offset': {
    en: 'skip this many rows',
    fr: 'saute ce nombre de lignes',
    de: 'so viele Zeilen überspringen',
  },
  'items.list.unknownGrade': {
    en: 'Unknown grade “{{grade}}”. Grades: {{grades}}.',
    fr: 'État inconnu « {{grade}} ». États : {{grades}}.',
    de: 'Unbekannter Zustand „{{grade}}“. Zustände: {{grades}}.',
  },
  'items.list.unknownStatus': {
    en: 'Unknown status “{{status}}”. Statuses: {{statuses}}.',
    fr: 'Statut inconnu « {{status}} ». Statuts : {{statuses}}.',
    de: 'Unbekannter Status „{{status}}“. Status: {{statuses}}.',
  },
  'items.table.reference': { en: 'REFERENCE', fr: 'RÉFÉRENCE', de: 'REFERENZ' },
  'items.table.grade': { en: 'GRADE', fr: 'ÉTAT', de: 'ZUSTAND' },
  'items.table.status': { en: 'STATUS', fr: 'STATUT', de: 'STATUS' },
  'items.table.sku': { en: 'SKU', fr: 'SKU', de: 'SKU' },
  'items.table.price': { en: 'PRICE', fr: 'PRIX', de: 'PREIS' },
  'items.table.title': { en: 'TITLE', fr: 'TITRE', de: 'TITEL' },
  'items.list.count': {
    en: '{{shown}} of {{total}} items',
    fr: '{{shown}} sur {{total}} articles',
    de: '{{shown}} von {{total}} Artikeln',
  },
  'items.list.moreThan': { en: 'more than {{total}}', fr: 'plus de {{total}}', de: 'mehr als {{total}}' },
  'items.show.description': {
    en: 'show one item with its history',
    fr: 'affiche un article avec son historique',
    de: 'zeigt einen Artikel mit seinem Verlauf',
  },
  'items.show.reference': {
    en: 'the item’s Rebound reference, e.g. RB-000123',
    fr: 'la référence Rebound de l’article, par ex. RB-000123',
    de: 'die Rebound-Referenz des Artikels, z. B. RB-000123',
  },
  'merchants.description': {
    en: 'merchants whose returns are handled',
    fr: 'marchands dont les retours sont traités',
    de: 'Händler, deren Retouren bearbeitet werden',
  },
  'merchants.list.description': {
    en: 'list merchants',
    fr: 'liste les marchands',
    de: 'listet die Händler auf',
  },
  'merchants.list.items': {
    en: { one: '{{count}} item', other: '{{count}} items' },
    fr: { one: '{{count}} article', other: '{{count}} articles' },
    de: { one: '{{count}} Artikel', other: '{{count}} Artikel' },
  },
  'serve.description': {
    en: 'browser mode: serve the app and its API over HTTP(S); everyone signs in with their own name',
    fr: 'mode navigateur : sert l’application et son API en HTTP(S) ; chacun se connecte sous son propre nom',
    de: 'Browsermodus: stellt die App und ihre API über HTTP(S) bereit; alle melden sich mit ihrem eigenen Namen an',
  },
  'serve.notADatabase': {
    en: 'A server database is served by `rebound server`, which also works with its other instances.',
    fr: 'La base d’un serveur est servie par `rebound server`, qui travaille aussi avec ses autres instances.',
    de: 'Eine Server-Datenbank wird von `rebound server` bereitgestellt, das auch mit den anderen Instanzen arbeitet.',
  },
  'serve.serving': {
    en: 'Rebound is serving {{dir}}\nOpen {{url}} and sign in.\nPress Ctrl+C to stop.',
    fr: 'Rebound sert {{dir}}\nOuvrez {{url}} et connectez-vous.\nCtrl+C pour arrêter.',
    de: 'Rebound stellt {{dir}} bereit\nÖffnen Sie {{url}} und melden Sie sich an.\nStrg+C zum Beenden.',
  },
});
