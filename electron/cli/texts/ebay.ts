import { defineCliTexts } from '../texts';

/** The words of `rebound ebay …` (cli/ebay.ts). */
export const EBAY_TEXTS = defineCliTexts({
  'ebay.description': {
    en: 'connect a merchant’s eBay account',
    fr: 'connecte le compte eBay d’un marchand',
    de: 'verbindet das eBay-Konto eines Händlers',
  },
  'option.merchant': {
    en: 'the merchant’s id or exact name',
    fr: 'l’identifiant ou le nom exact du marchand',
    de: 'die ID oder der genaue Name des Händlers',
  },
  'configure.description': {
    en: 'store the eBay app’s credentials (the cert id is kept encrypted)',
    fr: 'enregistre les clés de l’application eBay (le Cert ID est enregistré chiffré)',
    de: 'speichert die Schlüssel der eBay-Anwendung (die Cert ID wird verschlüsselt gespeichert)',
  },
  'option.appId': {
    en: 'the app id (client id)',
    fr: 'l’App ID de l’application (Client ID)',
    de: 'die App ID der Anwendung (Client ID)',
  },
  'option.certId': {
    en: 'the cert id (client secret); omit to keep the stored one of the same app',
    fr: 'le Cert ID (Client secret) ; sans lui, celui enregistré pour la même application est gardé',
    de: 'die Cert ID (Client Secret); ohne sie bleibt die gespeicherte derselben Anwendung',
  },
  'option.ruName': {
    en: 'the RuName (eBay redirect URL name)',
    fr: 'le RuName (le nom de redirection fourni par eBay)',
    de: 'der RuName (der Weiterleitungsname von eBay)',
  },
  'option.marketplace': {
    en: 'one of {{ids}}',
    fr: 'le site eBay, parmi {{ids}}',
    de: 'die eBay-Website, eine von {{ids}}',
  },
  'option.sandbox': {
    en: 'use eBay’s sandbox',
    fr: 'utiliser la sandbox d’eBay (son environnement de test)',
    de: 'die Sandbox von eBay verwenden (ihre Testumgebung)',
  },
  'option.baseUrl': {
    en: 'send every eBay call to this base instead (a test server)',
    fr: 'envoyer chaque appel eBay à cette adresse à la place (un serveur de test)',
    de: 'jeden eBay-Aufruf stattdessen an diese Adresse senden (ein Testserver)',
  },
  'option.fulfillmentPolicy': {
    en: 'shipping policy id',
    fr: 'ID de la règle d’expédition',
    de: 'ID der Versandrichtlinie',
  },
  'option.paymentPolicy': {
    en: 'payment policy id',
    fr: 'ID de la règle de paiement',
    de: 'ID der Zahlungsrichtlinie',
  },
  'option.returnPolicy': {
    en: 'return policy id',
    fr: 'ID de la règle de retour',
    de: 'ID der Rücknahmerichtlinie',
  },
  'option.location': {
    en: 'merchant location key',
    fr: 'clé de l’emplacement de stock du marchand',
    de: 'Schlüssel des Artikelstandorts des Händlers',
  },
  'option.category': {
    en: 'eBay category id for the listings',
    fr: 'ID de catégorie eBay des annonces',
    de: 'eBay-Kategorie-ID für die Angebote',
  },
  'connect.description': {
    en: 'finish connecting with the code (or the whole address) eBay gave after you agreed',
    fr: 'termine la connexion avec le code (ou l’adresse entière) donné par eBay après votre accord',
    de: 'schließt die Verbindung mit dem Code (oder der ganzen Adresse) ab, den eBay nach Ihrer Zustimmung gezeigt hat',
  },
  'option.code': {
    en: 'the authorization code',
    fr: 'le code d’autorisation',
    de: 'der Autorisierungscode',
  },
  'option.landedUrl': {
    en: 'the address the browser showed after you agreed',
    fr: 'l’adresse affichée par le navigateur après votre accord',
    de: 'die Adresse, die der Browser nach Ihrer Zustimmung gezeigt hat',
  },
  'connectUrl.description': {
    en: 'print the eBay address where the seller agrees to Rebound’s access',
    fr: 'affiche l’adresse eBay où le vendeur accepte l’accès de Rebound',
    de: 'gibt die eBay-Adresse aus, unter der der Verkäufer dem Zugriff von Rebound zustimmt',
  },
  'status.description': {
    en: 'whether the merchant’s eBay account is configured, connected and ready',
    fr: 'indique si le compte eBay du marchand est configuré, connecté et prêt',
    de: 'zeigt, ob das eBay-Konto des Händlers eingerichtet, verbunden und bereit ist',
  },
  'check.description': {
    en: 'pre-flight: read the seller’s policies, locations and the category’s conditions from eBay',
    fr: 'vérification avant publication : lit sur eBay les règles de vente et les emplacements du vendeur, et les états de la catégorie',
    de: 'Prüfung vor dem Veröffentlichen: liest bei eBay die Geschäftsrichtlinien und Standorte des Verkäufers und die Artikelzustände der Kategorie',
  },
  'location.description': {
    en: 'create the seller’s warehouse location on eBay from the merchant’s address, and choose it',
    fr: 'crée sur eBay l’emplacement de stock du vendeur à partir de l’adresse du marchand, et le sélectionne',
    de: 'legt bei eBay den Artikelstandort des Verkäufers aus der Händleradresse an und wählt ihn aus',
  },
  'choose.description': {
    en: 'choose the seller’s policies, location and category (then check again)',
    fr: 'choisit les règles de vente, l’emplacement et la catégorie du vendeur (vérifiez ensuite à nouveau)',
    de: 'wählt Geschäftsrichtlinien, Standort und Kategorie des Verkäufers (danach erneut prüfen)',
  },
  'status.notConfigured': {
    en: 'eBay: not configured (run `rebound ebay configure`).',
    fr: 'eBay : non configuré (lancez `rebound ebay configure`).',
    de: 'eBay: nicht eingerichtet (führen Sie `rebound ebay configure` aus).',
  },
  'status.line': {
    en: 'eBay {{marketplace}}{{sandbox}}: {{state}}',
    fr: 'eBay {{marketplace}}{{sandbox}} : {{state}}',
    de: 'eBay {{marketplace}}{{sandbox}}: {{state}}',
  },
  'status.sandbox': {
    en: ' (sandbox)',
    fr: ' (sandbox)',
    de: ' (Sandbox)',
  },
  'status.connected': {
    en: 'connected',
    fr: 'connecté',
    de: 'verbunden',
  },
  'status.notConnected': {
    en: 'not connected yet',
    fr: 'pas encore connecté',
    de: 'noch nicht verbunden',
  },
  'status.calls': {
    en: 'calls go to {{url}}',
    fr: 'les appels vont à {{url}}',
    de: 'Aufrufe gehen an {{url}}',
  },
  'status.renews': {
    en: 'access renews before {{time}}',
    fr: 'l’accès est renouvelé avant le {{time}}',
    de: 'der Zugriff wird vor dem {{time}} erneuert',
  },
  'status.ready': {
    en: 'ready to publish',
    fr: 'prêt à publier',
    de: 'bereit zum Veröffentlichen',
  },
  'status.notReady': {
    en: 'not ready to publish: run `rebound ebay check` to see what is missing',
    fr: 'pas prêt à publier : lancez `rebound ebay check` pour voir ce qui manque',
    de: 'nicht bereit zum Veröffentlichen: Führen Sie `rebound ebay check` aus, um zu sehen, was fehlt',
  },
  'check.head': {
    en: 'eBay pre-flight for merchant {{merchant}}{{on}}: {{state}}',
    fr: 'Vérification eBay avant publication pour le marchand {{merchant}}{{on}} : {{state}}',
    de: 'eBay-Prüfung vor dem Veröffentlichen für Händler {{merchant}}{{on}}: {{state}}',
  },
  'check.on': {
    en: ' on {{marketplace}}',
    fr: ' sur {{marketplace}}',
    de: ' auf {{marketplace}}',
  },
  'check.ready': {
    en: 'ready to publish',
    fr: 'prêt à publier',
    de: 'bereit zum Veröffentlichen',
  },
  'check.notReady': {
    en: 'not ready to publish',
    fr: 'pas prêt à publier',
    de: 'nicht bereit zum Veröffentlichen',
  },
  'check.item': {
    en: '{{mark}} {{key}}: {{message}}',
    fr: '{{mark}} {{key}} : {{message}}',
    de: '{{mark}} {{key}}: {{message}}',
  },
  'key.connection': { en: 'connection', fr: 'connexion', de: 'Verbindung' },
  'key.fulfillmentPolicy': {
    en: 'fulfillmentPolicy',
    fr: 'règle d’expédition',
    de: 'Versandrichtlinie',
  },
  'key.paymentPolicy': { en: 'paymentPolicy', fr: 'règle de paiement', de: 'Zahlungsrichtlinie' },
  'key.returnPolicy': { en: 'returnPolicy', fr: 'règle de retour', de: 'Rücknahmerichtlinie' },
  'key.location': { en: 'location', fr: 'emplacement de stock', de: 'Artikelstandort' },
  'key.category': { en: 'category', fr: 'catégorie', de: 'Kategorie' },
  'key.conditions': { en: 'conditions', fr: 'états', de: 'Artikelzustände' },
  'key.language': { en: 'language', fr: 'langue', de: 'Sprache' },
  'check.notReadyError': {
    en: {
      one: 'eBay is not ready to publish: {{count}} item needs fixing (see above).',
      other: 'eBay is not ready to publish: {{count}} items need fixing (see above).',
    },
    fr: {
      one: 'eBay n’est pas prêt à publier : {{count}} point est à corriger (voir ci-dessus).',
      other: 'eBay n’est pas prêt à publier : {{count}} points sont à corriger (voir ci-dessus).',
    },
    de: {
      one: 'eBay ist nicht bereit zum Veröffentlichen: {{count}} Punkt muss behoben werden (siehe oben).',
      other:
        'eBay ist nicht bereit zum Veröffentlichen: {{count}} Punkte müssen behoben werden (siehe oben).',
    },
  },
});
