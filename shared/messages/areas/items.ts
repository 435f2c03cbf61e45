import { defineMessages } from '../define';

/**
 * What the services say about one returned item: refusals of the grading and return-facts forms,
 * and the lines of its history (received, graded, regraded, disposition, return facts, window
 * re-checked). Grades, statuses, packaging and windows arrive as terms, drawn with the screens'
 * words; changed fields arrive as `items.field.*` messages joined by `items.fields.*`.
 */
export const ITEMS_MESSAGES = defineMessages({
  'items.not_found': {
    en: 'There is no item with id {{id}}.',
    fr: 'Aucun article n’a l’identifiant {{id}}.',
    de: 'Es gibt keinen Artikel mit der ID {{id}}.',
  },
  'items.not_found_reference': {
    en: 'There is no item with reference {{reference}}.',
    fr: 'Aucun article n’a la référence {{reference}}.',
    de: 'Es gibt keinen Artikel mit der Referenz {{reference}}.',
  },
  'items.unknown_sort': {
    en: 'Unknown sort: {{sort}}',
    fr: 'Tri inconnu : {{sort}}',
    de: 'Unbekannte Sortierung: {{sort}}',
  },
  'items.conflict': {
    en: 'Someone else changed item {{reference}} while you were editing it (you started from version {{had}}, it is now at version {{now}}). Reload the item to see their changes, then save again.',
    fr: 'Quelqu’un d’autre a modifié l’article {{reference}} pendant que vous le modifiiez (vous êtes parti de la version {{had}}, il en est à la version {{now}}). Rechargez l’article pour voir ses modifications, puis enregistrez à nouveau.',
    de: 'Jemand anderes hat Artikel {{reference}} geändert, während Sie ihn bearbeitet haben (Sie sind von Version {{had}} ausgegangen, jetzt ist es Version {{now}}). Laden Sie den Artikel neu, um die Änderungen zu sehen, und speichern Sie dann erneut.',
  },
  'items.other_merchant': {
    en: 'Item {{reference}} belongs to another merchant.',
    fr: 'L’article {{reference}} appartient à un autre marchand.',
    de: 'Artikel {{reference}} gehört einem anderen Händler.',
  },
  'items.not_gradable': {
    en: 'Item {{reference}} is “{{status}}”: it can no longer be regraded at the desk.',
    fr: 'L’article {{reference}} est « {{status}} » : il ne peut plus être contrôlé à nouveau au poste de réception.',
    de: 'Artikel {{reference}} ist „{{status}}“: Er kann am Wareneingang nicht mehr erneut geprüft werden.',
  },
  'items.sealed_mismatch': {
    en: '“{{condition}}” means the packaging is still sealed, but the packaging was recorded as “{{packaging}}”.',
    fr: '« {{condition}} » signifie que l’emballage est encore scellé, mais l’emballage a été noté « {{packaging}} ».',
    de: '„{{condition}}“ bedeutet, dass die Verpackung noch versiegelt ist, aber als „{{packaging}}“ erfasst wurde.',
  },
  'items.unknown_accessories': {
    en: {
      one: '{{names}} is not among the accessories expected with {{sku}} ({{expected}}). Add it to the product first.',
      other:
        '{{names}} are not among the accessories expected with {{sku}} ({{expected}}). Add them to the product first.',
    },
    fr: {
      one: '{{names}} ne fait pas partie des accessoires prévus avec {{sku}} ({{expected}}). Ajoutez-le d’abord au produit.',
      other:
        '{{names}} ne font pas partie des accessoires prévus avec {{sku}} ({{expected}}). Ajoutez-les d’abord au produit.',
    },
    de: {
      one: '{{names}} gehört nicht zum erwarteten Zubehör von {{sku}} ({{expected}}). Fügen Sie es zuerst dem Produkt hinzu.',
      other:
        '{{names}} gehören nicht zum erwarteten Zubehör von {{sku}} ({{expected}}). Fügen Sie sie zuerst dem Produkt hinzu.',
    },
  },
  'items.quoted': { en: '“{{name}}”', fr: '« {{name}} »', de: '„{{name}}“' },
  'items.no_accessories_expected': { en: 'none', fr: 'aucun', de: 'keines' },
  'items.defect_photo_unknown': {
    en: 'Defect {{number}} points at photo {{photo}}, which is not a photo of {{reference}}.',
    fr: 'Le défaut {{number}} renvoie à la photo {{photo}}, qui n’est pas une photo de {{reference}}.',
    de: 'Mangel {{number}} verweist auf Foto {{photo}}, das kein Foto von {{reference}} ist.',
  },
  'items.disposition_not_graded': {
    en: 'Only defective items are destroyed or returned to the merchant; {{reference}} is not graded yet.',
    fr: 'Seuls les articles défectueux sont détruits ou renvoyés au marchand ; {{reference}} n’a pas encore été contrôlé.',
    de: 'Nur defekte Artikel werden entsorgt oder an den Händler zurückgeschickt; {{reference}} ist noch nicht geprüft.',
  },
  'items.disposition_not_defective': {
    en: 'Only defective items are destroyed or returned to the merchant; {{reference}} is graded “{{condition}}”.',
    fr: 'Seuls les articles défectueux sont détruits ou renvoyés au marchand ; l’état de {{reference}} est « {{condition}} ».',
    de: 'Nur defekte Artikel werden entsorgt oder an den Händler zurückgeschickt; {{reference}} hat den Zustand „{{condition}}“.',
  },
  'items.disposition_final': {
    en: 'Item {{reference}} is already “{{status}}”; its disposition cannot change.',
    fr: 'L’article {{reference}} est déjà « {{status}} » ; son sort ne peut plus changer.',
    de: 'Artikel {{reference}} ist bereits „{{status}}“; über ihn kann nicht mehr anders entschieden werden.',
  },

  // History.
  'items.received': {
    en: 'Received {{reference}}, {{sku}}',
    fr: '{{reference}} réceptionné, {{sku}}',
    de: '{{reference}} angenommen, {{sku}}',
  },
  'items.received_order': {
    en: 'Received {{reference}}, {{sku}} (order {{order}})',
    fr: '{{reference}} réceptionné, {{sku}} (commande {{order}})',
    de: '{{reference}} angenommen, {{sku}} (Bestellung {{order}})',
  },
  'items.received_order_line': {
    en: 'Received {{reference}}, {{sku}} (order {{order}} line {{line}})',
    fr: '{{reference}} réceptionné, {{sku}} (commande {{order}}, ligne {{line}})',
    de: '{{reference}} angenommen, {{sku}} (Bestellung {{order}}, Position {{line}})',
  },
  'items.received_imported': {
    en: 'Received {{reference}}, {{sku}} from an imported return notice',
    fr: '{{reference}} réceptionné, {{sku}}, d’après un avis de retour importé',
    de: '{{reference}} angenommen, {{sku}}, laut importierter Retourenankündigung',
  },
  'items.received_imported_order': {
    en: 'Received {{reference}}, {{sku}} (order {{order}}) from an imported return notice',
    fr: '{{reference}} réceptionné, {{sku}} (commande {{order}}), d’après un avis de retour importé',
    de: '{{reference}} angenommen, {{sku}} (Bestellung {{order}}), laut importierter Retourenankündigung',
  },
  'items.received_imported_order_line': {
    en: 'Received {{reference}}, {{sku}} (order {{order}} line {{line}}) from an imported return notice',
    fr: '{{reference}} réceptionné, {{sku}} (commande {{order}}, ligne {{line}}), d’après un avis de retour importé',
    de: '{{reference}} angenommen, {{sku}} (Bestellung {{order}}, Position {{line}}), laut importierter Retourenankündigung',
  },
  'items.graded': {
    en: 'Graded {{condition}}',
    fr: 'Contrôlé : {{condition}}',
    de: 'Geprüft: {{condition}}',
  },
  'items.regraded': {
    en: 'Regraded {{before}} → {{after}}',
    fr: 'Contrôlé à nouveau : {{before}} → {{after}}',
    de: 'Erneut geprüft: {{before}} → {{after}}',
  },
  'items.grading_changed': {
    en: 'Grading changed: {{fields}}',
    fr: 'Contrôle modifié : {{fields}}',
    de: 'Prüfung geändert: {{fields}}',
  },
  'items.to_destroy': {
    en: 'Defective item to be destroyed / recycled',
    fr: 'Article défectueux à détruire ou à recycler',
    de: 'Defekter Artikel wird entsorgt bzw. recycelt',
  },
  'items.to_destroy_note': {
    en: 'Defective item to be destroyed / recycled: {{note}}',
    fr: 'Article défectueux à détruire ou à recycler : {{note}}',
    de: 'Defekter Artikel wird entsorgt bzw. recycelt: {{note}}',
  },
  'items.returned_to_merchant': {
    en: 'Defective item returned to the merchant',
    fr: 'Article défectueux renvoyé au marchand',
    de: 'Defekter Artikel an den Händler zurückgeschickt',
  },
  'items.returned_to_merchant_note': {
    en: 'Defective item returned to the merchant: {{note}}',
    fr: 'Article défectueux renvoyé au marchand : {{note}}',
    de: 'Defekter Artikel an den Händler zurückgeschickt: {{note}}',
  },
  'items.return_facts_changed': {
    en: 'Return facts changed: {{fields}}',
    fr: 'Informations de retour modifiées : {{fields}}',
    de: 'Retourendaten geändert: {{fields}}',
  },
  'items.window_rechecked': {
    en: {
      one: 'Return window re-checked after the merchant’s window became {{count}} day: {{before}} → {{after}}',
      other:
        'Return window re-checked after the merchant’s window became {{count}} days: {{before}} → {{after}}',
    },
    fr: {
      one: 'Délai de retour vérifié à nouveau, le délai du marchand étant passé à {{count}} jour : {{before}} → {{after}}',
      other:
        'Délai de retour vérifié à nouveau, le délai du marchand étant passé à {{count}} jours : {{before}} → {{after}}',
    },
    de: {
      one: 'Rückgabefrist erneut geprüft, nachdem die Frist des Händlers auf {{count}} Tag geändert wurde: {{before}} → {{after}}',
      other:
        'Rückgabefrist erneut geprüft, nachdem die Frist des Händlers auf {{count}} Tage geändert wurde: {{before}} → {{after}}',
    },
  },

  // Changed fields, as the forms name them, and how a history line lists them.
  'items.fields.one': { en: '{{a}}', fr: '{{a}}', de: '{{a}}' },
  'items.fields.two': { en: '{{a}} and {{b}}', fr: '{{a}} et {{b}}', de: '{{a}} und {{b}}' },
  'items.fields.more': { en: '{{a}}, {{rest}}', fr: '{{a}}, {{rest}}', de: '{{a}}, {{rest}}' },
  'items.field.grade': { en: 'grade', fr: 'état', de: 'Zustand' },
  'items.field.packaging': { en: 'packaging', fr: 'emballage', de: 'Verpackung' },
  'items.field.functionalTest': { en: 'functional test', fr: 'test de fonctionnement', de: 'Funktionstest' },
  'items.field.factoryReset': {
    en: 'factory reset',
    fr: 'réinitialisation',
    de: 'Zurücksetzen',
  },
  'items.field.cleaned': { en: 'cleaned', fr: 'nettoyé', de: 'gereinigt' },
  'items.field.repackaged': { en: 'repackaged', fr: 'réemballé', de: 'erneut verpackt' },
  'items.field.accessoriesMissing': {
    en: 'missing accessories',
    fr: 'accessoires manquants',
    de: 'fehlendes Zubehör',
  },
  'items.field.defects': { en: 'defects', fr: 'défauts', de: 'Mängel' },
  'items.field.status': { en: 'status', fr: 'statut', de: 'Status' },
  'items.field.disposition': { en: 'disposition', fr: 'sort de l’article', de: 'Verbleib' },
  'items.field.orderReference': { en: 'order', fr: 'commande', de: 'Bestellung' },
  'items.field.orderLine': { en: 'order line', fr: 'ligne de commande', de: 'Bestellposition' },
  'items.field.returnReason': { en: 'return reason', fr: 'motif de retour', de: 'Retourengrund' },
  'items.field.returnNote': { en: 'return note', fr: 'remarque sur le retour', de: 'Anmerkung zur Retoure' },
  'items.field.deliveredAt': { en: 'delivered', fr: 'date de livraison', de: 'Lieferdatum' },
  'items.field.receivedAt': { en: 'received', fr: 'date de réception', de: 'Eingangsdatum' },
  'items.field.windowResult': { en: 'return window', fr: 'délai de retour', de: 'Rückgabefrist' },
});
