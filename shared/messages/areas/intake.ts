import { defineMessages } from '../define';

/**
 * What the intake part of the services says to a person: the desk's refusals and scan hints, the
 * catalogue (merchants and products) and its history, and the CSV imports (return notices,
 * catalogues, units sold) with the reason each refused row gives. Row reasons are short
 * lower-case phrases, because a row with several problems lists them joined by
 * `intake.problems`.
 */
export const INTAKE_MESSAGES = defineMessages({
  // The desk.
  'intake.dates_out_of_order': {
    en: 'The return cannot arrive ({{received}}) before the customer received the goods ({{delivered}}). Check both dates.',
    fr: 'Le retour ne peut pas arriver ({{received}}) avant que le client ait reçu la marchandise ({{delivered}}). Vérifiez les deux dates.',
    de: 'Die Retoure kann nicht eingehen ({{received}}), bevor der Kunde die Ware erhalten hat ({{delivered}}). Prüfen Sie beide Daten.',
  },
  'intake.duplicate_notice': {
    en: 'This return notice line is already item {{reference}}.',
    fr: 'Cette ligne d’avis de retour est déjà l’article {{reference}}.',
    de: 'Diese Position der Retourenankündigung ist bereits Artikel {{reference}}.',
  },
  'intake.scan.empty': {
    en: 'Nothing was scanned.',
    fr: 'Rien n’a été scanné.',
    de: 'Es wurde nichts gescannt.',
  },
  'intake.scan.no_reference': {
    en: 'No item has the reference {{reference}}.',
    fr: 'Aucun article n’a la référence {{reference}}.',
    de: 'Kein Artikel hat die Referenz {{reference}}.',
  },
  'intake.scan.no_ean': {
    en: 'No product has this EAN/GTIN yet.',
    fr: 'Aucun produit n’a encore cet EAN/GTIN.',
    de: 'Noch kein Produkt hat diese EAN/GTIN.',
  },
  'intake.scan.bad_check_digit': {
    en: 'Not a valid EAN/GTIN (its check digit should be {{digit}}); no order has this reference either.',
    fr: 'Ce n’est pas un EAN/GTIN valable (son chiffre de contrôle devrait être {{digit}}) ; aucune commande n’a non plus cette référence.',
    de: 'Keine gültige EAN/GTIN (die Prüfziffer müsste {{digit}} sein); auch keine Bestellung hat diese Nummer.',
  },
  'intake.scan.no_order': {
    en: 'No return notice has this order reference.',
    fr: 'Aucun avis de retour ne porte ce numéro de commande.',
    de: 'Keine Retourenankündigung hat diese Bestellnummer.',
  },
  'intake.scan.no_sku': {
    en: 'No product has this SKU.',
    fr: 'Aucun produit n’a ce SKU.',
    de: 'Kein Produkt hat diese SKU.',
  },
  'intake.gtin.not_digits': {
    en: '“{{code}}” is not an EAN/GTIN: it must contain digits only.',
    fr: '« {{code}} » n’est pas un EAN/GTIN : il ne doit contenir que des chiffres.',
    de: '„{{code}}“ ist keine EAN/GTIN: Sie darf nur Ziffern enthalten.',
  },
  'intake.gtin.length': {
    en: '“{{code}}” has {{digits}} digits; an EAN/GTIN has 8, 12, 13 or 14.',
    fr: '« {{code}} » compte {{digits}} chiffres ; un EAN/GTIN en a 8, 12, 13 ou 14.',
    de: '„{{code}}“ hat {{digits}} Ziffern; eine EAN/GTIN hat 8, 12, 13 oder 14.',
  },
  'intake.gtin.check_digit': {
    en: '“{{code}}” is not a valid EAN/GTIN: its last (check) digit should be {{digit}}. Check for a typo.',
    fr: '« {{code}} » n’est pas un EAN/GTIN valable : son dernier chiffre (de contrôle) devrait être {{digit}}. Vérifiez qu’il n’y a pas de faute de frappe.',
    de: '„{{code}}“ ist keine gültige EAN/GTIN: Die letzte Ziffer (Prüfziffer) müsste {{digit}} sein. Prüfen Sie auf Tippfehler.',
  },

  // Merchants and products.
  'intake.merchant_not_found': {
    en: 'There is no merchant with id {{id}}.',
    fr: 'Aucun marchand n’a l’identifiant {{id}}.',
    de: 'Es gibt keinen Händler mit der ID {{id}}.',
  },
  'intake.merchant_exists': {
    en: 'A merchant named “{{name}}” already exists.',
    fr: 'Un marchand nommé « {{name}} » existe déjà.',
    de: 'Ein Händler namens „{{name}}“ existiert bereits.',
  },
  'intake.merchant_currency_locked': {
    en: '{{name}} already has returned items priced in {{currency}}; its currency can no longer change.',
    fr: '{{name}} a déjà des articles retournés dont le prix est en {{currency}} ; sa devise ne peut plus changer.',
    de: '{{name}} hat bereits Retouren mit Preisen in {{currency}}; die Währung kann nicht mehr geändert werden.',
  },
  'intake.merchant_created': {
    en: 'Merchant {{name}} created',
    fr: 'Marchand {{name}} créé',
    de: 'Händler {{name}} angelegt',
  },
  'intake.merchant_changed': {
    en: 'Merchant {{name}} changed: {{fields}}',
    fr: 'Marchand {{name}} modifié : {{fields}}',
    de: 'Händler {{name}} geändert: {{fields}}',
  },
  'intake.product_not_found': {
    en: 'There is no product with id {{id}}.',
    fr: 'Aucun produit n’a l’identifiant {{id}}.',
    de: 'Es gibt kein Produkt mit der ID {{id}}.',
  },
  'intake.sku_taken': {
    en: 'This merchant already has a product with SKU “{{sku}}” ({{title}}).',
    fr: 'Ce marchand a déjà un produit de SKU « {{sku}} » ({{title}}).',
    de: 'Dieser Händler hat bereits ein Produkt mit der SKU „{{sku}}“ ({{title}}).',
  },
  'intake.product_conflict': {
    en: 'Someone else changed product {{sku}} while you were editing it. Reload it to see their changes, then save again.',
    fr: 'Quelqu’un d’autre a modifié le produit {{sku}} pendant que vous le modifiiez. Rechargez-le pour voir ses modifications, puis enregistrez à nouveau.',
    de: 'Jemand anderes hat Produkt {{sku}} geändert, während Sie es bearbeitet haben. Laden Sie es neu, um die Änderungen zu sehen, und speichern Sie dann erneut.',
  },
  'intake.product_has_items': {
    en: 'Product {{sku}} already has returned items, so it cannot move to another merchant.',
    fr: 'Le produit {{sku}} a déjà des articles retournés : il ne peut pas passer à un autre marchand.',
    de: 'Zu Produkt {{sku}} gibt es bereits Retouren, daher kann es keinem anderen Händler zugeordnet werden.',
  },
  'intake.product_created': {
    en: 'Product {{sku}} created',
    fr: 'Produit {{sku}} créé',
    de: 'Produkt {{sku}} angelegt',
  },
  'intake.product_created_by_catalogue': {
    en: 'Product {{sku}} created from a catalogue import',
    fr: 'Produit {{sku}} créé par un import de catalogue',
    de: 'Produkt {{sku}} durch einen Katalogimport angelegt',
  },
  'intake.product_created_by_notice': {
    en: 'Product {{sku}} created from an imported return notice',
    fr: 'Produit {{sku}} créé d’après un avis de retour importé',
    de: 'Produkt {{sku}} laut importierter Retourenankündigung angelegt',
  },
  'intake.product_changed': {
    en: 'Product {{sku}} changed: {{fields}}',
    fr: 'Produit {{sku}} modifié : {{fields}}',
    de: 'Produkt {{sku}} geändert: {{fields}}',
  },
  'intake.product_changed_by_catalogue': {
    en: 'Product {{sku}} changed by a catalogue import: {{fields}}',
    fr: 'Produit {{sku}} modifié par un import de catalogue : {{fields}}',
    de: 'Produkt {{sku}} durch einen Katalogimport geändert: {{fields}}',
  },
  'intake.field.name': { en: 'name', fr: 'nom', de: 'Name' },
  'intake.field.currency': { en: 'currency', fr: 'devise', de: 'Währung' },
  'intake.field.language': { en: 'language', fr: 'langue', de: 'Sprache' },
  'intake.field.returnWindowDays': { en: 'return window', fr: 'délai de retour', de: 'Rückgabefrist' },
  'intake.field.address': { en: 'address', fr: 'adresse', de: 'Adresse' },
  'intake.field.merchantId': { en: 'merchant', fr: 'marchand', de: 'Händler' },
  'intake.field.sku': { en: 'SKU', fr: 'SKU', de: 'SKU' },
  'intake.field.ean': { en: 'EAN', fr: 'EAN', de: 'EAN' },
  'intake.field.brand': { en: 'brand', fr: 'marque', de: 'Marke' },
  'intake.field.model': { en: 'model', fr: 'modèle', de: 'Modell' },
  'intake.field.title': { en: 'title', fr: 'titre', de: 'Titel' },
  'intake.field.description': { en: 'description', fr: 'description', de: 'Beschreibung' },
  'intake.field.originalCents': { en: 'original price', fr: 'prix d’origine', de: 'Originalpreis' },
  'intake.field.accessories': { en: 'accessories', fr: 'accessoires', de: 'Zubehör' },
  'intake.field.ebayCategoryId': { en: 'eBay category', fr: 'catégorie eBay', de: 'eBay-Kategorie' },

  // Reading a CSV file.
  'intake.csv.empty': {
    en: 'The file is empty.',
    fr: 'Le fichier est vide.',
    de: 'Die Datei ist leer.',
  },
  'intake.csv.binary': {
    en: 'This is not a CSV text file (it contains binary data). Save it from the spreadsheet as “CSV” and import that.',
    fr: 'Ce n’est pas un fichier texte CSV (il contient des données binaires). Enregistrez-le depuis le tableur au format « CSV » et importez ce fichier.',
    de: 'Das ist keine CSV-Textdatei (sie enthält Binärdaten). Speichern Sie sie in der Tabellenkalkulation als „CSV“ und importieren Sie diese Datei.',
  },
  'intake.csv.unclosed_quote': {
    en: 'The file cannot be read past line {{line}}: a field that starts with a quote (") after that line is never closed, so the rest of the file would be one value. Fix that quote and import again; nothing was imported.',
    fr: 'Le fichier ne peut pas être lu au-delà de la ligne {{line}} : un champ qui commence par un guillemet (") après cette ligne n’est jamais refermé, si bien que tout le reste du fichier formerait une seule valeur. Corrigez ce guillemet et importez à nouveau ; rien n’a été importé.',
    de: 'Die Datei kann nach Zeile {{line}} nicht gelesen werden: Ein Feld, das danach mit einem Anführungszeichen (") beginnt, wird nie geschlossen, sodass der Rest der Datei ein einziger Wert wäre. Korrigieren Sie dieses Anführungszeichen und importieren Sie erneut; es wurde nichts importiert.',
  },
  'intake.csv.unreadable': {
    en: 'The file is not readable as CSV: {{detail}}',
    fr: 'Le fichier n’est pas lisible en CSV : {{detail}}',
    de: 'Die Datei ist als CSV nicht lesbar: {{detail}}',
  },
  'intake.csv.no_header': {
    en: 'The file has no header row.',
    fr: 'Le fichier n’a pas de ligne d’en-tête.',
    de: 'Die Datei hat keine Kopfzeile.',
  },
  'intake.csv.no_rows': {
    en: 'The file has no rows.',
    fr: 'Le fichier ne contient aucune ligne.',
    de: 'Die Datei enthält keine Zeilen.',
  },
  'intake.csv.column_not_found': {
    en: 'The column “{{column}}” chosen for {{field}} is not in the file. Its columns are: {{columns}}.',
    fr: 'La colonne « {{column}} » choisie pour {{field}} n’est pas dans le fichier. Ses colonnes sont : {{columns}}.',
    de: 'Die für {{field}} gewählte Spalte „{{column}}“ ist nicht in der Datei. Ihre Spalten sind: {{columns}}.',
  },
  'intake.csv.missing_columns': {
    en: 'The file has no column for: {{columns}}. Choose the columns yourself, or name them as Rebound recognises them.',
    fr: 'Le fichier n’a pas de colonne pour : {{columns}}. Choisissez les colonnes vous-même, ou nommez-les comme Rebound les reconnaît.',
    de: 'Die Datei hat keine Spalte für: {{columns}}. Wählen Sie die Spalten selbst oder benennen Sie sie so, wie Rebound sie erkennt.',
  },
  'intake.csv.column.order_reference': {
    en: 'order reference (order_reference)',
    fr: 'numéro de commande (order_reference)',
    de: 'Bestellnummer (order_reference)',
  },
  'intake.csv.column.sku': { en: 'SKU (sku)', fr: 'SKU (sku)', de: 'SKU (sku)' },
  'intake.csv.column.merchant': {
    en: 'merchant (or choose the merchant for the whole file)',
    fr: 'marchand (ou choisissez le marchand pour tout le fichier)',
    de: 'Händler (oder wählen Sie den Händler für die ganze Datei)',
  },
  'intake.csv.no_sku_column': {
    en: 'The file has no SKU column. Choose the columns yourself, or name them as Rebound recognises them.',
    fr: 'Le fichier n’a pas de colonne SKU. Choisissez les colonnes vous-même, ou nommez-les comme Rebound les reconnaît.',
    de: 'Die Datei hat keine SKU-Spalte. Wählen Sie die Spalten selbst oder benennen Sie sie so, wie Rebound sie erkennt.',
  },
  'intake.import_stopped': {
    en: 'The import stopped at line {{line}}: {{reason}}. Rows before line {{line}} were imported; importing the same file again continues where it stopped, without duplicates.',
    fr: 'L’import s’est arrêté à la ligne {{line}} : {{reason}}. Les lignes avant la ligne {{line}} ont été importées ; importer à nouveau le même fichier reprend là où il s’est arrêté, sans doublons.',
    de: 'Der Import wurde in Zeile {{line}} abgebrochen: {{reason}}. Die Zeilen vor Zeile {{line}} wurden importiert; wenn Sie dieselbe Datei erneut importieren, geht es dort ohne Duplikate weiter.',
  },

  // Why a row of an import was refused.
  'intake.problems': { en: '{{first}}; {{rest}}', fr: '{{first}} ; {{rest}}', de: '{{first}}; {{rest}}' },
  'intake.row.not_saved': {
    en: 'could not be saved ({{detail}})',
    fr: 'n’a pas pu être enregistrée ({{detail}})',
    de: 'konnte nicht gespeichert werden ({{detail}})',
  },
  'intake.row.too_long': {
    en: {
      one: '{{field}} is longer than {{count}} character',
      other: '{{field}} is longer than {{count}} characters',
    },
    fr: {
      one: '{{field}} dépasse {{count}} caractère',
      other: '{{field}} dépasse {{count}} caractères',
    },
    de: {
      one: '{{field}} ist länger als {{count}} Zeichen',
      other: '{{field}} ist länger als {{count}} Zeichen',
    },
  },
  'intake.row.missing_sku': { en: 'missing SKU', fr: 'SKU manquant', de: 'SKU fehlt' },
  'intake.row.missing_merchant': { en: 'missing merchant', fr: 'marchand manquant', de: 'Händler fehlt' },
  'intake.row.missing_order': {
    en: 'missing order reference',
    fr: 'numéro de commande manquant',
    de: 'Bestellnummer fehlt',
  },
  'intake.row.other_merchant': {
    en: 'the row is for merchant “{{row}}”, but this import is for {{merchant}}',
    fr: 'la ligne concerne le marchand « {{row}} », mais cet import est pour {{merchant}}',
    de: 'die Zeile gehört zum Händler „{{row}}“, dieser Import ist aber für {{merchant}}',
  },
  'intake.row.unknown_merchant': {
    en: 'unknown merchant “{{name}}”',
    fr: 'marchand inconnu « {{name}} »',
    de: 'unbekannter Händler „{{name}}“',
  },
  'intake.row.bad_order_line': {
    en: 'order line “{{line}}” is not a whole number from 1',
    fr: 'la ligne de commande « {{line}} » n’est pas un nombre entier à partir de 1',
    de: 'die Bestellposition „{{line}}“ ist keine ganze Zahl ab 1',
  },
  'intake.row.ean_as_number': {
    en: 'EAN “{{ean}}” was turned into a number by the spreadsheet; format the column as text before exporting',
    fr: 'le tableur a transformé l’EAN « {{ean}} » en nombre ; mettez la colonne au format texte avant l’export',
    de: 'die Tabellenkalkulation hat die EAN „{{ean}}“ in eine Zahl umgewandelt; formatieren Sie die Spalte vor dem Export als Text',
  },
  'intake.row.original_price': {
    en: 'original price: {{reason}}',
    fr: 'prix d’origine : {{reason}}',
    de: 'Originalpreis: {{reason}}',
  },
  'intake.row.date': {
    en: '{{field}}: {{reason}}',
    fr: '{{field}} : {{reason}}',
    de: '{{field}}: {{reason}}',
  },
  'intake.row.currency': {
    en: 'the price is in {{currency}}, but {{merchant}} works in {{merchantCurrency}}',
    fr: 'le prix est en {{currency}}, mais {{merchant}} travaille en {{merchantCurrency}}',
    de: 'der Preis ist in {{currency}}, {{merchant}} arbeitet aber in {{merchantCurrency}}',
  },
  'intake.row.delivered_in_future': {
    en: 'delivered_at {{delivered}} is in the future',
    fr: 'delivered_at {{delivered}} est dans le futur',
    de: 'delivered_at {{delivered}} liegt in der Zukunft',
  },
  'intake.row.received_before_delivered': {
    en: 'received_at {{received}} is before delivered_at {{delivered}}',
    fr: 'received_at {{received}} est antérieur à delivered_at {{delivered}}',
    de: 'received_at {{received}} liegt vor delivered_at {{delivered}}',
  },
  'intake.row.ean_ambiguous': {
    en: 'EAN {{ean}} belongs to several of {{merchant}}’s products; give the SKU',
    fr: 'l’EAN {{ean}} correspond à plusieurs produits de {{merchant}} ; indiquez le SKU',
    de: 'die EAN {{ean}} gehört zu mehreren Produkten von {{merchant}}; geben Sie die SKU an',
  },
  'intake.row.ean_unknown': {
    en: 'missing SKU, and no product of {{merchant}} has the EAN {{ean}}',
    fr: 'SKU manquant, et aucun produit de {{merchant}} n’a l’EAN {{ean}}',
    de: 'SKU fehlt, und kein Produkt von {{merchant}} hat die EAN {{ean}}',
  },
  'intake.row.unknown_sku': {
    en: 'unknown SKU “{{sku}}” for {{merchant}}: add it to the catalogue, or give {{fields}} in the row to create it',
    fr: 'SKU « {{sku}} » inconnu pour {{merchant}} : ajoutez-le au catalogue, ou indiquez {{fields}} dans la ligne pour le créer',
    de: 'unbekannte SKU „{{sku}}“ für {{merchant}}: Nehmen Sie sie in den Katalog auf oder geben Sie {{fields}} in der Zeile an, um sie anzulegen',
  },
  'intake.row.new_product_needs': {
    en: 'new product {{sku}} needs {{fields}}',
    fr: 'le nouveau produit {{sku}} nécessite {{fields}}',
    de: 'das neue Produkt {{sku}} braucht {{fields}}',
  },
  'intake.row.duplicate_sku': {
    en: 'SKU {{sku}} is already on line {{line}}',
    fr: 'le SKU {{sku}} figure déjà à la ligne {{line}}',
    de: 'die SKU {{sku}} steht bereits in Zeile {{line}}',
  },

  // Values read from a cell.
  'intake.value.empty_amount': { en: 'empty amount', fr: 'montant vide', de: 'leerer Betrag' },
  'intake.value.negative_amount': {
    en: 'negative amount “{{text}}”: a price cannot be below zero',
    fr: 'montant négatif « {{text}} » : un prix ne peut pas être inférieur à zéro',
    de: 'negativer Betrag „{{text}}“: Ein Preis kann nicht unter null liegen',
  },
  'intake.value.not_amount': {
    en: '“{{text}}” is not an amount',
    fr: '« {{text}} » n’est pas un montant',
    de: '„{{text}}“ ist kein Betrag',
  },
  'intake.value.double_separator': {
    en: '“{{text}}” has two separators in a row',
    fr: '« {{text}} » contient deux séparateurs à la suite',
    de: '„{{text}}“ enthält zwei Trennzeichen hintereinander',
  },
  'intake.value.misplaced_separators': {
    en: '“{{text}}” has misplaced separators',
    fr: 'les séparateurs de « {{text}} » sont mal placés',
    de: '„{{text}}“ hat falsch gesetzte Trennzeichen',
  },
  'intake.value.ambiguous_amount': {
    en: '“{{text}}” is ambiguous: it could be {{whole}} (with a thousands separator) or {{head}} and {{tail}} thousandths. Write {{whole}}, {{whole}}.00 or {{whole}},00',
    fr: '« {{text}} » est ambigu : ce peut être {{whole}} (avec un séparateur de milliers) ou {{head}} et {{tail}} millièmes. Écrivez {{whole}}, {{whole}},00 ou {{whole}}.00',
    de: '„{{text}}“ ist mehrdeutig: Es kann {{whole}} sein (mit Tausendertrennzeichen) oder {{head}} und {{tail}} Tausendstel. Schreiben Sie {{whole}}, {{whole}},00 oder {{whole}}.00',
  },
  'intake.value.too_many_decimals': {
    en: '“{{text}}” has more than two decimals',
    fr: '« {{text}} » a plus de deux décimales',
    de: '„{{text}}“ hat mehr als zwei Nachkommastellen',
  },
  'intake.value.misplaced_thousands': {
    en: '“{{text}}” has misplaced thousands separators',
    fr: 'les séparateurs de milliers de « {{text}} » sont mal placés',
    de: '„{{text}}“ hat falsch gesetzte Tausendertrennzeichen',
  },
  'intake.value.too_large': {
    en: '“{{text}}” is too large',
    fr: '« {{text}} » est trop grand',
    de: '„{{text}}“ ist zu groß',
  },
  'intake.value.two_digit_year': {
    en: '“{{text}}” has a two-digit year; write the year in full (e.g. 01/03/2025)',
    fr: 'l’année de « {{text}} » n’a que deux chiffres ; écrivez-la en entier (p. ex. 01/03/2025)',
    de: '„{{text}}“ hat eine zweistellige Jahreszahl; schreiben Sie das Jahr vollständig (z. B. 01.03.2025)',
  },
  'intake.value.not_date': {
    en: '“{{text}}” is not a date; write it as 2025-03-01 or 01/03/2025',
    fr: '« {{text}} » n’est pas une date ; écrivez-la 2025-03-01 ou 01/03/2025',
    de: '„{{text}}“ ist kein Datum; schreiben Sie es als 2025-03-01 oder 01.03.2025',
  },
  'intake.value.not_real_date': {
    en: '“{{text}}” is not a real date',
    fr: '« {{text}} » n’est pas une date qui existe',
    de: '„{{text}}“ ist kein existierendes Datum',
  },

  // Units sold.
  'intake.units.empty': {
    en: 'units sold is empty',
    fr: 'unités vendues vide',
    de: 'verkaufte Einheiten leer',
  },
  'intake.units.negative': {
    en: '“{{text}}” is negative: units sold cannot be below zero',
    fr: '« {{text}} » est négatif : les unités vendues ne peuvent pas être inférieures à zéro',
    de: '„{{text}}“ ist negativ: Verkaufte Einheiten können nicht unter null liegen',
  },
  'intake.units.not_number': {
    en: '“{{text}}” is not a number of units',
    fr: '« {{text}} » n’est pas un nombre d’unités',
    de: '„{{text}}“ ist keine Anzahl von Einheiten',
  },
  'intake.units.not_whole': {
    en: '“{{text}}” is not a whole number of units',
    fr: '« {{text}} » n’est pas un nombre entier d’unités',
    de: '„{{text}}“ ist keine ganze Anzahl von Einheiten',
  },
  'intake.units.too_large': {
    en: '“{{text}}” is too large',
    fr: '« {{text}} » est trop grand',
    de: '„{{text}}“ ist zu groß',
  },
  'intake.units.missing_columns': {
    en: 'The file has no {{columns}} column. Its first line should read “sku;units_sold” (or “SKU;Units sold”, “Artikelnummer;Verkaufte Einheiten”, “Référence;Unités vendues”); its columns are: {{names}}.',
    fr: 'Le fichier n’a pas de colonne pour : {{columns}}. Sa première ligne devrait être « sku;units_sold » (ou « SKU;Units sold », « Artikelnummer;Verkaufte Einheiten », « Référence;Unités vendues ») ; ses colonnes sont : {{names}}.',
    de: 'Die Datei hat keine Spalte für: {{columns}}. Ihre erste Zeile sollte „sku;units_sold“ lauten (oder „SKU;Units sold“, „Artikelnummer;Verkaufte Einheiten“, „Référence;Unités vendues“); ihre Spalten sind: {{names}}.',
  },
  'intake.units.column.sku': { en: 'SKU', fr: 'SKU', de: 'SKU' },
  'intake.units.column.units': { en: 'units sold', fr: 'unités vendues', de: 'verkaufte Einheiten' },
  'intake.units.column.both': {
    en: 'SKU and units sold',
    fr: 'SKU et unités vendues',
    de: 'SKU und verkaufte Einheiten',
  },

  // Import history.
  'intake.imported_returns': {
    en: 'Return notices imported: {{imported}} new, {{skipped}} already there, {{refused}} refused',
    fr: 'Import d’avis de retour – nouveaux : {{imported}}, déjà présents : {{skipped}}, refusés : {{refused}}',
    de: 'Retourenankündigungen importiert – neu: {{imported}}, schon vorhanden: {{skipped}}, abgelehnt: {{refused}}',
  },
  'intake.imported_catalogue': {
    en: 'Catalogue imported for {{merchant}}: {{created}} new, {{updated}} changed, {{unchanged}} unchanged, {{refused}} refused',
    fr: 'Catalogue de {{merchant}} importé – nouveaux : {{created}}, modifiés : {{updated}}, inchangés : {{unchanged}}, refusés : {{refused}}',
    de: 'Katalog für {{merchant}} importiert – neu: {{created}}, geändert: {{updated}}, unverändert: {{unchanged}}, abgelehnt: {{refused}}',
  },
  'intake.imported_units': {
    en: 'Units sold imported for {{merchant}}: {{changed}} SKUs changed, {{unchanged}} unchanged, {{unknown}} not in the catalogue',
    fr: 'Unités vendues importées pour {{merchant}} – SKU modifiés : {{changed}}, inchangés : {{unchanged}}, absents du catalogue : {{unknown}}',
    de: 'Verkaufte Einheiten für {{merchant}} importiert – SKUs geändert: {{changed}}, unverändert: {{unchanged}}, nicht im Katalog: {{unknown}}',
  },
});
