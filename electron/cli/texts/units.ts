import { defineCliTexts } from '../texts';

/** The words of `rebound import units` and `rebound report selling` (cli/units.ts). */
export const UNITS_TEXTS = defineCliTexts({
  'import.description': { en: 'import files', fr: 'importe des fichiers', de: 'importiert Dateien' },
  'report.description': {
    en: 'recovery reports',
    fr: 'rapports de récupération',
    de: 'Erlösberichte',
  },
  'units.description': {
    en: 'import a merchant’s units sold per SKU (CSV “sku;units_sold”) for the return rate; a file with a bad line changes nothing',
    fr: 'importe les unités vendues par SKU d’un marchand (CSV « sku;units_sold ») pour le taux de retour ; un fichier avec une ligne erronée ne change rien',
    de: 'importiert die verkauften Einheiten eines Händlers je SKU (CSV „sku;units_sold“) für die Retourenquote; eine Datei mit einer fehlerhaften Zeile ändert nichts',
  },
  'units.file.argument': {
    en: 'CSV file (comma or semicolon; UTF-8 with or without BOM, or Windows-1252)',
    fr: 'fichier CSV (virgule ou point-virgule ; UTF-8 avec ou sans BOM, ou Windows-1252)',
    de: 'CSV-Datei (Komma oder Semikolon; UTF-8 mit oder ohne BOM, oder Windows-1252)',
  },
  'units.merchant.option': {
    en: 'the merchant (id or name) whose sales these are',
    fr: 'le marchand (identifiant ou nom) à qui sont ces ventes',
    de: 'der Händler (ID oder Name), dessen Verkäufe das sind',
  },
  cannotRead: {
    en: 'Cannot read {{file}}: {{reason}}.',
    fr: 'Impossible de lire {{file}} : {{reason}}.',
    de: '{{file}} kann nicht gelesen werden: {{reason}}.',
  },
  noSuchFile: {
    en: 'there is no such file',
    fr: 'ce fichier n’existe pas',
    de: 'diese Datei gibt es nicht',
  },
  'units.read': {
    en: {
      one: '{{file}}: {{count}} row read for {{merchant}}.',
      other: '{{file}}: {{count}} rows read for {{merchant}}.',
    },
    fr: {
      one: '{{file}} : {{count}} ligne lue pour {{merchant}}.',
      other: '{{file}} : {{count}} lignes lues pour {{merchant}}.',
    },
    de: {
      one: '{{file}}: {{count}} Zeile für {{merchant}} gelesen.',
      other: '{{file}}: {{count}} Zeilen für {{merchant}} gelesen.',
    },
  },
  'units.unknown': {
    en: {
      one: '{{count}} SKU is not in the catalogue (not imported): {{skus}}',
      other: '{{count}} SKUs are not in the catalogue (not imported): {{skus}}',
    },
    fr: {
      one: '{{count}} SKU n’est pas dans le catalogue (non importé) : {{skus}}',
      other: '{{count}} SKU ne sont pas dans le catalogue (non importés) : {{skus}}',
    },
    de: {
      one: '{{count}} SKU steht nicht im Katalog (nicht importiert): {{skus}}',
      other: '{{count}} SKUs stehen nicht im Katalog (nicht importiert): {{skus}}',
    },
  },
  'units.applied': {
    en: {
      one: '{{count}} SKU updated, {{unchanged}} unchanged.',
      other: '{{count}} SKUs updated, {{unchanged}} unchanged.',
    },
    fr: {
      one: '{{count}} SKU mis à jour, {{unchanged}} sans changement.',
      other: '{{count}} SKU mis à jour, {{unchanged}} sans changement.',
    },
    de: {
      one: '{{count}} SKU aktualisiert, {{unchanged}} unverändert.',
      other: '{{count}} SKUs aktualisiert, {{unchanged}} unverändert.',
    },
  },
  'units.nothing': {
    en: {
      one: 'Nothing was imported: {{count}} line is refused.',
      other: 'Nothing was imported: {{count}} lines are refused.',
    },
    fr: {
      one: 'Rien n’a été importé : {{count}} ligne est refusée.',
      other: 'Rien n’a été importé : {{count}} lignes sont refusées.',
    },
    de: {
      one: 'Nichts wurde importiert: {{count}} Zeile wurde abgelehnt.',
      other: 'Nichts wurde importiert: {{count}} Zeilen wurden abgelehnt.',
    },
  },
  'units.refused': {
    en: {
      one: '{{count}} line was refused; nothing was imported.',
      other: '{{count}} lines were refused; nothing was imported.',
    },
    fr: {
      one: '{{count}} ligne a été refusée ; rien n’a été importé.',
      other: '{{count}} lignes ont été refusées ; rien n’a été importé.',
    },
    de: {
      one: '{{count}} Zeile wurde abgelehnt; nichts wurde importiert.',
      other: '{{count}} Zeilen wurden abgelehnt; nichts wurde importiert.',
    },
  },
  line: {
    en: 'line {{line}}: {{reason}}',
    fr: 'ligne {{line}} : {{reason}}',
    de: 'Zeile {{line}}: {{reason}}',
  },
  'selling.description': {
    en: 'month by month: items available, sold, sell-through, days from intake to sale',
    fr: 'mois par mois : articles en vente, vendus, taux d’écoulement, jours de la réception à la vente',
    de: 'Monat für Monat: angebotene und verkaufte Artikel, Abverkaufsquote, Tage vom Wareneingang bis zum Verkauf',
  },
  'selling.merchant.option': {
    en: 'only this merchant (id or name)',
    fr: 'seulement ce marchand (identifiant ou nom)',
    de: 'nur dieser Händler (ID oder Name)',
  },
  'selling.from.option': {
    en: 'first day, YYYY-MM-DD',
    fr: 'premier jour, AAAA-MM-JJ',
    de: 'erster Tag, JJJJ-MM-TT',
  },
  'selling.to.option': {
    en: 'last day, YYYY-MM-DD',
    fr: 'dernier jour, AAAA-MM-JJ',
    de: 'letzter Tag, JJJJ-MM-TT',
  },
  'selling.month': { en: 'MONTH', fr: 'MOIS', de: 'MONAT' },
  'selling.available': { en: 'AVAILABLE', fr: 'EN VENTE', de: 'IM ANGEBOT' },
  'selling.sold': { en: 'SOLD', fr: 'VENDUS', de: 'VERKAUFT' },
  'selling.sellThrough': { en: 'SELL-THROUGH', fr: 'ÉCOULEMENT', de: 'ABVERKAUF' },
  'selling.meanDays': { en: 'MEAN DAYS', fr: 'DÉLAI MOYEN (J)', de: 'TAGE (MITTEL)' },
  'selling.medianDays': { en: 'MEDIAN DAYS', fr: 'DÉLAI MÉDIAN (J)', de: 'TAGE (MEDIAN)' },
  percent: { en: '{{value}} %', fr: '{{value}} %', de: '{{value}} %' },
});
