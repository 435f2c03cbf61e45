import { defineCliTexts } from '../texts';

/** The words of `rebound publish`, `sync`, `practice …` and `jobs …` (cli/channels.ts). */
export const CHANNELS_TEXTS = defineCliTexts({
  'publish.description': {
    en: 'publish approved items to a channel and wait until each is live or has failed',
    fr: 'publie des articles validés sur un canal et attend que chacun soit en ligne ou en échec',
    de: 'veröffentlicht freigegebene Artikel auf einem Kanal und wartet, bis jeder online oder fehlgeschlagen ist',
  },
  'publish.references': {
    en: 'the items’ Rebound references, e.g. RB-000123',
    fr: 'les références Rebound des articles, p. ex. RB-000123',
    de: 'die Rebound-Referenzen der Artikel, z. B. RB-000123',
  },
  'publish.channel': {
    en: 'where to publish (repeatable): {{channels}}, or shop (the merchant’s own shop)',
    fr: 'où publier (répétable) : {{channels}}, ou shop (la boutique du marchand)',
    de: 'wo veröffentlicht wird (wiederholbar): {{channels}} oder shop (der eigene Shop des Händlers)',
  },
  'publish.unknownChannel': {
    en: 'Unknown channel “{{value}}”. Channels: {{channels}}, shop.',
    fr: 'Canal inconnu « {{value}} ». Canaux : {{channels}}, shop.',
    de: 'Unbekannter Kanal „{{value}}“. Kanäle: {{channels}}, shop.',
  },
  'publish.notLive': {
    en: {
      one: '{{count}} of {{total}} listings is not live (see above).',
      other: '{{count}} of {{total}} listings are not live (see above).',
    },
    fr: {
      one: '{{count}} annonce sur {{total}} n’est pas en ligne (voir ci-dessus).',
      other: '{{count}} annonces sur {{total}} ne sont pas en ligne (voir ci-dessus).',
    },
    de: {
      one: '{{count}} von {{total}} Angeboten ist nicht online (siehe oben).',
      other: '{{count}} von {{total}} Angeboten sind nicht online (siehe oben).',
    },
  },
  'sync.description': {
    en: 'fetch new sales from every connected channel and record them',
    fr: 'récupère les nouvelles ventes de chaque canal connecté et les enregistre',
    de: 'ruft neue Verkäufe von jedem verbundenen Kanal ab und erfasst sie',
  },
  'sync.none': {
    en: 'No channel account to sync yet.',
    fr: 'Aucun compte de canal dont récupérer les ventes pour l’instant.',
    de: 'Noch kein Kanalkonto, dessen Verkäufe abgerufen werden können.',
  },
  'sync.job': {
    en: 'job {{id}}',
    fr: 'tâche {{id}}',
    de: 'Aufgabe {{id}}',
  },
  'sync.failed': {
    en: {
      one: '{{count}} sync job failed (see above).',
      other: '{{count}} sync jobs failed (see above).',
    },
    fr: {
      one: '{{count}} tâche de récupération des ventes a échoué (voir ci-dessus).',
      other: '{{count}} tâches de récupération des ventes ont échoué (voir ci-dessus).',
    },
    de: {
      one: '{{count}} Aufgabe zum Abrufen der Verkäufe ist fehlgeschlagen (siehe oben).',
      other: '{{count}} Aufgaben zum Abrufen der Verkäufe sind fehlgeschlagen (siehe oben).',
    },
  },
  'practice.description': {
    en: 'the built-in practice marketplace',
    fr: 'la place de marché d’entraînement intégrée',
    de: 'der eingebaute Übungsmarktplatz',
  },
  'buy.description': {
    en: 'a simulated buyer buys the item on the practice marketplace (run `rebound sync` to record it)',
    fr: 'un acheteur fictif achète l’article sur la place de marché d’entraînement (lancez `rebound sync` pour enregistrer la vente)',
    de: 'ein fiktiver Käufer kauft den Artikel auf dem Übungsmarktplatz (führen Sie `rebound sync` aus, um den Verkauf zu erfassen)',
  },
  'buy.reference': {
    en: 'the item’s Rebound reference, e.g. RB-000123',
    fr: 'la référence Rebound de l’article, p. ex. RB-000123',
    de: 'die Rebound-Referenz des Artikels, z. B. RB-000123',
  },
  'buy.country': {
    en: 'the buyer’s country, two letters (default IE)',
    fr: 'le pays de l’acheteur, en deux lettres (par défaut IE)',
    de: 'das Land des Käufers, zwei Buchstaben (Standard: IE)',
  },
  'buy.done': {
    en: '{{reference}} bought on the practice marketplace: order {{order}}, {{price}} + {{shipping}} shipping, buyer in {{country}}.',
    fr: '{{reference}} acheté sur la place de marché d’entraînement : commande {{order}}, {{price}} + {{shipping}} de port, pays de l’acheteur : {{country}}.',
    de: '{{reference}} auf dem Übungsmarktplatz gekauft: Bestellung {{order}}, {{price}} + {{shipping}} Versand, Land des Käufers: {{country}}.',
  },
  'jobs.description': {
    en: 'the outbox of remote work',
    fr: 'les tâches de fond envoyées aux canaux',
    de: 'die Hintergrundaufgaben für die Kanäle',
  },
  'jobsList.description': {
    en: 'list jobs, newest first',
    fr: 'liste les tâches de fond, les plus récentes d’abord',
    de: 'listet die Hintergrundaufgaben auf, die neuesten zuerst',
  },
  'jobsList.status': {
    en: 'only jobs in this status',
    fr: 'seulement les tâches dans ce statut',
    de: 'nur Aufgaben mit diesem Status',
  },
});
