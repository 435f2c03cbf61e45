import { defineCliTexts } from '../texts';

/** The words of `rebound import returns`, `products import`, `label` and `intake scan` (cli/intake.ts). */
export const INTAKE_TEXTS = defineCliTexts({
  'import.description': {
    en: 'import files exported from a shop or returns portal',
    fr: 'importe des fichiers exportés d’une boutique ou d’un portail de retours',
    de: 'importiert Dateien, die aus einem Shop oder Retourenportal exportiert wurden',
  },
  'returns.description': {
    en: 'import return notices (CSV): one item per row; see docs/import-returns.md for the columns',
    fr: 'importe des avis de retour (CSV) : un article par ligne ; les colonnes sont décrites dans docs/import-returns.md',
    de: 'importiert Retourenankündigungen (CSV): ein Artikel je Zeile; die Spalten beschreibt docs/import-returns.md',
  },
  'csvFile.argument': {
    en: 'CSV file (comma or semicolon; UTF-8 or Windows-1252)',
    fr: 'fichier CSV (virgule ou point-virgule ; UTF-8 ou Windows-1252)',
    de: 'CSV-Datei (Komma oder Semikolon; UTF-8 oder Windows-1252)',
  },
  'returns.merchant.option': {
    en: 'the merchant of every row (else the file needs a merchant column)',
    fr: 'le marchand de toutes les lignes (sinon le fichier doit avoir une colonne « marchand »)',
    de: 'der Händler aller Zeilen (sonst braucht die Datei eine Händlerspalte)',
  },
  'strict.option': {
    en: 'exit with 1 when any row was refused',
    fr: 'se termine avec le code 1 si une ligne a été refusée',
    de: 'mit Code 1 beenden, wenn eine Zeile abgelehnt wurde',
  },
  'products.description': {
    en: 'merchants’ product catalogues',
    fr: 'catalogues de produits des marchands',
    de: 'Produktkataloge der Händler',
  },
  'products.import.description': {
    en: 'import a product catalogue (CSV): creates new SKUs, updates changed ones',
    fr: 'importe un catalogue de produits (CSV) : ajoute les nouveaux SKU, met à jour ceux qui ont changé',
    de: 'importiert einen Produktkatalog (CSV): legt neue SKUs an, aktualisiert geänderte',
  },
  'products.merchant.option': {
    en: 'the merchant whose catalogue this is',
    fr: 'le marchand à qui appartient ce catalogue',
    de: 'der Händler, dem dieser Katalog gehört',
  },
  'label.description': {
    en: 'write an item’s label as a PDF, sized for the label stock',
    fr: 'écrit l’étiquette d’un article en PDF, au format du rouleau d’étiquettes',
    de: 'schreibt das Etikett eines Artikels als PDF, im Format der Etikettenrolle',
  },
  'item.argument': {
    en: 'the item’s reference (RB-000123) or id',
    fr: 'la référence de l’article (RB-000123) ou son identifiant',
    de: 'die Referenz des Artikels (RB-000123) oder seine ID',
  },
  'label.size.option': { en: 'label stock', fr: 'rouleau d’étiquettes', de: 'Etikettenrolle' },
  'label.out.option': {
    en: 'where to write the PDF (default: REFERENCE-SIZE.pdf in the current folder)',
    fr: 'où écrire le PDF (par défaut : REFERENCE-SIZE.pdf dans le dossier courant)',
    de: 'wohin das PDF geschrieben wird (Standard: REFERENCE-SIZE.pdf im aktuellen Ordner)',
  },
  'label.wrote': {
    en: 'Wrote {{file}} ({{size}}, {{kb}} kB).',
    fr: 'PDF écrit : {{file}} ({{size}}, {{kb}} ko).',
    de: 'PDF gespeichert: {{file}} ({{size}}, {{kb}} kB).',
  },
  'intake.description': { en: 'the intake desk', fr: 'le poste de réception', de: 'der Wareneingang' },
  'scan.description': {
    en: 'look up what the desk’s scan field would find: an item, a return notice or a product',
    fr: 'cherche ce que trouverait le champ de scan du poste : un article, un avis de retour ou un produit',
    de: 'sucht, was das Scanfeld des Wareneingangs finden würde: einen Artikel, eine Retourenankündigung oder ein Produkt',
  },
  'scan.argument': {
    en: 'a Rebound reference, an order reference, an EAN/GTIN or a SKU',
    fr: 'une référence Rebound, un numéro de commande, un EAN/GTIN ou un SKU',
    de: 'eine Rebound-Referenz, eine Bestellnummer, eine EAN/GTIN oder eine SKU',
  },
  'scan.item': {
    en: 'item {{reference}} ({{status}})',
    fr: 'article {{reference}} ({{status}})',
    de: 'Artikel {{reference}} ({{status}})',
  },
  'scan.notice': {
    en: 'return notice {{order}}:',
    fr: 'avis de retour {{order}} :',
    de: 'Retourenankündigung {{order}}:',
  },
  'scan.product': {
    en: 'product {{sku}}  {{title}}  ({{merchant}}, matched by {{by}})',
    fr: 'produit {{sku}}  {{title}}  ({{merchant}}, trouvé par {{by}})',
    de: 'Produkt {{sku}}  {{title}}  ({{merchant}}, gefunden über {{by}})',
  },
  'scan.also': {
    en: 'also {{merchant}}: {{sku}} {{title}}',
    fr: 'aussi chez {{merchant}} : {{sku}} {{title}}',
    de: 'auch bei {{merchant}}: {{sku}} {{title}}',
  },
  'scan.waiting': {
    en: 'waiting: {{reference}} (order {{order}})',
    fr: 'en attente : {{reference}} (commande {{order}})',
    de: 'wartet: {{reference}} (Bestellung {{order}})',
  },
  'scan.unknown.ean': {
    en: 'unknown: looks like an EAN.',
    fr: 'inconnu : ressemble à un EAN.',
    de: 'unbekannt: sieht aus wie eine EAN.',
  },
  'scan.unknown.sku': {
    en: 'unknown: looks like a sku.',
    fr: 'inconnu : ressemble à un SKU.',
    de: 'unbekannt: sieht aus wie eine SKU.',
  },
  'scan.unknown.reference': {
    en: 'unknown: looks like a reference.',
    fr: 'inconnu : ressemble à une référence.',
    de: 'unbekannt: sieht aus wie eine Referenz.',
  },
  'scan.unknown.order': {
    en: 'unknown: looks like an order.',
    fr: 'inconnu : ressemble à un numéro de commande.',
    de: 'unbekannt: sieht aus wie eine Bestellnummer.',
  },
  format: {
    en: '{{encoding}}, separator {{separator}}',
    fr: '{{encoding}}, séparateur {{separator}}',
    de: '{{encoding}}, Trennzeichen {{separator}}',
  },
  'format.tab': { en: 'tab', fr: 'tabulation', de: 'Tabulator' },
  'format.quoted': { en: '“{{text}}”', fr: '« {{text}} »', de: '„{{text}}“' },
  'returns.read': {
    en: {
      one: '{{file}} ({{format}}): {{count}} row read.',
      other: '{{file}} ({{format}}): {{count}} rows read.',
    },
    fr: {
      one: '{{file}} ({{format}}) : {{count}} ligne lue.',
      other: '{{file}} ({{format}}) : {{count}} lignes lues.',
    },
    de: {
      one: '{{file}} ({{format}}): {{count}} Zeile gelesen.',
      other: '{{file}} ({{format}}): {{count}} Zeilen gelesen.',
    },
  },
  readFor: {
    en: {
      one: '{{file}} ({{format}}): {{count}} row read for {{merchant}}.',
      other: '{{file}} ({{format}}): {{count}} rows read for {{merchant}}.',
    },
    fr: {
      one: '{{file}} ({{format}}) : {{count}} ligne lue pour {{merchant}}.',
      other: '{{file}} ({{format}}) : {{count}} lignes lues pour {{merchant}}.',
    },
    de: {
      one: '{{file}} ({{format}}): {{count}} Zeile für {{merchant}} gelesen.',
      other: '{{file}} ({{format}}): {{count}} Zeilen für {{merchant}} gelesen.',
    },
  },
  itemsCreated: {
    en: { one: '{{count}} item created', other: '{{count}} items created' },
    fr: { one: '{{count}} article créé', other: '{{count}} articles créés' },
    de: { one: '{{count}} Artikel angelegt', other: '{{count}} Artikel angelegt' },
  },
  rowsSkipped: {
    en: {
      one: '{{count}} row already imported (skipped)',
      other: '{{count}} rows already imported (skipped)',
    },
    fr: {
      one: '{{count}} ligne déjà importée (ignorée)',
      other: '{{count}} lignes déjà importées (ignorées)',
    },
    de: {
      one: '{{count}} Zeile bereits importiert (übersprungen)',
      other: '{{count}} Zeilen bereits importiert (übersprungen)',
    },
  },
  productsCreated: {
    en: { one: '{{count}} product created', other: '{{count}} products created' },
    fr: { one: '{{count}} produit ajouté', other: '{{count}} produits ajoutés' },
    de: { one: '{{count}} Produkt angelegt', other: '{{count}} Produkte angelegt' },
  },
  productsUpdated: {
    en: { one: '{{count}} updated', other: '{{count}} updated' },
    fr: { one: '{{count}} mis à jour', other: '{{count}} mis à jour' },
    de: { one: '{{count}} aktualisiert', other: '{{count}} aktualisiert' },
  },
  productsUnchanged: {
    en: { one: '{{count}} unchanged', other: '{{count}} unchanged' },
    fr: { one: '{{count}} inchangé', other: '{{count}} inchangés' },
    de: { one: '{{count}} unverändert', other: '{{count}} unverändert' },
  },
  rowsRefused: {
    en: { one: '{{count}} row refused', other: '{{count}} rows refused' },
    fr: { one: '{{count}} ligne refusée', other: '{{count}} lignes refusées' },
    de: { one: '{{count}} Zeile abgelehnt', other: '{{count}} Zeilen abgelehnt' },
  },
  line: {
    en: 'line {{line}}: {{reason}}',
    fr: 'ligne {{line}} : {{reason}}',
    de: 'Zeile {{line}}: {{reason}}',
  },
  'strict.refused': {
    en: { one: '{{count}} row was refused (--strict).', other: '{{count}} rows were refused (--strict).' },
    fr: {
      one: '{{count}} ligne a été refusée (--strict).',
      other: '{{count}} lignes ont été refusées (--strict).',
    },
    de: {
      one: '{{count}} Zeile wurde abgelehnt (--strict).',
      other: '{{count}} Zeilen wurden abgelehnt (--strict).',
    },
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
  noMerchant: {
    en: 'There is no merchant named “{{name}}”.',
    fr: 'Aucun marchand ne s’appelle « {{name}} ».',
    de: 'Es gibt keinen Händler namens „{{name}}“.',
  },
  merchantsKnown: {
    en: 'Merchants: {{names}}.',
    fr: 'Marchands : {{names}}.',
    de: 'Händler: {{names}}.',
  },
  createMerchant: {
    en: 'Create one first.',
    fr: 'Ajoutez-en d’abord un.',
    de: 'Legen Sie zuerst einen an.',
  },
});
