import { defineCliTexts } from '../texts';

/** The words of `rebound price`, `rebound approve` and `rebound reject` (cli/pricing.ts). */
export const PRICING_TEXTS = defineCliTexts({
  'profile.needed': {
    en: "rebound {{command}} decides for a person: pass --as PROFILE (a profile's name or id).",
    fr: 'rebound {{command}} décide au nom d’une personne : indiquez --as PROFIL (le nom ou l’identifiant d’un profil).',
    de: 'rebound {{command}} entscheidet für eine Person: Geben Sie --as PROFIL an (Name oder ID eines Profils).',
  },
  'profile.unknown': {
    en: 'There is no profile “{{who}}”.',
    fr: 'Il n’y a pas de profil « {{who}} ».',
    de: 'Es gibt kein Profil „{{who}}“.',
  },
  'profile.known': {
    en: ' Profiles: {{names}}.',
    fr: ' Profils : {{names}}.',
    de: ' Profile: {{names}}.',
  },
  'decision.stale': {
    en: 'stale: the item was regraded since',
    fr: 'à revoir : l’article a été contrôlé à nouveau depuis',
    de: 'veraltet: Der Artikel wurde seitdem erneut geprüft',
  },
  'decision.pending': {
    en: 'waits for the merchant’s approval',
    fr: 'en attente de validation par le marchand',
    de: 'wartet auf die Freigabe des Händlers',
  },
  'decision.auto': {
    en: 'approved by the pricing policy itself',
    fr: 'validé par la politique de prix elle-même',
    de: 'von der Preisrichtlinie selbst freigegeben',
  },
  'decision.approved': {
    en: 'approved by {{name}}',
    fr: 'validé par {{name}}',
    de: 'freigegeben von {{name}}',
  },
  'decision.adjusted': {
    en: 'set and approved by {{name}}',
    fr: 'fixé et validé par {{name}}',
    de: 'festgelegt und freigegeben von {{name}}',
  },
  'decision.adjustedBelowFloor': {
    en: 'set and approved by {{name}} (below the floor)',
    fr: 'fixé et validé par {{name}} (en dessous du prix plancher)',
    de: 'festgelegt und freigegeben von {{name}} (unter dem Mindestpreis)',
  },
  'decision.rejected': {
    en: 'rejected by {{name}}',
    fr: 'refusé par {{name}}',
    de: 'abgelehnt von {{name}}',
  },
  'decision.theMerchant': { en: 'the merchant', fr: 'le marchand', de: 'dem Händler' },
  'trace.original': {
    en: '{{reference}}  original {{original}}',
    fr: '{{reference}}  prix d’origine {{original}}',
    de: '{{reference}}  Originalpreis {{original}}',
  },
  'trace.totals': {
    en: 'proposed {{proposed}} · floor {{floor}} · net {{net}}',
    fr: 'proposé {{proposed}} · plancher {{floor}} · net {{net}}',
    de: 'vorgeschlagen {{proposed}} · Mindestpreis {{floor}} · netto {{net}}',
  },
  'price.notCents': {
    en: '--price is a whole number of cents (7999 for 79.99), got “{{value}}”.',
    fr: '--price est un nombre entier de centimes (7999 pour 79,99), reçu « {{value}} ».',
    de: '--price ist eine ganze Zahl in Cent (7999 für 79,99), erhalten: „{{value}}“.',
  },
  'price.description': {
    en: 'show an item’s price and its trace, proposing one first if it has none (or a stale one)',
    fr: 'affiche le prix d’un article et son détail, en proposant d’abord un prix s’il n’en a pas (ou s’il est à revoir)',
    de: 'zeigt den Preis eines Artikels und seine Herleitung; schlägt zuerst einen vor, wenn er keinen (oder einen veralteten) hat',
  },
  'argument.item': {
    en: 'the item’s reference (RB-000123) or id',
    fr: 'la référence de l’article (RB-000123) ou son identifiant',
    de: 'die Referenz des Artikels (RB-000123) oder seine ID',
  },
  'approve.description': {
    en: 'approve an item’s proposed price, or set your own with --price (as the merchant’s approver)',
    fr: 'valide le prix proposé d’un article, ou fixe le vôtre avec --price (en tant que valideur du marchand)',
    de: 'gibt den vorgeschlagenen Preis eines Artikels frei oder setzt mit --price einen eigenen (als Freigeber des Händlers)',
  },
  'approve.price': {
    en: 'approve this price instead, in cents (the trace records it as manual)',
    fr: 'valide plutôt ce prix, en centimes (le détail du prix l’indique comme manuel)',
    de: 'stattdessen diesen Preis freigeben, in Cent (die Herleitung vermerkt ihn als manuell)',
  },
  'approve.note': {
    en: 'why the price was changed',
    fr: 'pourquoi le prix a été modifié',
    de: 'warum der Preis geändert wurde',
  },
  'option.as': {
    en: 'who decides: a profile’s name or id (required)',
    fr: 'qui décide : le nom ou l’identifiant d’un profil (obligatoire)',
    de: 'wer entscheidet: Name oder ID eines Profils (erforderlich)',
  },
  noProposal: {
    en: 'Item {{reference}} has no price proposal yet.',
    fr: 'L’article {{reference}} n’a pas encore de proposition de prix.',
    de: 'Für den Artikel {{reference}} gibt es noch keinen Preisvorschlag.',
  },
  approvedBy: {
    en: 'Approved by {{name}}.',
    fr: 'Validé par {{name}}.',
    de: 'Freigegeben von {{name}}.',
  },
  'reject.description': {
    en: 'reject an item’s proposed price (as the merchant’s approver)',
    fr: 'refuse le prix proposé d’un article (en tant que valideur du marchand)',
    de: 'lehnt den vorgeschlagenen Preis eines Artikels ab (als Freigeber des Händlers)',
  },
  'reject.reason': {
    en: 'what happens to the item: {{reasons}}',
    fr: 'ce que devient l’article : {{reasons}}',
    de: 'was mit dem Artikel geschieht: {{reasons}}',
  },
  'reject.note': {
    en: 'a word for the desk',
    fr: 'un mot pour le poste de réception',
    de: 'eine Notiz für den Wareneingang',
  },
  'reject.unknownReason': {
    en: 'Unknown reason “{{reason}}”. Reasons: {{reasons}}.',
    fr: 'Motif inconnu : « {{reason}} ». Motifs : {{reasons}}.',
    de: 'Unbekannter Grund „{{reason}}“. Gründe: {{reasons}}.',
  },
  rejected: {
    en: 'Price of {{reference}} rejected by {{name}} ({{reason}}).',
    fr: 'Prix de {{reference}} refusé par {{name}} ({{reason}}).',
    de: 'Preis von {{reference}} abgelehnt von {{name}} ({{reason}}).',
  },
});
