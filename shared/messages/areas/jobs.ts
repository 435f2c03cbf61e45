import { defineMessages } from '../define';

/**
 * What the channel jobs say to a person: the history lines of what the worker did on a channel,
 * the sales it recorded, and why a job is waiting or stopped. `{{channel}}` is one of the phrases
 * of `channels.on.*` / `channels.to.*`; `{{problem}}` is what went wrong, either one of our
 * messages or the remote's own words kept verbatim.
 */
export const JOBS_MESSAGES = defineMessages({
  'jobs.published': {
    en: 'Listed {{channel}} at {{price}}',
    fr: 'Mis en vente {{channel}} à {{price}}',
    de: 'Zu {{price}} {{channel}} angeboten',
  },
  'jobs.not_published': {
    en: 'Not published {{channel}}: the item’s status is “{{status}}”.',
    fr: 'Non publié {{channel}} : l’article est au statut « {{status}} ».',
    de: 'Nicht {{channel}} veröffentlicht: Der Artikel hat den Status „{{status}}“.',
  },
  'jobs.price_updated': {
    en: 'Price {{channel}} changed to {{price}}',
    fr: 'Prix {{channel}} passé à {{price}}',
    de: 'Preis {{channel}} auf {{price}} geändert',
  },
  'jobs.ended': {
    en: 'Listing {{channel}} ended: {{reason}}',
    fr: 'Annonce {{channel}} terminée : {{reason}}',
    de: 'Angebot {{channel}} beendet: {{reason}}',
  },
  // What a job did, as `rebound sync` and `rebound publish` print it.
  'jobs.done.synced': {
    en: "{{recorded}} sales, {{reversals}} reversals, {{duplicates}} already recorded, {{unmatched}} not Rebound's",
    fr: 'ventes enregistrées\u202f: {{recorded}}, annulations et remboursements\u202f: {{reversals}}, déjà enregistrées\u202f: {{duplicates}}, hors Rebound\u202f: {{unmatched}}',
    de: 'erfasste Verkäufe: {{recorded}}, Stornos und Erstattungen: {{reversals}}, bereits erfasst: {{duplicates}}, nicht von Rebound: {{unmatched}}',
  },
  'jobs.done.ended': {
    en: 'ended ({{reason}})',
    fr: 'terminée ({{reason}})',
    de: 'beendet ({{reason}})',
  },
  'jobs.done.live': { en: 'live at {{where}}', fr: 'en ligne à {{where}}', de: 'online unter {{where}}' },
  'jobs.done.not_published': {
    en: 'not published: item is {{status}}',
    fr: 'non publié\u202f: l’article est au statut «\u202f{{status}}\u202f»',
    de: 'nicht veröffentlicht: Der Artikel hat den Status „{{status}}“',
  },
  'jobs.done.not_repriced': {
    en: 'listing is {{status}}: nothing to reprice',
    fr: 'annonce au statut «\u202f{{status}}\u202f»\u202f: aucun prix à changer',
    de: 'Angebot hat den Status „{{status}}“: kein Preis zu ändern',
  },
  'jobs.done.repriced': { en: 'price {{price}}', fr: 'prix {{price}}', de: 'Preis {{price}}' },
  'jobs.publish_failed': {
    en: 'Publishing {{channel}} failed: {{problem}}',
    fr: 'Échec de la publication {{channel}} : {{problem}}',
    de: 'Veröffentlichung {{channel}} fehlgeschlagen: {{problem}}',
  },
  'jobs.end_failed': {
    en: 'Ending the listing {{channel}} failed: {{problem}}',
    fr: 'Échec de la fin de l’annonce {{channel}} : {{problem}}',
    de: 'Beenden des Angebots {{channel}} fehlgeschlagen: {{problem}}',
  },
  'jobs.price_failed': {
    en: 'Changing the price {{channel}} failed: {{problem}}',
    fr: 'Échec du changement de prix {{channel}} : {{problem}}',
    de: 'Preisänderung {{channel}} fehlgeschlagen: {{problem}}',
  },
  'jobs.sync_failed': {
    en: 'Sales {{channel}} could not be fetched: {{problem}}',
    fr: 'Les ventes {{channel}} n’ont pas pu être récupérées : {{problem}}',
    de: 'Die Verkäufe {{channel}} konnten nicht abgerufen werden: {{problem}}',
  },
  'jobs.sale_recorded': {
    en: 'Sold {{channel}} for {{price}} + {{shipping}} shipping (order {{order}})',
    fr: 'Vendu {{channel}} pour {{price}} + {{shipping}} de livraison (commande {{order}})',
    de: 'Für {{price}} + {{shipping}} Versand {{channel}} verkauft (Bestellung {{order}})',
  },
  'jobs.sale_recorded_to': {
    en: 'Sold {{channel}} for {{price}} + {{shipping}} shipping to a buyer in {{country}} (order {{order}})',
    fr: 'Vendu {{channel}} pour {{price}} + {{shipping}} de livraison à un acheteur ({{country}}) (commande {{order}})',
    de: 'Für {{price}} + {{shipping}} Versand {{channel}} an einen Käufer ({{country}}) verkauft (Bestellung {{order}})',
  },
  'jobs.sale_cancelled': {
    en: 'Order {{order}} {{channel}} was cancelled: {{amount}} counted back out of revenue. The item stays sold until someone decides what happens to it.',
    fr: 'La commande {{order}} {{channel}} a été annulée : {{amount}} retirés du chiffre d’affaires. L’article reste vendu jusqu’à ce que quelqu’un décide de son sort.',
    de: 'Bestellung {{order}} {{channel}} wurde storniert: {{amount}} wieder vom Umsatz abgezogen. Der Artikel bleibt verkauft, bis jemand entscheidet, was mit ihm geschieht.',
  },
  'jobs.sale_refunded': {
    en: 'Order {{order}} {{channel}} was refunded: {{amount}} counted back out of revenue. The item stays sold until someone decides what happens to it.',
    fr: 'La commande {{order}} {{channel}} a été remboursée : {{amount}} retirés du chiffre d’affaires. L’article reste vendu jusqu’à ce que quelqu’un décide de son sort.',
    de: 'Bestellung {{order}} {{channel}} wurde erstattet: {{amount}} wieder vom Umsatz abgezogen. Der Artikel bleibt verkauft, bis jemand entscheidet, was mit ihm geschieht.',
  },

  // Why a job waits or stopped, stored beside the listing and the job.
  'jobs.will_retry': {
    en: 'Will try again at {{at}}: {{problem}}',
    fr: 'Nouvel essai le {{at}} : {{problem}}',
    de: 'Neuer Versuch am {{at}}: {{problem}}',
  },
  'jobs.no_proper_answer': {
    en: '{{service}} did not answer properly ({{problem}}).',
    fr: '{{service}} n’a pas répondu correctement ({{problem}}).',
    de: '{{service}} hat nicht richtig geantwortet ({{problem}}).',
  },
  'jobs.gave_up': {
    en: {
      one: 'Gave up after {{count}} attempt: {{service}} kept failing ({{problem}}). Check the channel, then retry.',
      other:
        'Gave up after {{count}} attempts: {{service}} kept failing ({{problem}}). Check the channel, then retry.',
    },
    fr: {
      one: 'Abandon après {{count}} tentative : {{service}} échouait toujours ({{problem}}). Vérifiez le canal, puis relancez.',
      other:
        'Abandon après {{count}} tentatives : {{service}} échouait toujours ({{problem}}). Vérifiez le canal, puis relancez.',
    },
    de: {
      one: 'Nach {{count}} Versuch aufgegeben: {{service}} schlug weiter fehl ({{problem}}). Prüfen Sie den Kanal und versuchen Sie es dann erneut.',
      other:
        'Nach {{count}} Versuchen aufgegeben: {{service}} schlug weiter fehl ({{problem}}). Prüfen Sie den Kanal und versuchen Sie es dann erneut.',
    },
  },
  'jobs.access_refused': {
    en: '{{service}} refused Rebound’s access ({{problem}}). Reconnect the account in Settings, then retry.',
    fr: '{{service}} a refusé l’accès de Rebound ({{problem}}). Reconnectez le compte dans les Paramètres, puis relancez.',
    de: '{{service}} hat den Zugriff von Rebound abgelehnt ({{problem}}). Verbinden Sie das Konto in den Einstellungen neu und versuchen Sie es dann erneut.',
  },
  'jobs.interrupted_every_time': {
    en: 'Rebound stopped while running this job on each of its attempts. Check the item and the channel, then retry.',
    fr: 'Rebound s’est arrêté pendant cette tâche à chacune de ses tentatives. Vérifiez l’article et le canal, puis relancez.',
    de: 'Rebound wurde bei jedem Versuch dieser Aufgabe beendet. Prüfen Sie den Artikel und den Kanal und versuchen Sie es dann erneut.',
  },
  'jobs.the_channel': { en: 'The channel', fr: 'Le canal', de: 'Der Kanal' },
  'jobs.interrupted': {
    en: 'Interrupted (Rebound stopped while it was running); resumed.',
    fr: 'Interrompue (Rebound s’est arrêté pendant son exécution) ; reprise.',
    de: 'Unterbrochen (Rebound wurde während der Ausführung beendet); fortgesetzt.',
  },
});
