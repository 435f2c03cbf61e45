import type { Language } from '../../domain/status';
import { findingText, refusalText, sealedWithFindingsText } from '../../pricing/labels';
import type { SealedFinding } from '../../pricing/engine';
import type { Wordings } from '../define';
import { defineMessages } from '../define';

/*
 * The engine's refusals are written once, in shared/pricing/labels.ts (the approval screen and
 * the policy editor draw them from there): their wordings here are read from it, so a refusal
 * says the same in a history line, an error and the editor's preview.
 */
const fromLabels = (text: (lang: Language) => string): Wordings => ({
  en: text('en'),
  fr: text('fr'),
  de: text('de'),
});
const finding = (code: SealedFinding): Wordings => fromLabels((lang) => findingText(code, lang));

/** What the pricing part of the services says to a person. */
export const PRICING_MESSAGES = defineMessages({
  // The engine's refusals, and the list of findings the sealed one names (joined as labels.ts joins them).
  'pricing.refusal.defective_not_priced': fromLabels((lang) =>
    refusalText({ code: 'defective_not_priced' }, lang),
  ),
  'pricing.refusal.sealed_with_findings': fromLabels((lang) => sealedWithFindingsText('{{findings}}', lang)),
  'pricing.finding.packaging': finding('packaging'),
  'pricing.finding.accessories': finding('accessories'),
  'pricing.finding.defects': finding('defects'),
  'pricing.finding.functional_test': finding('functional_test'),
  'pricing.findings.1': { en: '{{a}}', fr: '{{a}}', de: '{{a}}' },
  'pricing.findings.2': { en: '{{a}}, {{b}}', fr: '{{a}}, {{b}}', de: '{{a}}, {{b}}' },
  'pricing.findings.3': { en: '{{a}}, {{b}}, {{c}}', fr: '{{a}}, {{b}}, {{c}}', de: '{{a}}, {{b}}, {{c}}' },
  'pricing.findings.4': {
    en: '{{a}}, {{b}}, {{c}}, {{d}}',
    fr: '{{a}}, {{b}}, {{c}}, {{d}}',
    de: '{{a}}, {{b}}, {{c}}, {{d}}',
  },

  // Refusals of a request.
  'pricing.cannot_price': {
    en: 'Item {{reference}} cannot be priced: {{reason}}',
    fr: 'L’article {{reference}} ne peut pas recevoir de prix : {{reason}}',
    de: 'Artikel {{reference}} kann nicht bepreist werden: {{reason}}',
  },
  'pricing.not_graded': {
    en: 'Item {{reference}} has not been graded yet: grade it before pricing.',
    fr: 'L’article {{reference}} n’a pas encore été contrôlé : contrôlez-le avant de lui donner un prix.',
    de: 'Artikel {{reference}} wurde noch nicht geprüft: Prüfen Sie ihn vor der Preisfindung.',
  },
  'pricing.no_proposal': {
    en: 'Item {{reference}} has no price proposal yet.',
    fr: 'L’article {{reference}} n’a pas encore de proposition de prix.',
    de: 'Für Artikel {{reference}} gibt es noch keinen Preisvorschlag.',
  },
  'pricing.newer_proposal': {
    en: 'The price of {{reference}} changed while you were looking at it: a newer proposal exists. Reload to see it.',
    fr: 'Le prix de {{reference}} a changé pendant que vous le consultiez : une proposition plus récente existe. Rechargez pour la voir.',
    de: 'Der Preis von {{reference}} hat sich geändert, während Sie ihn angesehen haben: Es gibt einen neueren Vorschlag. Laden Sie neu, um ihn zu sehen.',
  },
  'pricing.not_decidable': {
    en: 'Item {{reference}} is “{{status}}”: its price can no longer be decided here.',
    fr: 'L’article {{reference}} est au statut « {{status}} » : son prix ne peut plus être décidé ici.',
    de: 'Artikel {{reference}} hat den Status „{{status}}“: Über seinen Preis kann hier nicht mehr entschieden werden.',
  },
  'pricing.not_proposable': {
    en: 'Item {{reference}} is “{{status}}”: it cannot get a new price proposal.',
    fr: 'L’article {{reference}} est au statut « {{status}} » : il ne peut pas recevoir de nouvelle proposition de prix.',
    de: 'Artikel {{reference}} hat den Status „{{status}}“: Er kann keinen neuen Preisvorschlag erhalten.',
  },
  'pricing.changed_while_pricing': {
    en: 'Item {{reference}} changed while it was being priced.',
    fr: 'L’article {{reference}} a été modifié pendant le calcul de son prix.',
    de: 'Artikel {{reference}} wurde während der Preisfindung geändert.',
  },
  'pricing.action.read_policy': {
    en: 'read the pricing policy',
    fr: 'consulter la politique de prix',
    de: 'die Preisrichtlinie lesen',
  },
  'pricing.action.change_policy': {
    en: 'change the pricing policy',
    fr: 'modifier la politique de prix',
    de: 'die Preisrichtlinie ändern',
  },
  'pricing.no_merchant': {
    en: 'There is no merchant with id {{id}}.',
    fr: 'Aucun marchand n’a l’identifiant {{id}}.',
    de: 'Es gibt keinen Händler mit der ID {{id}}.',
  },
  'pricing.policy_unreadable': {
    en: 'The pricing policy of {{merchant}} is not readable JSON.',
    fr: 'La politique de prix de {{merchant}} n’est pas un JSON lisible.',
    de: 'Die Preisrichtlinie von {{merchant}} ist kein lesbares JSON.',
  },
  'pricing.policy_invalid': {
    en: 'The pricing policy of {{merchant}} is not valid ({{detail}}). Open Settings › Pricing to fix it.',
    fr: 'La politique de prix de {{merchant}} n’est pas valable ({{detail}}). Corrigez-la dans Paramètres › Prix.',
    de: 'Die Preisrichtlinie von {{merchant}} ist ungültig ({{detail}}). Korrigieren Sie sie unter Einstellungen › Preise.',
  },

  // History.
  'pricing.photographed': {
    en: 'Graded and photographed: ready for pricing',
    fr: 'Contrôlé et photographié : prêt pour le prix',
    de: 'Geprüft und fotografiert: bereit für die Preisfindung',
  },
  'pricing.proposed': {
    en: 'Price proposed: {{original}} → {{proposed}} (−{{discount}} %)',
    fr: 'Prix proposé : {{original}} → {{proposed}} (−{{discount}} %)',
    de: 'Preis vorgeschlagen: {{original}} → {{proposed}} (−{{discount}} %)',
  },
  'pricing.auto_approved': {
    en: 'Approved by the pricing policy itself: {{discount}} % discount is within {{limit}} %',
    fr: 'Validé par la politique de prix elle-même : la remise de {{discount}} % ne dépasse pas {{limit}} %',
    de: 'Von der Preisrichtlinie selbst freigegeben: {{discount}} % Rabatt liegen innerhalb von {{limit}} %',
  },
  'pricing.not_proposed': {
    en: 'No price proposed: {{reason}}',
    fr: 'Aucun prix proposé : {{reason}}',
    de: 'Kein Preis vorgeschlagen: {{reason}}',
  },
  'pricing.approved': {
    en: 'Price approved by {{name}}: {{price}}',
    fr: 'Prix validé par {{name}} : {{price}}',
    de: 'Preis freigegeben von {{name}}: {{price}}',
  },
  'pricing.adjusted': {
    en: 'Price adjusted and approved by {{name}}: {{before}} → {{after}}',
    fr: 'Prix modifié et validé par {{name}} : {{before}} → {{after}}',
    de: 'Preis geändert und freigegeben von {{name}}: {{before}} → {{after}}',
  },
  'pricing.adjusted_below_floor': {
    en: 'Price adjusted and approved by {{name}}: {{before}} → {{after}} — below the floor of {{floor}}, {{allowedAs}}',
    fr: 'Prix modifié et validé par {{name}} : {{before}} → {{after}} — sous le prix plancher de {{floor}}, {{allowedAs}}',
    de: 'Preis geändert und freigegeben von {{name}}: {{before}} → {{after}} — unter dem Mindestpreis von {{floor}}, {{allowedAs}}',
  },
  'pricing.allowed_as_admin': {
    en: 'allowed as an admin',
    fr: 'autorisé en tant qu’administrateur',
    de: 'erlaubt als Administrator',
  },
  'pricing.allowed_as_approver': {
    en: 'allowed as {{merchant}}’s approver',
    fr: 'autorisé en tant que valideur de {{merchant}}',
    de: 'erlaubt als Freigeber von {{merchant}}',
  },
  'pricing.rejected_regrade': {
    en: 'Price rejected by {{name}}: sent back to be regraded',
    fr: 'Prix refusé par {{name}} : renvoyé pour être contrôlé à nouveau',
    de: 'Preis abgelehnt von {{name}}: zur erneuten Prüfung zurückgeschickt',
  },
  'pricing.rejected_return': {
    en: 'Price rejected by {{name}}: to be returned to the merchant',
    fr: 'Prix refusé par {{name}} : à renvoyer au marchand',
    de: 'Preis abgelehnt von {{name}}: an den Händler zurückzusenden',
  },
  'pricing.rejected_destroy': {
    en: 'Price rejected by {{name}}: to be destroyed (recycled)',
    fr: 'Prix refusé par {{name}} : à détruire (recyclage)',
    de: 'Preis abgelehnt von {{name}}: zu entsorgen (Recycling)',
  },
  'pricing.rejected_with_note': {
    en: '{{rejection}} — “{{note}}”',
    fr: '{{rejection}} — « {{note}} »',
    de: '{{rejection}} — „{{note}}“',
  },
  'pricing.policy_changed': {
    en: 'Pricing policy of {{merchant}} changed by {{name}}',
    fr: 'Politique de prix de {{merchant}} modifiée par {{name}}',
    de: 'Preisrichtlinie von {{merchant}} geändert von {{name}}',
  },
});
