import { defineMessages } from '../define';

/** What the bookkeeper's exports and the merchants' statements say (electron/services/exports, statements). */
export const EXPORTS_MESSAGES = defineMessages({
  'exports.statement_own_merchant_only': {
    en: 'An approver may only see the statements of their own merchant.',
    fr: 'Un valideur ne peut voir que les relevés de son propre marchand.',
    de: 'Ein Freigeber darf nur die Abrechnungen des eigenen Händlers sehen.',
  },
  'exports.account_codes_invalid': {
    en: 'The saved account codes are invalid; set them again.',
    fr: 'Les numéros de compte enregistrés ne sont pas valables ; saisissez-les à nouveau.',
    de: 'Die gespeicherten Kontonummern sind ungültig; legen Sie sie neu fest.',
  },
  'exports.no_merchant': {
    en: 'There is no merchant {{id}}.',
    fr: 'Le marchand {{id}} n’existe pas.',
    de: 'Den Händler {{id}} gibt es nicht.',
  },
  'exports.unknown_format': {
    en: 'Unknown export format {{format}}.',
    fr: 'Format d’export inconnu : {{format}}.',
    de: 'Unbekanntes Exportformat: {{format}}.',
  },
  'exports.stopped': {
    en: 'The export stopped unexpectedly ({{reason}}); try it again.',
    fr: 'L’export s’est arrêté de façon inattendue ({{reason}}) ; relancez-le.',
    de: 'Der Export wurde unerwartet abgebrochen ({{reason}}); versuchen Sie es erneut.',
  },
  'exports.fee_schedule_invalid': {
    en: '{{merchant}}: {{detail}}',
    fr: '{{merchant}} : barème de frais non valable ({{detail}})',
    de: '{{merchant}}: ungültige Gebührenordnung ({{detail}})',
  },
  'exports.one_currency': {
    en: '{{merchant}} is paid in {{currency}}, but sale {{sale}} is in {{saleCurrency}}; a statement holds one currency.',
    fr: '{{merchant}} est payé en {{currency}}, mais la vente {{sale}} est en {{saleCurrency}} ; un relevé ne contient qu’une devise.',
    de: '{{merchant}} wird in {{currency}} ausgezahlt, der Verkauf {{sale}} ist aber in {{saleCurrency}}; eine Abrechnung enthält nur eine Währung.',
  },
});
