import { defineMessages } from '../define';

/**
 * What the API's front door says: unknown methods, input that does not fit the contract, and the
 * access rule's refusals. The action phrases are messages of their own so that a refusal names
 * what was refused in the reader's language ("ne peut pas valider les prix").
 */
export const COMMON_MESSAGES = defineMessages({
  'common.unknown_method': {
    en: 'Rebound does not know the request “{{method}}”. The window and the workspace may be of different versions.',
    fr: 'Rebound ne connaît pas la demande « {{method}} ». La fenêtre et l’espace de travail sont peut-être de versions différentes.',
    de: 'Rebound kennt die Anfrage „{{method}}“ nicht. Fenster und Arbeitsbereich haben vielleicht unterschiedliche Versionen.',
  },
  'common.invalid_input': {
    en: 'Some of what was sent is not valid ({{fields}}). Check the form and try again.',
    fr: 'Une partie de ce qui a été envoyé n’est pas valable ({{fields}}). Vérifiez le formulaire et réessayez.',
    de: 'Ein Teil der gesendeten Angaben ist ungültig ({{fields}}). Prüfen Sie das Formular und versuchen Sie es erneut.',
  },
  'common.sign_in_first': {
    en: 'Sign in first.',
    fr: 'Connectez-vous d’abord.',
    de: 'Bitte melden Sie sich zuerst an.',
  },
  'common.nobody_with_id': {
    en: 'There is nobody with id {{id}}.',
    fr: 'Personne n’a l’identifiant {{id}}.',
    de: 'Es gibt niemanden mit der ID {{id}}.',
  },
  'common.person_disabled': {
    en: '{{name}} is disabled.',
    fr: 'Le compte de {{name}} est désactivé.',
    de: 'Das Konto von {{name}} ist deaktiviert.',
  },
  'common.forbidden': {
    en: '{{name}} is {{role}} and cannot {{action}}.',
    fr: '{{name}} est {{role}} et ne peut pas {{action}}.',
    de: '{{name}} hat die Rolle „{{role}}“ und darf nicht {{action}}.',
  },
  'common.forbidden_method': {
    en: '{{name}} is {{role}} and may not do this ({{method}}).',
    fr: '{{name}} est {{role}} et ne peut pas faire cela ({{method}}).',
    de: '{{name}} hat die Rolle „{{role}}“ und darf das nicht ({{method}}).',
  },
  'common.role_noun.staff': { en: 'resale staff', fr: 'opérateur revente', de: 'Mitarbeiter Wiederverkauf' },
  'common.role_noun.approver': { en: 'an approver', fr: 'valideur', de: 'Freigeber' },
  'common.role_noun.bookkeeper': { en: 'a bookkeeper', fr: 'comptable', de: 'Buchhaltung' },
  'common.role_noun.admin': { en: 'an admin', fr: 'administrateur', de: 'Administrator' },
  'common.out_of_scope': {
    en: '{{name}} approves for other merchants and cannot {{action}} for {{merchant}}.',
    fr: '{{name}} valide pour d’autres marchands et ne peut pas {{action}} pour {{merchant}}.',
    de: '{{name}} gibt für andere Händler frei und darf für {{merchant}} nicht {{action}}.',
  },
  'common.out_of_scope_unnamed': {
    en: '{{name}} approves for other merchants and cannot {{action}} of this one.',
    fr: '{{name}} valide pour d’autres marchands et ne peut pas {{action}} de celui-ci.',
    de: '{{name}} gibt für andere Händler frei und darf bei diesem nicht {{action}}.',
  },
  'common.choose_merchant': {
    en: '{{name}} approves for several merchants: choose one.',
    fr: '{{name}} valide pour plusieurs marchands : choisissez-en un.',
    de: '{{name}} gibt für mehrere Händler frei: Wählen Sie einen aus.',
  },
  'common.internal': {
    en: 'Something went wrong inside Rebound: {{detail}}',
    fr: 'Un problème est survenu dans Rebound : {{detail}}',
    de: 'In Rebound ist ein Fehler aufgetreten: {{detail}}',
  },
  'common.action.reach_data': {
    en: 'reach the data',
    fr: 'accéder aux données',
    de: 'auf die Daten zugreifen',
  },
  'common.action.propose_prices': { en: 'propose prices', fr: 'proposer des prix', de: 'Preise vorschlagen' },
  'common.action.change_policies': {
    en: 'change pricing policies',
    fr: 'modifier les règles de prix',
    de: 'Preisregeln ändern',
  },
  'common.action.approve_prices': { en: 'approve prices', fr: 'valider les prix', de: 'Preise freigeben' },
  'common.action.change_prices': { en: 'change prices', fr: 'modifier les prix', de: 'Preise ändern' },
  'common.action.reject_prices': { en: 'reject prices', fr: 'refuser les prix', de: 'Preise ablehnen' },
  'common.action.add_people': { en: 'add people', fr: 'ajouter des personnes', de: 'Personen hinzufügen' },
  'common.action.change_roles': {
    en: 'change people’s roles',
    fr: 'modifier les rôles des personnes',
    de: 'Rollen von Personen ändern',
  },
  'common.action.reset_passwords': {
    en: 'reset passwords',
    fr: 'réinitialiser les mots de passe',
    de: 'Passwörter zurücksetzen',
  },
  'common.action.disable_people': {
    en: 'disable people',
    fr: 'désactiver des personnes',
    de: 'Personen deaktivieren',
  },
  'common.action.list_people': {
    en: 'see the list of people',
    fr: 'voir la liste des personnes',
    de: 'die Personenliste sehen',
  },
  'common.action.export_sales': {
    en: 'export the sales ledger',
    fr: 'exporter le journal des ventes',
    de: 'das Verkaufsjournal exportieren',
  },
  'common.action.see_sales': {
    en: 'see the sales ledger',
    fr: 'voir le journal des ventes',
    de: 'das Verkaufsjournal sehen',
  },
  'common.action.see_reports': {
    en: 'see the merchants’ financial reports',
    fr: 'voir les rapports financiers des marchands',
    de: 'die Finanzberichte der Händler sehen',
  },
  'common.action.open_statements': {
    en: 'open statements',
    fr: 'ouvrir les relevés',
    de: 'Abrechnungen öffnen',
  },
});
