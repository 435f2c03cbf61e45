import { defineMessages } from '../define';

/*
 * What the descriptions part of the services says to a person. The language a description is
 * written in is part of the sentence ("the French description", « la description française »,
 * „die französische Beschreibung“): adjectives agree differently in each language, so each
 * language of a description has its own message rather than a name put into one sentence.
 */
export const DESCRIPTIONS_MESSAGES = defineMessages({
  // Why an item gets no description.
  'descriptions.not_graded': {
    en: 'Item {{reference}} has not been graded yet: its description is drafted from the grading.',
    fr: 'L’article {{reference}} n’a pas encore été contrôlé : sa description est rédigée à partir du contrôle.',
    de: 'Artikel {{reference}} wurde noch nicht geprüft: Seine Beschreibung entsteht aus der Prüfung.',
  },
  'descriptions.not_graded_facts': {
    en: 'Item {{reference}} has not been graded yet, so it cannot be described.',
    fr: 'L’article {{reference}} n’a pas encore été contrôlé : il ne peut donc pas être décrit.',
    de: 'Artikel {{reference}} wurde noch nicht geprüft und kann daher nicht beschrieben werden.',
  },
  'descriptions.defective': {
    en: 'Item {{reference}} is defective: defective items are never listed, so they get no description.',
    fr: 'L’article {{reference}} est défectueux : un article défectueux n’est jamais mis en vente et n’a donc pas de description.',
    de: 'Artikel {{reference}} ist defekt: Defekte Artikel werden nie angeboten und erhalten daher keine Beschreibung.',
  },
  'descriptions.not_listable': {
    en: 'Defective items are never listed: they are destroyed or returned to the merchant.',
    fr: 'Un article défectueux n’est jamais mis en vente : il est détruit ou renvoyé au marchand.',
    de: 'Defekte Artikel werden nie angeboten: Sie werden entsorgt oder an den Händler zurückgesendet.',
  },
  'descriptions.no_allowed_condition': {
    en: 'The category allows no condition that fits this item (it maps to {{condition}}); choose another category.',
    fr: 'La catégorie n’admet aucun état qui convienne à cet article (il correspond à {{condition}}) ; choisissez une autre catégorie.',
    de: 'Die Kategorie erlaubt keinen Zustand, der zu diesem Artikel passt (er entspricht {{condition}}); wählen Sie eine andere Kategorie.',
  },
  'descriptions.invalid_facts': {
    en: 'The item’s facts are incomplete or malformed.',
    fr: 'Les données de l’article sont incomplètes ou mal formées.',
    de: 'Die Angaben zum Artikel sind unvollständig oder fehlerhaft.',
  },
  'descriptions.invalid_template': {
    en: 'The merchant’s description template is not valid.',
    fr: 'Le modèle de description du marchand n’est pas valable.',
    de: 'Die Beschreibungsvorlage des Händlers ist ungültig.',
  },
  'descriptions.template_has_issues': {
    en: 'The template is not valid; fix the marked fields.',
    fr: 'Le modèle n’est pas valable ; corrigez les champs signalés.',
    de: 'Die Vorlage ist ungültig; korrigieren Sie die markierten Felder.',
  },

  // Refusals of an edit.
  'descriptions.other_merchant': {
    en: '{{name}} approves for another merchant and may not change this one’s wording.',
    fr: '{{name}} valide pour un autre marchand et ne peut pas modifier les textes de celui-ci.',
    de: '{{name}} gibt für einen anderen Händler frei und darf die Texte dieses Händlers nicht ändern.',
  },
  'descriptions.title_empty': {
    en: 'The title cannot be empty.',
    fr: 'Le titre ne peut pas être vide.',
    de: 'Der Titel darf nicht leer sein.',
  },
  'descriptions.title_too_long': {
    en: 'The title has {{length}} characters; eBay allows {{limit}}.',
    fr: 'Le titre compte {{length}} caractères ; eBay en autorise {{limit}}.',
    de: 'Der Titel hat {{length}} Zeichen; eBay erlaubt {{limit}}.',
  },
  'descriptions.condition_too_long': {
    en: 'The condition description has {{length}} characters; eBay allows {{limit}}.',
    fr: 'La description de l’état compte {{length}} caractères ; eBay en autorise {{limit}}.',
    de: 'Die Zustandsbeschreibung hat {{length}} Zeichen; eBay erlaubt {{limit}}.',
  },
  'descriptions.html_not_allowed': {
    en: 'The listing HTML is not allowed: {{problems}}.',
    fr: 'Le HTML de l’annonce n’est pas autorisé : {{problems}}.',
    de: 'Das HTML des Angebots ist nicht zulässig: {{problems}}.',
  },
  'descriptions.problems.2': { en: '{{a}} {{b}}', fr: '{{a}} {{b}}', de: '{{a}} {{b}}' },
  'descriptions.problems.3': { en: '{{a}} {{b}} {{c}}', fr: '{{a}} {{b}} {{c}}', de: '{{a}} {{b}} {{c}}' },
  'descriptions.problems.4': {
    en: '{{a}} {{b}} {{c}} {{d}}',
    fr: '{{a}} {{b}} {{c}} {{d}}',
    de: '{{a}} {{b}} {{c}} {{d}}',
  },
  'descriptions.edited_meanwhile.en': {
    en: 'Someone else changed the English description of {{reference}} while you were editing it. Reload to see their version.',
    fr: 'Quelqu’un d’autre a modifié la description anglaise de {{reference}} pendant que vous la modifiiez. Rechargez pour voir sa version.',
    de: 'Jemand anderes hat die englische Beschreibung von {{reference}} geändert, während Sie sie bearbeitet haben. Laden Sie neu, um diese Fassung zu sehen.',
  },
  'descriptions.edited_meanwhile.fr': {
    en: 'Someone else changed the French description of {{reference}} while you were editing it. Reload to see their version.',
    fr: 'Quelqu’un d’autre a modifié la description française de {{reference}} pendant que vous la modifiiez. Rechargez pour voir sa version.',
    de: 'Jemand anderes hat die französische Beschreibung von {{reference}} geändert, während Sie sie bearbeitet haben. Laden Sie neu, um diese Fassung zu sehen.',
  },
  'descriptions.edited_meanwhile.de': {
    en: 'Someone else changed the German description of {{reference}} while you were editing it. Reload to see their version.',
    fr: 'Quelqu’un d’autre a modifié la description allemande de {{reference}} pendant que vous la modifiiez. Rechargez pour voir sa version.',
    de: 'Jemand anderes hat die deutsche Beschreibung von {{reference}} geändert, während Sie sie bearbeitet haben. Laden Sie neu, um diese Fassung zu sehen.',
  },
  'descriptions.no_merchant': {
    en: 'There is no merchant with id {{id}}.',
    fr: 'Aucun marchand n’a l’identifiant {{id}}.',
    de: 'Es gibt keinen Händler mit der ID {{id}}.',
  },

  // History.
  'descriptions.edited.en': {
    en: 'Edited the English description',
    fr: 'Description anglaise modifiée',
    de: 'Englische Beschreibung bearbeitet',
  },
  'descriptions.edited.fr': {
    en: 'Edited the French description',
    fr: 'Description française modifiée',
    de: 'Französische Beschreibung bearbeitet',
  },
  'descriptions.edited.de': {
    en: 'Edited the German description',
    fr: 'Description allemande modifiée',
    de: 'Deutsche Beschreibung bearbeitet',
  },
  'descriptions.reset.en': {
    en: 'Reset the English description to the generated draft',
    fr: 'Description anglaise remise au texte généré',
    de: 'Englische Beschreibung auf den erzeugten Entwurf zurückgesetzt',
  },
  'descriptions.reset.fr': {
    en: 'Reset the French description to the generated draft',
    fr: 'Description française remise au texte généré',
    de: 'Französische Beschreibung auf den erzeugten Entwurf zurückgesetzt',
  },
  'descriptions.reset.de': {
    en: 'Reset the German description to the generated draft',
    fr: 'Description allemande remise au texte généré',
    de: 'Deutsche Beschreibung auf den erzeugten Entwurf zurückgesetzt',
  },
  'descriptions.template_changed.en': {
    en: 'Changed the English description template',
    fr: 'Modèle de description anglais modifié',
    de: 'Englische Beschreibungsvorlage geändert',
  },
  'descriptions.template_changed.fr': {
    en: 'Changed the French description template',
    fr: 'Modèle de description français modifié',
    de: 'Französische Beschreibungsvorlage geändert',
  },
  'descriptions.template_changed.de': {
    en: 'Changed the German description template',
    fr: 'Modèle de description allemand modifié',
    de: 'Deutsche Beschreibungsvorlage geändert',
  },
});
