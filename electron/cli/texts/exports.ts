import { defineCliTexts } from '../texts';

/** The words of `rebound export …`, `rebound statement` and `rebound report …` (cli/exports.ts). */
export const EXPORTS_TEXTS = defineCliTexts({
  'export.description': {
    en: 'bookkeeping exports',
    fr: 'exports pour la comptabilité',
    de: 'Exporte für die Buchhaltung',
  },
  'sales.description': {
    en: 'export the sales of a period: CSV, XLSX or an accounting journal (balanced per sale)',
    fr: 'exporte les ventes d’une période : CSV, XLSX ou journal comptable (équilibré par vente)',
    de: 'exportiert die Verkäufe eines Zeitraums: CSV, XLSX oder ein Buchungsjournal (je Verkauf ausgeglichen)',
  },
  'option.from': {
    en: 'first day, YYYY-MM-DD',
    fr: 'premier jour, AAAA-MM-JJ',
    de: 'erster Tag, JJJJ-MM-TT',
  },
  'option.to': {
    en: 'last day (inclusive), YYYY-MM-DD',
    fr: 'dernier jour (inclus), AAAA-MM-JJ',
    de: 'letzter Tag (einschließlich), JJJJ-MM-TT',
  },
  'option.format': { en: 'file format', fr: 'format du fichier', de: 'Dateiformat' },
  'sales.out': {
    en: 'where to write (default: the data folder’s exports/ folder)',
    fr: 'où écrire (par défaut : le dossier exports/ du dossier de données)',
    de: 'wohin geschrieben wird (Standard: der Ordner exports/ im Datenordner)',
  },
  'option.merchant': {
    en: 'only this merchant (id or name)',
    fr: 'seulement ce marchand (identifiant ou nom)',
    de: 'nur dieser Händler (ID oder Name)',
  },
  'sales.locale': {
    en: 'header language; fr and de also use “;” and a decimal comma',
    fr: 'langue des en-têtes ; fr et de utilisent aussi « ; » et la virgule décimale',
    de: 'Sprache der Spaltenköpfe; fr und de verwenden außerdem „;“ und ein Dezimalkomma',
  },
  'sales.progress': {
    en: '{{done}} / {{total}} rows',
    fr: '{{done}} / {{total}} lignes',
    de: '{{done}} / {{total}} Zeilen',
  },
  'sales.wrote': {
    en: {
      one: 'Wrote {{file}}: {{rows}} sale, {{kb}} kB in {{seconds}} s.',
      other: 'Wrote {{file}}: {{rows}} sales, {{kb}} kB in {{seconds}} s.',
    },
    fr: {
      one: '{{file}} écrit : {{rows}} vente, {{kb}} ko en {{seconds}} s.',
      other: '{{file}} écrit : {{rows}} ventes, {{kb}} ko en {{seconds}} s.',
    },
    de: {
      one: '{{file}} geschrieben: {{rows}} Verkauf, {{kb}} kB in {{seconds}} s.',
      other: '{{file}} geschrieben: {{rows}} Verkäufe, {{kb}} kB in {{seconds}} s.',
    },
  },
  'sales.wroteJournal': {
    en: {
      one: 'Wrote {{file}}: {{rows}} sale as {{lines}} journal lines, {{kb}} kB in {{seconds}} s.',
      other: 'Wrote {{file}}: {{rows}} sales as {{lines}} journal lines, {{kb}} kB in {{seconds}} s.',
    },
    fr: {
      one: '{{file}} écrit : {{rows}} vente en {{lines}} lignes d’écriture, {{kb}} ko en {{seconds}} s.',
      other: '{{file}} écrit : {{rows}} ventes en {{lines}} lignes d’écriture, {{kb}} ko en {{seconds}} s.',
    },
    de: {
      one: '{{file}} geschrieben: {{rows}} Verkauf als {{lines}} Buchungszeilen, {{kb}} kB in {{seconds}} s.',
      other:
        '{{file}} geschrieben: {{rows}} Verkäufe als {{lines}} Buchungszeilen, {{kb}} kB in {{seconds}} s.',
    },
  },
  'accounts.description': {
    en: 'show the journal’s account codes, or change some: --set revenue=706000 --set vatPayable=445710',
    fr: 'affiche les numéros de compte du journal, ou en modifie : --set revenue=706000 --set vatPayable=445710',
    de: 'zeigt die Kontonummern des Buchungsjournals oder ändert einige: --set revenue=706000 --set vatPayable=445710',
  },
  'accounts.set': {
    en: 'change one (repeatable): {{names}}',
    fr: 'en modifie un (répétable) : {{names}}',
    de: 'ändert eine (wiederholbar): {{names}}',
  },
  'accounts.badSet': {
    en: '--set wants account=code, got “{{pair}}”.',
    fr: '--set attend compte=numéro, reçu « {{pair}} ».',
    de: '--set erwartet Konto=Nummer, erhalten: „{{pair}}“.',
  },
  'statement.description': {
    en: 'write a merchant’s monthly statement as PDF',
    fr: 'écrit le relevé mensuel d’un marchand en PDF',
    de: 'schreibt die Monatsabrechnung eines Händlers als PDF',
  },
  'statement.merchant': {
    en: 'the merchant (id or name)',
    fr: 'le marchand (identifiant ou nom)',
    de: 'der Händler (ID oder Name)',
  },
  'statement.month': { en: 'the month, YYYY-MM', fr: 'le mois, AAAA-MM', de: 'der Monat, JJJJ-MM' },
  'statement.out': {
    en: 'where to write the PDF (default: the data folder’s exports/ folder)',
    fr: 'où écrire le PDF (par défaut : le dossier exports/ du dossier de données)',
    de: 'wohin das PDF geschrieben wird (Standard: der Ordner exports/ im Datenordner)',
  },
  'statement.wrote': {
    en: { one: 'Wrote {{file}} ({{pages}} page).', other: 'Wrote {{file}} ({{pages}} pages).' },
    fr: { one: '{{file}} écrit ({{pages}} page).', other: '{{file}} écrit ({{pages}} pages).' },
    de: {
      one: '{{file}} geschrieben ({{pages}} Seite).',
      other: '{{file}} geschrieben ({{pages}} Seiten).',
    },
  },
  'statement.totals': {
    en: {
      one: '{{merchant}}, {{month}}: {{sold}} sold, gross {{gross}}, channel fees {{fees}}, service fee {{service}}, net payout {{net}}.',
      other:
        '{{merchant}}, {{month}}: {{sold}} sold, gross {{gross}}, channel fees {{fees}}, service fee {{service}}, net payout {{net}}.',
    },
    fr: {
      one: '{{merchant}}, {{month}} : {{sold}} vendu, brut {{gross}}, frais de canal {{fees}}, frais de service {{service}}, versement net {{net}}.',
      other:
        '{{merchant}}, {{month}} : {{sold}} vendus, brut {{gross}}, frais de canal {{fees}}, frais de service {{service}}, versement net {{net}}.',
    },
    de: {
      one: '{{merchant}}, {{month}}: {{sold}} verkauft, brutto {{gross}}, Kanalgebühren {{fees}}, Servicegebühr {{service}}, Nettoauszahlung {{net}}.',
      other:
        '{{merchant}}, {{month}}: {{sold}} verkauft, brutto {{gross}}, Kanalgebühren {{fees}}, Servicegebühr {{service}}, Nettoauszahlung {{net}}.',
    },
  },
  'report.description': {
    en: 'recovery reports',
    fr: 'rapports de récupération',
    de: 'Erlösberichte',
  },
  'recovery.description': {
    en: 'recovery rate (sale ÷ original price, and net of channel fees) by grade, SKU, channel, merchant',
    fr: 'taux de récupération (vente ÷ prix d’origine, et net de frais de canal) par état, produit, canal, marchand',
    de: 'Erlösquote (Verkaufspreis ÷ Originalpreis, auch nach Kanalgebühren) nach Zustand, Produkt, Kanal, Händler',
  },
  'recovery.overall': { en: 'Overall', fr: 'Ensemble', de: 'Gesamt' },
  'recovery.byGrade': { en: 'By grade', fr: 'Par état', de: 'Nach Zustand' },
  'recovery.byChannel': { en: 'By channel', fr: 'Par canal', de: 'Nach Kanal' },
  'recovery.byMerchant': { en: 'By merchant', fr: 'Par marchand', de: 'Nach Händler' },
  'recovery.bySku': { en: 'By SKU', fr: 'Par produit', de: 'Nach Produkt' },
  'recovery.nothingSold': {
    en: '{{title}}: nothing sold',
    fr: '{{title}} : rien de vendu',
    de: '{{title}}: nichts verkauft',
  },
  'recovery.none': { en: '(none)', fr: '(aucun)', de: '(keine)' },
  'column.sold': { en: 'SOLD', fr: 'VENDUS', de: 'VERKAUFT' },
  'column.revenue': { en: 'REVENUE', fr: 'RÉCUPÉRÉ', de: 'ERLÖS' },
  'column.recovery': { en: 'RECOVERY', fr: 'TAUX RÉCUP.', de: 'ERLÖSQUOTE' },
  'column.net': { en: 'NET', fr: 'NET', de: 'NETTO' },
  'monthly.description': {
    en: 'recovered revenue by month: items sold, price, shipping, fees, VAT, net',
    fr: 'chiffre d’affaires récupéré par mois : articles vendus, prix, port, frais, TVA, net',
    de: 'zurückgewonnener Umsatz pro Monat: verkaufte Artikel, Preis, Versand, Gebühren, USt, netto',
  },
  'column.month': { en: 'MONTH', fr: 'MOIS', de: 'MONAT' },
  'column.currency': { en: 'CUR', fr: 'DEV', de: 'WHG' },
  'column.shipping': { en: 'SHIPPING', fr: 'PORT', de: 'VERSAND' },
  'column.fees': { en: 'FEES', fr: 'FRAIS', de: 'GEBÜHREN' },
  'column.vat': { en: 'VAT', fr: 'TVA', de: 'UST' },
  'skus.description': {
    en: 'per SKU: items returned, sold, return rate (with the merchant’s units sold), recovery; flagged rows',
    fr: 'par produit : articles retournés, vendus, taux de retour (avec les unités vendues du marchand), récupération ; lignes signalées',
    de: 'je Produkt: retournierte und verkaufte Artikel, Retourenquote (mit den verkauften Einheiten des Händlers), Erlösquote; markierte Zeilen',
  },
  'skus.row': {
    en: '{{flag}} {{sku}} {{title}} returned {{returned}}  sold {{sold}}  return rate {{returnRate}}  recovery {{recovery}}',
    fr: '{{flag}} {{sku}} {{title}} retournés {{returned}}  vendus {{sold}}  taux de retour {{returnRate}}  récupération {{recovery}}',
    de: '{{flag}} {{sku}} {{title}} retourniert {{returned}}  verkauft {{sold}}  Retourenquote {{returnRate}}  Erlösquote {{recovery}}',
  },
});
