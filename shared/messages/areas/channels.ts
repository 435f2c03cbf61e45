import { defineMessages } from '../define';

/**
 * What the channels part of the services says to a person: publishing, ending and repricing
 * requests, the practice marketplace, the shops' and eBay's settings, and our explanation around
 * a remote's refusal. A remote's own words always arrive as `{{remote}}`, verbatim.
 *
 * A channel inside a sentence is one of the phrases `channels.on.*`, `channels.to.*` and
 * `channels.for.*` (electron/services/channels/words.ts), because French and German put an
 * article and a case before "the practice marketplace" that a bare name cannot carry.
 */
export const CHANNELS_MESSAGES = defineMessages({
  'channels.on.practice': {
    en: 'on the practice marketplace',
    fr: 'sur la place de marché d’entraînement',
    de: 'auf dem Übungsmarktplatz',
  },
  'channels.on.ebay': { en: 'on eBay', fr: 'sur eBay', de: 'auf eBay' },
  'channels.on.shopify': { en: 'on Shopify', fr: 'sur Shopify', de: 'auf Shopify' },
  'channels.on.woocommerce': { en: 'on WooCommerce', fr: 'sur WooCommerce', de: 'auf WooCommerce' },
  'channels.on.vendure': { en: 'on Vendure', fr: 'sur Vendure', de: 'auf Vendure' },
  'channels.to.practice': {
    en: 'to the practice marketplace',
    fr: 'sur la place de marché d’entraînement',
    de: 'auf dem Übungsmarktplatz',
  },
  'channels.to.ebay': { en: 'to eBay', fr: 'sur eBay', de: 'auf eBay' },
  'channels.to.shopify': { en: 'to Shopify', fr: 'sur Shopify', de: 'auf Shopify' },
  'channels.to.woocommerce': { en: 'to WooCommerce', fr: 'sur WooCommerce', de: 'auf WooCommerce' },
  'channels.to.vendure': { en: 'to Vendure', fr: 'sur Vendure', de: 'auf Vendure' },
  'channels.for.practice': {
    en: 'for the practice marketplace',
    fr: 'pour la place de marché d’entraînement',
    de: 'für den Übungsmarktplatz',
  },
  'channels.for.ebay': { en: 'for eBay', fr: 'pour eBay', de: 'für eBay' },
  'channels.for.shopify': { en: 'for Shopify', fr: 'pour Shopify', de: 'für Shopify' },
  'channels.for.woocommerce': { en: 'for WooCommerce', fr: 'pour WooCommerce', de: 'für WooCommerce' },
  'channels.for.vendure': { en: 'for Vendure', fr: 'pour Vendure', de: 'für Vendure' },

  'channels.end_reason.sold': { en: 'sold there', fr: 'vendu sur ce canal', de: 'dort verkauft' },
  'channels.end_reason.sold_elsewhere': {
    en: 'sold on another channel',
    fr: 'vendu sur un autre canal',
    de: 'auf einem anderen Kanal verkauft',
  },
  'channels.end_reason.withdrawn': {
    en: 'withdrawn',
    fr: 'retiré de la vente',
    de: 'aus dem Verkauf genommen',
  },

  // History lines written when a person asks for something.
  'channels.queued': {
    en: 'Queued {{channel}} at {{price}}',
    fr: 'Mis en file d’attente {{channel}} à {{price}}',
    de: 'Zu {{price}} {{channel}} eingereiht',
  },
  'channels.retried': {
    en: 'Publishing {{channel}} tried again',
    fr: 'Nouvelle tentative de publication {{channel}}',
    de: 'Veröffentlichung {{channel}} erneut versucht',
  },
  'channels.end_requested': {
    en: 'Ending the listing {{channel}} ({{reason}})',
    fr: 'Fin de l’annonce {{channel}} demandée ({{reason}})',
    de: 'Beenden des Angebots {{channel}} angefordert ({{reason}})',
  },
  'channels.price_queued': {
    en: 'New price queued {{channel}}',
    fr: 'Nouveau prix mis en file d’attente {{channel}}',
    de: 'Neuer Preis {{channel}} eingereiht',
  },

  'channels.ended_by_request': {
    en: 'Ended by request.',
    fr: 'Fin demandée.',
    de: 'Auf Anfrage beendet.',
  },
  'channels.sold_on': {
    en: 'Sold {{channel}}.',
    fr: 'Vendu {{channel}}.',
    de: 'Bereits {{channel}} verkauft.',
  },

  // Refusals of a request.
  'channels.no_listing': {
    en: 'There is no listing with id {{id}}.',
    fr: 'Aucune annonce n’a l’identifiant {{id}}.',
    de: 'Es gibt kein Angebot mit der ID {{id}}.',
  },
  'channels.retry_not_failed': {
    en: '{{reference}}’s listing {{channel}} is “{{status}}”; only a failed listing can be retried.',
    fr: 'L’annonce de {{reference}} {{channel}} est « {{status}} » : seule une annonce en échec peut être relancée.',
    de: 'Das Angebot von {{reference}} {{channel}} hat den Status „{{status}}“; nur ein fehlgeschlagenes Angebot kann erneut versucht werden.',
  },
  'channels.retry_sold': {
    en: '{{reference}} has been sold: there is nothing to publish any more.',
    fr: '{{reference}} a été vendu : il n’y a plus rien à publier.',
    de: '{{reference}} wurde verkauft: Es gibt nichts mehr zu veröffentlichen.',
  },
  'channels.item_not_listed': {
    en: 'Item {{id}} has no listing {{channel}}.',
    fr: 'L’article {{id}} n’a pas d’annonce {{channel}}.',
    de: 'Artikel {{id}} hat kein Angebot {{channel}}.',
  },
  'channels.already_ended': {
    en: '{{reference}}’s listing {{channel}} has already ended.',
    fr: 'L’annonce de {{reference}} {{channel}} est déjà terminée.',
    de: 'Das Angebot von {{reference}} {{channel}} ist bereits beendet.',
  },
  'channels.no_merchant': {
    en: 'There is no merchant {{id}}.',
    fr: 'Il n’y a pas de marchand {{id}}.',
    de: 'Es gibt keinen Händler {{id}}.',
  },

  'channels.list.pair': { en: '{{a}} and {{b}}', fr: '{{a}} et {{b}}', de: '{{a}} und {{b}}' },
  'channels.list.more': { en: '{{a}}, {{rest}}', fr: '{{a}}, {{rest}}', de: '{{a}}, {{rest}}' },

  // Why an item is not queued for publishing.
  'channels.refuse.defective': {
    en: '{{reference}} is graded defective: defective items are never listed.',
    fr: '{{reference}} est classé défectueux : les articles défectueux ne sont jamais mis en vente.',
    de: '{{reference}} ist als defekt eingestuft: Defekte Artikel werden nie angeboten.',
  },
  'channels.refuse.not_approved': {
    en: '{{reference}} is “{{status}}”: only items whose price the merchant approved can be published.',
    fr: '{{reference}} est « {{status}} » : seuls les articles dont le marchand a validé le prix peuvent être publiés.',
    de: '{{reference}} hat den Status „{{status}}“: Nur Artikel, deren Preis der Händler freigegeben hat, können veröffentlicht werden.',
  },
  'channels.refuse.no_price': {
    en: '{{reference}} has no approved price yet.',
    fr: '{{reference}} n’a pas encore de prix validé.',
    de: '{{reference}} hat noch keinen freigegebenen Preis.',
  },
  'channels.refuse.unsupported': {
    en: 'Publishing {{channel}} is not available in this version of Rebound yet.',
    fr: 'La publication {{channel}} n’est pas encore disponible dans cette version de Rebound.',
    de: 'Die Veröffentlichung {{channel}} ist in dieser Version von Rebound noch nicht verfügbar.',
  },
  'channels.already.queued': {
    en: 'Already queued {{channel}}.',
    fr: 'Déjà en file d’attente {{channel}}.',
    de: 'Bereits {{channel}} eingereiht.',
  },
  'channels.already.working': {
    en: 'Already being published {{channel}}.',
    fr: 'Publication déjà en cours {{channel}}.',
    de: 'Wird bereits {{channel}} veröffentlicht.',
  },
  'channels.already.live': {
    en: 'Already live {{channel}}.',
    fr: 'Déjà en ligne {{channel}}.',
    de: 'Bereits {{channel}} online.',
  },
  'channels.shop_gap.no_credentials': {
    en: '{{shop}}: the credentials must be entered again: none are stored for {{address}} (they are deleted when the shop’s address changes, so they are never sent to another address). Enter them in Settings.',
    fr: '{{shop}} : les identifiants doivent être saisis de nouveau, aucun n’est enregistré pour {{address}} (ils sont effacés quand l’adresse de la boutique change, pour ne jamais être envoyés à une autre adresse). Saisissez-les dans les Paramètres.',
    de: '{{shop}}: Die Zugangsdaten müssen erneut eingegeben werden, für {{address}} sind keine gespeichert (sie werden gelöscht, wenn sich die Adresse des Shops ändert, damit sie nie an eine andere Adresse gehen). Geben Sie sie in den Einstellungen ein.',
  },
  'channels.shop_gap.not_set_up': {
    en: '{{shop}} is not set up for this merchant: configure the shop in Settings.',
    fr: '{{shop}} n’est pas configuré pour ce marchand : configurez la boutique dans les Paramètres.',
    de: '{{shop}} ist für diesen Händler nicht eingerichtet: Richten Sie den Shop in den Einstellungen ein.',
  },
  // "The shop" of a merchant, as `rebound publish --channel shop` resolves it.
  'channels.shop.none': {
    en: 'This merchant has no shop set up: connect Shopify, WooCommerce or Vendure in Settings (or with `rebound shop configure`).',
    fr: 'Ce marchand n’a aucune boutique configurée\u202f: connectez Shopify, WooCommerce ou Vendure dans les Paramètres (ou avec `rebound shop configure`).',
    de: 'Für diesen Händler ist kein Shop eingerichtet: Verbinden Sie Shopify, WooCommerce oder Vendure in den Einstellungen (oder mit `rebound shop configure`).',
  },
  'channels.shop.several': {
    en: 'This merchant has several shops ({{shops}}): name the one with {{options}}.',
    fr: 'Ce marchand a plusieurs boutiques ({{shops}})\u202f: nommez celle voulue avec {{options}}.',
    de: 'Dieser Händler hat mehrere Shops ({{shops}}): Nennen Sie den gewünschten mit {{options}}.',
  },
  'channels.ebay_gap.credentials_needed': {
    en: 'eBay’s credentials must be entered again: none are stored for this account (they are deleted when eBay’s address changes, so they are never sent to another address). Enter the cert id in Settings → eBay, then connect the seller’s account again.',
    fr: 'Les identifiants eBay doivent être saisis de nouveau : aucun n’est enregistré pour ce compte (ils sont effacés quand l’adresse d’eBay change, pour ne jamais être envoyés à une autre adresse). Saisissez le Cert ID dans Paramètres → eBay, puis connectez de nouveau le compte du vendeur.',
    de: 'Die eBay-Zugangsdaten müssen erneut eingegeben werden: Für dieses Konto sind keine gespeichert (sie werden gelöscht, wenn sich die Adresse von eBay ändert, damit sie nie an eine andere Adresse gehen). Geben Sie die Cert-ID unter Einstellungen → eBay ein und verbinden Sie dann das Konto des Verkäufers erneut.',
  },
  'channels.ebay_gap.unreadable': {
    en: 'The eBay account cannot be read ({{detail}}): run the eBay check in Settings.',
    fr: 'Le compte eBay est illisible ({{detail}}) : lancez la vérification eBay dans les Paramètres.',
    de: 'Das eBay-Konto kann nicht gelesen werden ({{detail}}): Führen Sie die eBay-Prüfung in den Einstellungen aus.',
  },
  'channels.ebay_gap.not_set_up': {
    en: 'eBay is not configured for this merchant: set it up and run the eBay check in Settings.',
    fr: 'eBay n’est pas configuré pour ce marchand : configurez-le et lancez la vérification eBay dans les Paramètres.',
    de: 'eBay ist für diesen Händler nicht eingerichtet: Richten Sie es ein und führen Sie die eBay-Prüfung in den Einstellungen aus.',
  },
  'channels.ebay_gap.missing': {
    en: 'The eBay account is missing {{missing}}: run the eBay check in Settings.',
    fr: 'Il manque au compte eBay {{missing}} : lancez la vérification eBay dans les Paramètres.',
    de: 'Dem eBay-Konto fehlt Folgendes: {{missing}}. Führen Sie die eBay-Prüfung in den Einstellungen aus.',
  },
  'channels.ebay_gap.connection': {
    en: 'the connection (the seller has not agreed yet)',
    fr: 'la connexion (le vendeur n’a pas encore donné son accord)',
    de: 'die Verbindung (der Verkäufer hat noch nicht zugestimmt)',
  },
  'channels.ebay_gap.shipping_policy': {
    en: 'the shipping policy',
    fr: 'la politique de livraison',
    de: 'die Versandrichtlinie',
  },
  'channels.ebay_gap.payment_policy': {
    en: 'the payment policy',
    fr: 'la politique de paiement',
    de: 'die Zahlungsrichtlinie',
  },
  'channels.ebay_gap.return_policy': {
    en: 'the return policy',
    fr: 'la politique de retour',
    de: 'die Rücknahmerichtlinie',
  },
  'channels.ebay_gap.location': { en: 'the location', fr: 'l’emplacement', de: 'der Standort' },
  'channels.ebay_gap.category': { en: 'the category', fr: 'la catégorie', de: 'die Kategorie' },

  // The practice marketplace.
  'channels.practice.no_listing': {
    en: 'The practice marketplace has no listing {{id}}.',
    fr: 'La place de marché d’entraînement n’a pas d’annonce {{id}}.',
    de: 'Der Übungsmarktplatz hat kein Angebot {{id}}.',
  },
  'channels.practice.say_what': {
    en: 'Say what the practice buyer buys: an item or a practice listing.',
    fr: 'Indiquez ce que l’acheteur fictif achète : un article ou une annonce d’entraînement.',
    de: 'Geben Sie an, was der Übungskäufer kauft: einen Artikel oder ein Übungsangebot.',
  },
  'channels.practice.not_listed': {
    en: '{{name}} is not on the practice marketplace. Publish it there first.',
    fr: '{{name}} n’est pas sur la place de marché d’entraînement. Publiez-le d’abord là-bas.',
    de: '{{name}} ist nicht auf dem Übungsmarktplatz. Veröffentlichen Sie es zuerst dort.',
  },
  'channels.practice.already_bought': {
    en: '{{name}} has already been bought on the practice marketplace.',
    fr: '{{name}} a déjà été acheté sur la place de marché d’entraînement.',
    de: '{{name}} wurde auf dem Übungsmarktplatz bereits gekauft.',
  },
  'channels.practice.ended': {
    en: '{{name}}’s practice listing has ended, so nobody can buy it. Publish it again to put it back on sale.',
    fr: 'L’annonce d’entraînement de {{name}} est terminée : personne ne peut l’acheter. Publiez-la de nouveau pour la remettre en vente.',
    de: 'Das Übungsangebot von {{name}} ist beendet, niemand kann es kaufen. Veröffentlichen Sie es erneut, um es wieder anzubieten.',
  },
  'channels.practice.bought': {
    en: 'A practice buyer in {{country}} bought it on the practice marketplace (order {{order}}); the sales sync records the sale.',
    fr: 'Un acheteur fictif ({{country}}) l’a acheté sur la place de marché d’entraînement (commande {{order}}) ; la synchronisation des ventes enregistre la vente.',
    de: 'Ein Übungskäufer ({{country}}) hat es auf dem Übungsmarktplatz gekauft (Bestellung {{order}}); der Verkaufsabgleich erfasst den Verkauf.',
  },
  'channels.practice.already_sold': {
    en: '{{sku}} has already been sold on the practice marketplace, so it cannot be listed again there.',
    fr: '{{sku}} a déjà été vendu sur la place de marché d’entraînement : il ne peut pas y être remis en vente.',
    de: '{{sku}} wurde auf dem Übungsmarktplatz bereits verkauft und kann dort nicht erneut angeboten werden.',
  },
  'channels.practice.not_listed_for_price': {
    en: '{{sku}} is not listed on the practice marketplace; publish it before changing its price.',
    fr: '{{sku}} n’est pas en vente sur la place de marché d’entraînement : publiez-le avant d’en changer le prix.',
    de: '{{sku}} ist auf dem Übungsmarktplatz nicht angeboten; veröffentlichen Sie es, bevor Sie den Preis ändern.',
  },

  // Shops and watermark settings.
  'channels.shop_removed': {
    en: 'The shop was removed in Settings.',
    fr: 'La boutique a été supprimée dans les Paramètres.',
    de: 'Der Shop wurde in den Einstellungen entfernt.',
  },
  'channels.shop_settings_invalid': {
    en: 'The shop’s settings are not valid: {{detail}}',
    fr: 'Les paramètres de la boutique ne sont pas valables : {{detail}}',
    de: 'Die Einstellungen des Shops sind ungültig: {{detail}}',
  },
  'channels.shop_address_changed': {
    en: '{{shop}}’s address changed ({{before}} → {{after}}): give all of its credentials again, the stored ones are never sent to another address. {{detail}}',
    fr: 'L’adresse de {{shop}} a changé ({{before}} → {{after}}) : saisissez de nouveau tous ses identifiants, ceux enregistrés ne sont jamais envoyés à une autre adresse. {{detail}}',
    de: 'Die Adresse von {{shop}} hat sich geändert ({{before}} → {{after}}): Geben Sie alle Zugangsdaten erneut ein, die gespeicherten werden nie an eine andere Adresse gesendet. {{detail}}',
  },
  'channels.shop_credentials_missing': {
    en: 'Give {{shop}}’s credentials: this merchant has no {{shop}} account yet. {{detail}}',
    fr: 'Saisissez les identifiants {{shop}} : ce marchand n’a pas encore de compte {{shop}}. {{detail}}',
    de: 'Geben Sie die Zugangsdaten für {{shop}} ein: Dieser Händler hat noch kein {{shop}}-Konto. {{detail}}',
  },
  'channels.shop_unreadable': {
    en: 'The shop’s stored credentials cannot be read ({{detail}}). Configure the shop in Settings again.',
    fr: 'Les identifiants enregistrés de la boutique sont illisibles ({{detail}}). Configurez de nouveau la boutique dans les Paramètres.',
    de: 'Die gespeicherten Zugangsdaten des Shops können nicht gelesen werden ({{detail}}). Richten Sie den Shop in den Einstellungen erneut ein.',
  },
  'channels.watermark.unreadable': {
    en: 'Cannot read the logo file {{path}}.',
    fr: 'Impossible de lire le fichier du logo {{path}}.',
    de: 'Die Logodatei {{path}} kann nicht gelesen werden.',
  },
  'channels.watermark.not_png': {
    en: 'The logo must be a PNG file (with a transparent background).',
    fr: 'Le logo doit être un fichier PNG (à fond transparent).',
    de: 'Das Logo muss eine PNG-Datei sein (mit transparentem Hintergrund).',
  },

  // A stored channel secret that cannot be opened here.
  'channels.secret.keychain_only': {
    en: 'This eBay secret was sealed by the desktop app’s keychain: open Rebound on that computer, or configure the account again.',
    fr: 'Ce secret eBay a été scellé par le trousseau de l’application de bureau : ouvrez Rebound sur cet ordinateur, ou configurez de nouveau le compte.',
    de: 'Dieses eBay-Geheimnis wurde mit dem Schlüsselbund der Desktop-App versiegelt: Öffnen Sie Rebound auf diesem Computer oder richten Sie das Konto erneut ein.',
  },
  'channels.secret.unknown_format': {
    en: 'The stored channel secret is not in a format this version can read.',
    fr: 'Le secret enregistré du canal est dans un format que cette version ne sait pas lire.',
    de: 'Das gespeicherte Kanalgeheimnis hat ein Format, das diese Version nicht lesen kann.',
  },
  'channels.secret.wrong_key': {
    en: 'The stored channel secret cannot be decrypted with this folder’s secret.key (was the key replaced?). Configure the account again.',
    fr: 'Le secret enregistré du canal ne peut pas être déchiffré avec le fichier secret.key de ce dossier (la clé a-t-elle été remplacée ?). Configurez de nouveau le compte.',
    de: 'Das gespeicherte Kanalgeheimnis lässt sich mit der secret.key dieses Ordners nicht entschlüsseln (wurde der Schlüssel ersetzt?). Richten Sie das Konto erneut ein.',
  },
  'channels.secret.keychain_locked': {
    en: 'The eBay secret is sealed by the system keychain, which is not available now: unlock it (log in again) and retry.',
    fr: 'Le secret eBay est scellé par le trousseau du système, indisponible pour l’instant : déverrouillez-le (reconnectez-vous à la session) et réessayez.',
    de: 'Das eBay-Geheimnis ist mit dem Systemschlüsselbund versiegelt, der gerade nicht verfügbar ist: Entsperren Sie ihn (melden Sie sich erneut an) und versuchen Sie es erneut.',
  },
  'channels.secret.keychain_unreadable': {
    en: 'The system keychain cannot read the stored eBay secret (was it changed, or sealed by another user?): configure the account again.',
    fr: 'Le trousseau du système ne peut pas lire le secret eBay enregistré (a-t-il été modifié, ou scellé par un autre utilisateur ?) : configurez de nouveau le compte.',
    de: 'Der Systemschlüsselbund kann das gespeicherte eBay-Geheimnis nicht lesen (wurde es geändert oder von einem anderen Benutzer versiegelt?): Richten Sie das Konto erneut ein.',
  },
  'channels.secret.changed': {
    en: 'The stored eBay secret has been changed: configure the account again.',
    fr: 'Le secret eBay enregistré a été modifié : configurez de nouveau le compte.',
    de: 'Das gespeicherte eBay-Geheimnis wurde verändert: Richten Sie das Konto erneut ein.',
  },

  // eBay settings.
  'channels.ebay.cert_needed': {
    en: 'Give the cert id: this merchant has no eBay account yet.',
    fr: 'Saisissez le Cert ID : ce marchand n’a pas encore de compte eBay.',
    de: 'Geben Sie die Cert-ID ein: Dieser Händler hat noch kein eBay-Konto.',
  },
  'channels.ebay.cert_again': {
    en: 'Give the cert id of this app id too: the stored cert id belongs to the previous app.',
    fr: 'Saisissez aussi le Cert ID de cet App ID : celui enregistré appartient à l’application précédente.',
    de: 'Geben Sie auch die Cert-ID dieser App-ID ein: Die gespeicherte gehört zur vorherigen App.',
  },
  'channels.ebay.not_configured': {
    en: 'eBay is not configured for this merchant: enter the app’s keys in Settings → eBay first.',
    fr: 'eBay n’est pas configuré pour ce marchand : saisissez d’abord les clés de l’application dans Paramètres → eBay.',
    de: 'eBay ist für diesen Händler nicht eingerichtet: Geben Sie zuerst die Schlüssel der App unter Einstellungen → eBay ein.',
  },
  'channels.ebay.not_connected': {
    en: 'eBay is not connected yet: connect it in Settings.',
    fr: 'eBay n’est pas encore connecté : connectez-le dans les Paramètres.',
    de: 'eBay ist noch nicht verbunden: Verbinden Sie es in den Einstellungen.',
  },
  'channels.ebay.no_code': {
    en: 'Paste the code or the address eBay showed after you agreed.',
    fr: 'Collez le code ou l’adresse qu’eBay a affichée après votre accord.',
    de: 'Fügen Sie den Code oder die Adresse ein, die eBay nach Ihrer Zustimmung angezeigt hat.',
  },
  'channels.ebay.bad_url': {
    en: 'That is not a web address: paste the whole address from the browser bar.',
    fr: 'Ce n’est pas une adresse web : collez l’adresse complète de la barre du navigateur.',
    de: 'Das ist keine Webadresse: Fügen Sie die vollständige Adresse aus der Adressleiste des Browsers ein.',
  },
  'channels.ebay.not_granted': {
    en: 'eBay did not grant access ({{remote}}): start the connection again and choose “Agree”.',
    fr: 'eBay n’a pas accordé l’accès ({{remote}}) : relancez la connexion et choisissez « Agree ».',
    de: 'eBay hat keinen Zugriff gewährt ({{remote}}): Starten Sie die Verbindung erneut und wählen Sie „Agree“.',
  },
  'channels.ebay.no_code_in_url': {
    en: 'That address holds no code: copy the address of the page eBay showed after you agreed.',
    fr: 'Cette adresse ne contient aucun code : copiez l’adresse de la page qu’eBay a affichée après votre accord.',
    de: 'Diese Adresse enthält keinen Code: Kopieren Sie die Adresse der Seite, die eBay nach Ihrer Zustimmung angezeigt hat.',
  },
  'channels.ebay.code_refused': {
    en: 'eBay refused the code ({{remote}}): codes work once and for five minutes — connect again.',
    fr: 'eBay a refusé le code ({{remote}}) : un code ne sert qu’une fois et pendant cinq minutes — connectez-vous de nouveau.',
    de: 'eBay hat den Code abgelehnt ({{remote}}): Ein Code gilt nur einmal und fünf Minuten lang – verbinden Sie sich erneut.',
  },
  'channels.ebay.reconnect': {
    en: 'eBay no longer accepts Rebound’s access: reconnect in Settings.',
    fr: 'eBay n’accepte plus l’accès de Rebound : reconnectez le compte dans les Paramètres.',
    de: 'eBay akzeptiert den Zugriff von Rebound nicht mehr: Verbinden Sie das Konto in den Einstellungen neu.',
  },
  'channels.ebay.connect_first': {
    en: 'Connect eBay for this merchant first (Settings → eBay): the location is created on the seller’s eBay account.',
    fr: 'Connectez d’abord eBay pour ce marchand (Paramètres → eBay) : l’emplacement est créé sur le compte eBay du vendeur.',
    de: 'Verbinden Sie zuerst eBay für diesen Händler (Einstellungen → eBay): Der Standort wird im eBay-Konto des Verkäufers angelegt.',
  },
  'channels.ebay.address_incomplete': {
    en: '{{address}}: eBay needs the country and a postal code (or a city and state). Complete the address in Settings → Merchants, then create the location again.',
    fr: '{{address}} : eBay a besoin du pays et d’un code postal (ou d’une ville et d’une région). Complétez l’adresse dans Paramètres → Marchands, puis créez de nouveau l’emplacement.',
    de: '{{address}}: eBay braucht das Land und eine Postleitzahl (oder Ort und Bundesland). Vervollständigen Sie die Adresse unter Einstellungen → Händler und legen Sie den Standort dann erneut an.',
  },
  'channels.ebay.address.none': {
    en: 'The merchant has no address',
    fr: 'Le marchand n’a pas d’adresse',
    de: 'Der Händler hat keine Adresse',
  },
  'channels.ebay.address.no_country': {
    en: 'The merchant’s address names no country (write it last, e.g. “…, Ireland”)',
    fr: 'L’adresse du marchand n’indique aucun pays (écrivez-le à la fin, par exemple « …, France »)',
    de: 'Die Adresse des Händlers nennt kein Land (schreiben Sie es ans Ende, z. B. „…, Deutschland“)',
  },
  'channels.ebay.address.no_postal_code': {
    en: 'The merchant’s address has no postal code eBay can read',
    fr: 'L’adresse du marchand n’a pas de code postal lisible par eBay',
    de: 'Die Adresse des Händlers hat keine Postleitzahl, die eBay lesen kann',
  },
  'channels.ebay.location_failed': {
    en: 'The location could not be created on eBay: {{remote}}',
    fr: 'L’emplacement n’a pas pu être créé sur eBay : {{remote}}',
    de: 'Der Standort konnte auf eBay nicht angelegt werden: {{remote}}',
  },
  'channels.ebay.sku_too_long': {
    en: 'eBay takes SKUs of at most {{max}} characters; “{{sku}}” is {{length}}. Shorten the item reference.',
    fr: 'eBay accepte des SKU de {{max}} caractères au plus ; « {{sku}} » en compte {{length}}. Raccourcissez la référence de l’article.',
    de: 'eBay akzeptiert SKUs mit höchstens {{max}} Zeichen; „{{sku}}“ hat {{length}}. Kürzen Sie die Artikelreferenz.',
  },
  'channels.ebay.title_too_long': {
    en: 'eBay takes titles of at most {{max}} characters; “{{title}}” has {{length}}. Shorten the title in the item’s description.',
    fr: 'eBay accepte des titres de {{max}} caractères au plus ; « {{title}} » en compte {{length}}. Raccourcissez le titre dans la description de l’article.',
    de: 'eBay akzeptiert Titel mit höchstens {{max}} Zeichen; „{{title}}“ hat {{length}}. Kürzen Sie den Titel in der Beschreibung des Artikels.',
  },
  'channels.ebay.currency': {
    en: '{{market}} sells in {{currency}}, the merchant prices in {{merchantCurrency}}: choose the matching eBay marketplace.',
    fr: '{{market}} vend en {{currency}}, le marchand fixe ses prix en {{merchantCurrency}} : choisissez la place de marché eBay correspondante.',
    de: '{{market}} verkauft in {{currency}}, der Händler kalkuliert in {{merchantCurrency}}: Wählen Sie den passenden eBay-Marktplatz.',
  },
  'channels.ebay.no_offer': {
    en: 'eBay has no offer for {{reference}}: publish the item again.',
    fr: 'eBay n’a pas d’offre pour {{reference}} : publiez de nouveau l’article.',
    de: 'eBay hat kein Angebot für {{reference}}: Veröffentlichen Sie den Artikel erneut.',
  },
  'channels.ebay.no_description': {
    en: 'Item {{reference}} has no listing description eBay can use: draft one first.',
    fr: 'L’article {{reference}} n’a pas de description d’annonce utilisable par eBay : rédigez-en une d’abord.',
    de: 'Artikel {{reference}} hat keine Angebotsbeschreibung, die eBay verwenden kann: Erstellen Sie zuerst eine.',
  },
  'channels.ebay.no_photos': {
    en: 'eBay needs at least one picture: add photos to {{reference}}.',
    fr: 'eBay exige au moins une photo : ajoutez des photos à {{reference}}.',
    de: 'eBay braucht mindestens ein Bild: Fügen Sie {{reference}} Fotos hinzu.',
  },

  // Our explanation around a remote's refusal; `{{remote}}` is the remote's own words.
  'channels.remote.no_answer': {
    en: '{{service}} did not answer: {{remote}}',
    fr: '{{service}} n’a pas répondu : {{remote}}',
    de: '{{service}} hat nicht geantwortet: {{remote}}',
  },
  'channels.remote.busy': {
    en: '{{service}} is busy or failing: {{remote}}',
    fr: '{{service}} est surchargé ou en panne : {{remote}}',
    de: '{{service}} ist ausgelastet oder gestört: {{remote}}',
  },
  'channels.remote.refused': {
    en: '{{service}} refused the request: {{remote}}',
    fr: '{{service}} a refusé la demande : {{remote}}',
    de: '{{service}} hat die Anfrage abgelehnt: {{remote}}',
  },
  'channels.remote.refused_item': {
    en: '{{service}} refused the listing: {{remote}} Correct the item and publish again.',
    fr: '{{service}} a refusé l’annonce : {{remote}} Corrigez l’article et publiez-le de nouveau.',
    de: '{{service}} hat das Angebot abgelehnt: {{remote}} Korrigieren Sie den Artikel und veröffentlichen Sie ihn erneut.',
  },
  'channels.remote.access_refused': {
    en: '{{service}} refused Rebound’s access: {{remote}} Reconnect the account in Settings.',
    fr: '{{service}} a refusé l’accès de Rebound : {{remote}} Reconnectez le compte dans les Paramètres.',
    de: '{{service}} hat den Zugriff von Rebound abgelehnt: {{remote}} Verbinden Sie das Konto in den Einstellungen neu.',
  },

  // Why a shop refused a listing before any call, or could not find it.
  'channels.shop_listing.currency': {
    en: 'The shop sells in {{shopCurrency}}, the item is priced in {{itemCurrency}}: price it in {{shopCurrency}}.',
    fr: 'La boutique vend en {{shopCurrency}}, l’article a un prix en {{itemCurrency}} : fixez son prix en {{shopCurrency}}.',
    de: 'Der Shop verkauft in {{shopCurrency}}, der Artikel hat einen Preis in {{itemCurrency}}: Geben Sie ihm einen Preis in {{shopCurrency}}.',
  },
  'channels.shop_listing.shopify_currency': {
    en: 'The Shopify shop sells in {{shopCurrency}}, the merchant prices in {{itemCurrency}}: change the shop’s currency or the merchant’s.',
    fr: 'La boutique Shopify vend en {{shopCurrency}}, le marchand fixe ses prix en {{itemCurrency}} : changez la devise de la boutique ou celle du marchand.',
    de: 'Der Shopify-Shop verkauft in {{shopCurrency}}, der Händler kalkuliert in {{itemCurrency}}: Ändern Sie die Währung des Shops oder die des Händlers.',
  },
  'channels.shop_listing.no_wp_password': {
    en: 'Photos cannot be uploaded to the shop: WordPress needs a user name and an Application Password (Users → Profile → Application Passwords). Add them in the shop settings.',
    fr: 'Impossible d’envoyer les photos à la boutique : WordPress exige un nom d’utilisateur et un mot de passe d’application (Utilisateurs → Profil → Mots de passe d’application). Ajoutez-les dans les paramètres de la boutique.',
    de: 'Fotos können nicht in den Shop hochgeladen werden: WordPress braucht einen Benutzernamen und ein Anwendungspasswort (Benutzer → Profil → Anwendungspasswörter). Tragen Sie sie in den Shop-Einstellungen ein.',
  },
  'channels.shop_listing.no_product': {
    en: 'The shop has no product for {{reference}}: publish the item again.',
    fr: 'La boutique n’a pas de produit pour {{reference}} : publiez de nouveau l’article.',
    de: 'Der Shop hat kein Produkt für {{reference}}: Veröffentlichen Sie den Artikel erneut.',
  },
  'channels.shop_listing.handle_taken': {
    en: 'The Shopify product at /products/{{handle}} belongs to SKU {{other}}, not {{sku}}: rename one of the item references.',
    fr: 'Le produit Shopify /products/{{handle}} appartient au SKU {{other}}, pas à {{sku}} : renommez l’une des références d’article.',
    de: 'Das Shopify-Produkt unter /products/{{handle}} gehört zur SKU {{other}}, nicht zu {{sku}}: Benennen Sie eine der Artikelreferenzen um.',
  },
  'channels.shop_listing.no_location': {
    en: 'The Shopify shop has no location to stock items at: add one in Shopify.',
    fr: 'La boutique Shopify n’a aucun emplacement où stocker les articles : ajoutez-en un dans Shopify.',
    de: 'Der Shopify-Shop hat keinen Standort für den Lagerbestand: Legen Sie in Shopify einen an.',
  },
  'channels.shop_listing.photo_missing': {
    en: 'The photo {{file}} of {{reference}} cannot be read: take it again.',
    fr: 'La photo {{file}} de {{reference}} est illisible : reprenez-la.',
    de: 'Das Foto {{file}} von {{reference}} kann nicht gelesen werden: Nehmen Sie es erneut auf.',
  },
  'channels.shop_listing.vendure_wrong_channel': {
    en: 'Vendure knows no channel with the token “{{token}}”: correct the channel token in the Vendure settings.',
    fr: 'Vendure ne connaît aucun canal avec le jeton « {{token}} » : corrigez le jeton du canal dans les paramètres Vendure.',
    de: 'Vendure kennt keinen Kanal mit dem Token „{{token}}“: Korrigieren Sie das Kanal-Token in den Vendure-Einstellungen.',
  },
  'channels.shop_listing.vendure_currency': {
    en: 'The Vendure channel “{{channel}}” does not sell in {{currency}}: add the currency to the channel or change the Vendure settings.',
    fr: 'Le canal Vendure « {{channel}} » ne vend pas en {{currency}} : ajoutez la devise au canal ou modifiez les paramètres Vendure.',
    de: 'Der Vendure-Kanal „{{channel}}“ verkauft nicht in {{currency}}: Fügen Sie dem Kanal die Währung hinzu oder ändern Sie die Vendure-Einstellungen.',
  },

  'channels.shopify.bad_client': {
    en: 'Shopify refused the app’s client id and secret: copy them again from the app’s settings in the Shopify Dev Dashboard.',
    fr: 'Shopify a refusé l’identifiant client et le secret de l’application : copiez-les de nouveau depuis les paramètres de l’application dans le Dev Dashboard de Shopify.',
    de: 'Shopify hat Client-ID und Secret der App abgelehnt: Kopieren Sie sie erneut aus den Einstellungen der App im Shopify Dev Dashboard.',
  },
  'channels.shopify.bad_token': {
    en: 'Shopify refused Rebound’s access token: enter the shop’s Admin API access token again in Settings.',
    fr: 'Shopify a refusé le jeton d’accès de Rebound : saisissez de nouveau le jeton d’accès Admin API de la boutique dans les Paramètres.',
    de: 'Shopify hat das Zugriffstoken von Rebound abgelehnt: Geben Sie das Admin-API-Zugriffstoken des Shops in den Einstellungen erneut ein.',
  },
  'channels.shopify.frozen': {
    en: 'Shopify says the shop is frozen (an unpaid bill): the merchant must resolve it in Shopify first.',
    fr: 'Shopify indique que la boutique est gelée (facture impayée) : le marchand doit d’abord régler cela dans Shopify.',
    de: 'Laut Shopify ist der Shop eingefroren (eine offene Rechnung): Der Händler muss das zuerst in Shopify klären.',
  },
  'channels.shopify.locked': {
    en: 'Shopify says the shop is locked: the merchant must resolve it in Shopify first.',
    fr: 'Shopify indique que la boutique est verrouillée : le marchand doit d’abord régler cela dans Shopify.',
    de: 'Laut Shopify ist der Shop gesperrt: Der Händler muss das zuerst in Shopify klären.',
  },
  'channels.vendure.bad_login': {
    en: 'Vendure refused the username or password ({{remote}}): check them in Settings.',
    fr: 'Vendure a refusé le nom d’utilisateur ou le mot de passe ({{remote}}) : vérifiez-les dans les Paramètres.',
    de: 'Vendure hat Benutzername oder Passwort abgelehnt ({{remote}}): Prüfen Sie sie in den Einstellungen.',
  },

  // What "test connection" finds wrong with a shop; `{{remote}}` is the shop's own words.
  'channels.shop_test.not_an_address': {
    en: '“{{url}}” is not a web address. Enter the shop’s address, like https://shop.example.com.',
    fr: '« {{url}} » n’est pas une adresse web. Saisissez l’adresse de la boutique, par exemple https://shop.example.com.',
    de: '„{{url}}“ ist keine Webadresse. Geben Sie die Adresse des Shops ein, etwa https://shop.example.com.',
  },
  'channels.shop_test.insecure': {
    en: 'The shop address starts with http://, so your orders and WordPress password would travel unencrypted. Use the shop’s https:// address ({{https}}).',
    fr: 'L’adresse de la boutique commence par http:// : vos commandes et votre mot de passe WordPress circuleraient sans chiffrement. Utilisez l’adresse https:// de la boutique ({{https}}).',
    de: 'Die Shop-Adresse beginnt mit http://, Ihre Bestellungen und Ihr WordPress-Passwort würden also unverschlüsselt übertragen. Verwenden Sie die https://-Adresse des Shops ({{https}}).',
  },
  'channels.shop_test.no_woocommerce': {
    en: '{{name}} is a WordPress site, but WooCommerce’s REST API is not there. Is WooCommerce installed and activated on it?',
    fr: '{{name}} est un site WordPress, mais l’API REST de WooCommerce n’y est pas. WooCommerce est-il installé et activé ?',
    de: '{{name}} ist eine WordPress-Website, aber die REST-API von WooCommerce fehlt. Ist WooCommerce dort installiert und aktiviert?',
  },
  'channels.shop_test.unreachable': {
    en: 'Rebound could not reach {{host}} ({{remote}}). Check the address and that the shop is online.',
    fr: 'Rebound n’a pas pu joindre {{host}} ({{remote}}). Vérifiez l’adresse et que la boutique est en ligne.',
    de: 'Rebound konnte {{host}} nicht erreichen ({{remote}}). Prüfen Sie die Adresse und ob der Shop online ist.',
  },
  'channels.shop_test.woo_read_only': {
    en: 'The WooCommerce key is read-only, so Rebound cannot create products. Edit the key (WooCommerce → Settings → Advanced → REST API) and give it Read/Write permission.',
    fr: 'La clé WooCommerce est en lecture seule : Rebound ne peut pas créer de produits. Modifiez la clé (WooCommerce → Réglages → Avancé → API REST) et donnez-lui le droit Lecture/Écriture.',
    de: 'Der WooCommerce-Schlüssel ist schreibgeschützt, Rebound kann also keine Produkte anlegen. Bearbeiten Sie den Schlüssel (WooCommerce → Einstellungen → Erweitert → REST-API) und geben Sie ihm Lese-/Schreibrechte.',
  },
  'channels.shop_test.woo_bad_key': {
    en: 'WooCommerce refused the consumer key and secret (“{{remote}}”). Create a key with Read/Write permission under WooCommerce → Settings → Advanced → REST API and enter both parts again.',
    fr: 'WooCommerce a refusé la clé et le secret client (« {{remote}} »). Créez une clé en Lecture/Écriture dans WooCommerce → Réglages → Avancé → API REST et saisissez de nouveau les deux parties.',
    de: 'WooCommerce hat Consumer Key und Secret abgelehnt („{{remote}}“). Legen Sie unter WooCommerce → Einstellungen → Erweitert → REST-API einen Schlüssel mit Lese-/Schreibrechten an und geben Sie beide Teile erneut ein.',
  },
  'channels.shop_test.try_later': {
    en: '{{problem}} Try again in a few minutes.',
    fr: '{{problem}} Réessayez dans quelques minutes.',
    de: '{{problem}} Versuchen Sie es in ein paar Minuten erneut.',
  },
  'channels.shop_test.wp_no_password': {
    en: 'Without a WordPress user name and Application Password, Rebound cannot upload photos to the shop. In WordPress open Users → Profile → Application Passwords, create one for Rebound and enter it with your user name.',
    fr: 'Sans nom d’utilisateur WordPress ni mot de passe d’application, Rebound ne peut pas envoyer de photos à la boutique. Dans WordPress, ouvrez Utilisateurs → Profil → Mots de passe d’application, créez-en un pour Rebound et saisissez-le avec votre nom d’utilisateur.',
    de: 'Ohne WordPress-Benutzernamen und Anwendungspasswort kann Rebound keine Fotos in den Shop hochladen. Öffnen Sie in WordPress Benutzer → Profil → Anwendungspasswörter, legen Sie eines für Rebound an und geben Sie es mit Ihrem Benutzernamen ein.',
  },
  'channels.shop_test.wp_no_upload': {
    en: 'The WordPress user “{{user}}” may not upload photos. Give it the Shop manager or Administrator role, or use another user’s Application Password.',
    fr: 'L’utilisateur WordPress « {{user}} » n’a pas le droit d’envoyer des photos. Donnez-lui le rôle Gestionnaire de boutique ou Administrateur, ou utilisez le mot de passe d’application d’un autre utilisateur.',
    de: 'Der WordPress-Benutzer „{{user}}“ darf keine Fotos hochladen. Geben Sie ihm die Rolle Shop-Manager oder Administrator, oder verwenden Sie das Anwendungspasswort eines anderen Benutzers.',
  },
  'channels.shop_test.wp_bad_password': {
    en: 'WordPress refused the user name “{{user}}” with that Application Password (“{{remote}}”). Check the user name and create a new Application Password under Users → Profile.',
    fr: 'WordPress a refusé le nom d’utilisateur « {{user}} » avec ce mot de passe d’application (« {{remote}} »). Vérifiez le nom d’utilisateur et créez un nouveau mot de passe d’application dans Utilisateurs → Profil.',
    de: 'WordPress hat den Benutzernamen „{{user}}“ mit diesem Anwendungspasswort abgelehnt („{{remote}}“). Prüfen Sie den Benutzernamen und legen Sie unter Benutzer → Profil ein neues Anwendungspasswort an.',
  },
  'channels.shop_test.not_wordpress': {
    en: '{{url}} does not look like a WordPress shop: it has no WordPress REST API (/wp-json/). Check the address; it is the address of the shop’s home page.',
    fr: '{{url}} ne ressemble pas à une boutique WordPress : elle n’a pas d’API REST WordPress (/wp-json/). Vérifiez l’adresse ; c’est celle de la page d’accueil de la boutique.',
    de: '{{url}} sieht nicht wie ein WordPress-Shop aus: Es gibt keine WordPress-REST-API (/wp-json/). Prüfen Sie die Adresse; es ist die Adresse der Startseite des Shops.',
  },
  'channels.shop_test.shopify_scopes': {
    en: {
      one: 'The shop’s app lacks the permission {{scopes}}: add it to the app’s Admin API scopes in Shopify, install the new version, and enter the new token.',
      other:
        'The shop’s app lacks the permissions {{scopes}}: add them to the app’s Admin API scopes in Shopify, install the new version, and enter the new token.',
    },
    fr: {
      one: 'L’application de la boutique n’a pas l’autorisation {{scopes}} : ajoutez-la aux portées Admin API de l’application dans Shopify, installez la nouvelle version et saisissez le nouveau jeton.',
      other:
        'L’application de la boutique n’a pas les autorisations {{scopes}} : ajoutez-les aux portées Admin API de l’application dans Shopify, installez la nouvelle version et saisissez le nouveau jeton.',
    },
    de: {
      one: 'Der App des Shops fehlt die Berechtigung {{scopes}}: Fügen Sie sie in Shopify den Admin-API-Scopes der App hinzu, installieren Sie die neue Version und geben Sie das neue Token ein.',
      other:
        'Der App des Shops fehlen die Berechtigungen {{scopes}}: Fügen Sie sie in Shopify den Admin-API-Scopes der App hinzu, installieren Sie die neue Version und geben Sie das neue Token ein.',
    },
  },
  'channels.shop_test.shopify_bad_token': {
    en: 'Shopify refused the access token: copy the Admin API access token (it starts with shpat_) of the shop’s app again.',
    fr: 'Shopify a refusé le jeton d’accès : copiez de nouveau le jeton d’accès Admin API (il commence par shpat_) de l’application de la boutique.',
    de: 'Shopify hat das Zugriffstoken abgelehnt: Kopieren Sie das Admin-API-Zugriffstoken (es beginnt mit shpat_) der App des Shops erneut.',
  },
  'channels.shop_test.shopify_no_shop': {
    en: 'No Shopify shop answers at {{host}}: check the shop address (Shopify admin › Settings › Domains shows the myshopify.com one).',
    fr: 'Aucune boutique Shopify ne répond à {{host}} : vérifiez l’adresse de la boutique (Shopify admin › Paramètres › Domaines affiche celle en myshopify.com).',
    de: 'Unter {{host}} antwortet kein Shopify-Shop: Prüfen Sie die Shop-Adresse (Shopify-Admin › Einstellungen › Domains zeigt die myshopify.com-Adresse).',
  },
  'channels.shop_test.shopify_unreachable': {
    en: 'Shopify could not be reached ({{remote}}): check the internet connection and try again.',
    fr: 'Shopify est injoignable ({{remote}}) : vérifiez la connexion internet et réessayez.',
    de: 'Shopify war nicht erreichbar ({{remote}}): Prüfen Sie die Internetverbindung und versuchen Sie es erneut.',
  },
  'channels.shop_test.shopify_insecure': {
    en: 'The shop address “{{url}}” starts with http://: Shopify only answers over HTTPS. Use https://, or just the address, like my-shop.myshopify.com.',
    fr: 'L’adresse de la boutique « {{url}} » commence par http:// : Shopify ne répond qu’en HTTPS. Utilisez https://, ou simplement l’adresse, par exemple my-shop.myshopify.com.',
    de: 'Die Shop-Adresse „{{url}}“ beginnt mit http://: Shopify antwortet nur über HTTPS. Verwenden Sie https:// oder nur die Adresse, etwa my-shop.myshopify.com.',
  },
  'channels.shop_test.shopify_not_address': {
    en: '“{{url}}” is not a Shopify shop address: use the shop’s my-shop.myshopify.com address (Shopify admin › Settings › Domains), not its own domain.',
    fr: '« {{url}} » n’est pas une adresse de boutique Shopify : utilisez l’adresse my-shop.myshopify.com de la boutique (Shopify admin › Paramètres › Domaines), pas son propre domaine.',
    de: '„{{url}}“ ist keine Shopify-Shop-Adresse: Verwenden Sie die my-shop.myshopify.com-Adresse des Shops (Shopify-Admin › Einstellungen › Domains), nicht die eigene Domain.',
  },
  'channels.shop_test.vendure_bad_credentials': {
    en: 'Vendure does not accept this username and password. {{problem}}',
    fr: 'Vendure n’accepte pas ce nom d’utilisateur et ce mot de passe. {{problem}}',
    de: 'Vendure akzeptiert diesen Benutzernamen und dieses Passwort nicht. {{problem}}',
  },
  'channels.shop_test.vendure_not_admin_api': {
    en: '{{url}} is not a Vendure Admin API: use the address of the shop’s Admin API, usually ending in /admin-api.',
    fr: '{{url}} n’est pas une API Admin Vendure : utilisez l’adresse de l’API Admin de la boutique, qui se termine généralement par /admin-api.',
    de: '{{url}} ist keine Vendure-Admin-API: Verwenden Sie die Adresse der Admin-API des Shops, die meist auf /admin-api endet.',
  },
  'channels.shop_test.vendure_unreachable': {
    en: 'Vendure could not be reached: {{problem}} Check the address and that the shop is running.',
    fr: 'Vendure est injoignable : {{problem}} Vérifiez l’adresse et que la boutique fonctionne.',
    de: 'Vendure war nicht erreichbar: {{problem}} Prüfen Sie die Adresse und ob der Shop läuft.',
  },
  'channels.shop_test.vendure_wrong_channel': {
    en: 'Vendure knows no channel with the token “{{token}}”: copy the token from the channel’s page in Vendure, or leave it empty for the default channel.',
    fr: 'Vendure ne connaît aucun canal avec le jeton « {{token}} » : copiez le jeton depuis la page du canal dans Vendure, ou laissez-le vide pour le canal par défaut.',
    de: 'Vendure kennt keinen Kanal mit dem Token „{{token}}“: Kopieren Sie das Token von der Seite des Kanals in Vendure oder lassen Sie es für den Standardkanal leer.',
  },
  'channels.shop_test.vendure_currency': {
    en: 'The channel “{{channel}}” does not sell in {{currency}}; it sells in {{currencies}}.',
    fr: 'Le canal « {{channel}} » ne vend pas en {{currency}} ; il vend en {{currencies}}.',
    de: 'Der Kanal „{{channel}}“ verkauft nicht in {{currency}}, sondern in {{currencies}}.',
  },
  'channels.shop_test.vendure_precision': {
    en: 'The shop stores money with {{digits}} decimals; Rebound works with cents (2).',
    fr: 'La boutique enregistre les montants avec {{digits}} décimales ; Rebound travaille en centimes (2).',
    de: 'Der Shop speichert Beträge mit {{digits}} Nachkommastellen; Rebound arbeitet mit Cent (2).',
  },

  // The eBay check in Settings: what was found, and what to do about it.
  'channels.internal_words': { en: '{{words}}', fr: '{{words}}', de: '{{words}}' },
  'channels.preflight.check_again': {
    en: 'Check the internet connection and run the eBay check again in a minute.',
    fr: 'Vérifiez la connexion internet et relancez la vérification eBay dans une minute.',
    de: 'Prüfen Sie die Internetverbindung und führen Sie die eBay-Prüfung in einer Minute erneut aus.',
  },
  'channels.preflight.read_failed': {
    en: 'Could not read the {{things}} from eBay: {{remote}}',
    fr: 'Impossible de lire les {{things}} sur eBay : {{remote}}',
    de: 'Die {{things}} konnten nicht von eBay gelesen werden: {{remote}}',
  },
  'channels.preflight.policy.fulfillment': {
    en: 'shipping (fulfillment) policy',
    fr: 'politique de livraison',
    de: 'Versandrichtlinie',
  },
  'channels.preflight.policy.payment': {
    en: 'payment policy',
    fr: 'politique de paiement',
    de: 'Zahlungsrichtlinie',
  },
  'channels.preflight.policy.return': {
    en: 'return policy',
    fr: 'politique de retour',
    de: 'Rücknahmerichtlinie',
  },
  'channels.preflight.policies.fulfillment': {
    en: 'shipping (fulfillment) policies',
    fr: 'politiques de livraison',
    de: 'Versandrichtlinien',
  },
  'channels.preflight.policies.payment': {
    en: 'payment policies',
    fr: 'politiques de paiement',
    de: 'Zahlungsrichtlinien',
  },
  'channels.preflight.policies.return': {
    en: 'return policies',
    fr: 'politiques de retour',
    de: 'Rücknahmerichtlinien',
  },
  'channels.preflight.locations': {
    en: 'inventory locations',
    fr: 'emplacements d’inventaire',
    de: 'Lagerstandorte',
  },
  'channels.preflight.policy_ok.fulfillment': {
    en: 'Shipping (fulfillment) policy {{option}}.',
    fr: 'Politique de livraison {{option}}.',
    de: 'Versandrichtlinie {{option}}.',
  },
  'channels.preflight.policy_ok.payment': {
    en: 'Payment policy {{option}}.',
    fr: 'Politique de paiement {{option}}.',
    de: 'Zahlungsrichtlinie {{option}}.',
  },
  'channels.preflight.policy_ok.return': {
    en: 'Return policy {{option}}.',
    fr: 'Politique de retour {{option}}.',
    de: 'Rücknahmerichtlinie {{option}}.',
  },
  'channels.preflight.policy_missing': {
    en: 'The chosen {{policy}} {{id}} is not among the seller’s {{policies}} for {{market}}.',
    fr: 'La {{policy}} choisie {{id}} ne fait pas partie des {{policies}} du vendeur pour {{market}}.',
    de: 'Die gewählte {{policy}} {{id}} gehört nicht zu den {{policies}} des Verkäufers für {{market}}.',
  },
  'channels.preflight.policy_create': {
    en: 'Create a {{policy}} for {{market}} in eBay’s Seller Hub (Account → Business policies), then run the check again.',
    fr: 'Créez une {{policy}} pour {{market}} dans le Seller Hub d’eBay (Compte → Règles de l’entreprise), puis relancez la vérification.',
    de: 'Legen Sie im Seller Hub von eBay (Konto → Geschäftsrichtlinien) eine {{policy}} für {{market}} an und führen Sie die Prüfung dann erneut aus.',
  },
  'channels.preflight.policy_has_one': {
    en: 'The seller has one: {{option}} — choose it in Settings → eBay.',
    fr: 'Le vendeur en a une : {{option}} — choisissez-la dans Paramètres → eBay.',
    de: 'Der Verkäufer hat eine: {{option}} – wählen Sie sie unter Einstellungen → eBay.',
  },
  'channels.preflight.policy_choose_of': {
    en: 'Choose one of the seller’s {{number}} {{policies}}{{named}} in Settings → eBay.',
    fr: 'Choisissez l’une des {{number}} {{policies}} du vendeur{{named}} dans Paramètres → eBay.',
    de: 'Wählen Sie eine der {{number}} {{policies}} des Verkäufers{{named}} unter Einstellungen → eBay.',
  },
  'channels.preflight.policy_none': {
    en: 'The seller has no {{policy}} for {{market}} on eBay.',
    fr: 'Le vendeur n’a aucune {{policy}} pour {{market}} sur eBay.',
    de: 'Der Verkäufer hat auf eBay keine {{policy}} für {{market}}.',
  },
  'channels.preflight.policy_one_unchosen': {
    en: 'No {{policy}} chosen; the seller has one for {{market}}: {{option}}.',
    fr: 'Aucune {{policy}} choisie ; le vendeur en a une pour {{market}} : {{option}}.',
    de: 'Keine {{policy}} gewählt; der Verkäufer hat eine für {{market}}: {{option}}.',
  },
  'channels.preflight.policy_use': {
    en: 'Use {{option}}: choose it in Settings → eBay.',
    fr: 'Utilisez {{option}} : choisissez-la dans Paramètres → eBay.',
    de: 'Verwenden Sie {{option}}: Wählen Sie sie unter Einstellungen → eBay.',
  },
  'channels.preflight.policy_many_unchosen': {
    en: 'No {{policy}} chosen; the seller has {{number}} for {{market}}.',
    fr: 'Aucune {{policy}} choisie ; le vendeur en a {{number}} pour {{market}}.',
    de: 'Keine {{policy}} gewählt; der Verkäufer hat {{number}} für {{market}}.',
  },
  'channels.preflight.policy_choose_them': {
    en: 'Choose one of them{{named}} in Settings → eBay.',
    fr: 'Choisissez-en une{{named}} dans Paramètres → eBay.',
    de: 'Wählen Sie eine davon{{named}} unter Einstellungen → eBay.',
  },
  'channels.preflight.location_ok': {
    en: 'Location {{option}}.',
    fr: 'Emplacement {{option}}.',
    de: 'Standort {{option}}.',
  },
  'channels.preflight.location_missing': {
    en: 'The chosen location {{id}} does not exist on eBay.',
    fr: 'L’emplacement choisi {{id}} n’existe pas sur eBay.',
    de: 'Der gewählte Standort {{id}} existiert auf eBay nicht.',
  },
  'channels.preflight.location_choose_or_create': {
    en: 'Choose one of the seller’s locations{{named}}, or create one from the merchant’s address with “Create location” in Settings → eBay.',
    fr: 'Choisissez l’un des emplacements du vendeur{{named}}, ou créez-en un à partir de l’adresse du marchand avec « Créer l’emplacement » dans Paramètres → eBay.',
    de: 'Wählen Sie einen der Standorte des Verkäufers{{named}} oder legen Sie mit „Standort anlegen“ unter Einstellungen → eBay einen aus der Adresse des Händlers an.',
  },
  'channels.preflight.location_create': {
    en: 'Create one from the merchant’s address with “Create location” in Settings → eBay.',
    fr: 'Créez-en un à partir de l’adresse du marchand avec « Créer l’emplacement » dans Paramètres → eBay.',
    de: 'Legen Sie mit „Standort anlegen“ unter Einstellungen → eBay einen aus der Adresse des Händlers an.',
  },
  'channels.preflight.location_none': {
    en: 'The seller has no inventory location on eBay.',
    fr: 'Le vendeur n’a aucun emplacement d’inventaire sur eBay.',
    de: 'Der Verkäufer hat auf eBay keinen Lagerstandort.',
  },
  'channels.preflight.location_one_unchosen': {
    en: 'No location chosen; the seller has one: {{option}}.',
    fr: 'Aucun emplacement choisi ; le vendeur en a un : {{option}}.',
    de: 'Kein Standort gewählt; der Verkäufer hat einen: {{option}}.',
  },
  'channels.preflight.location_use': {
    en: 'Use {{option}}: choose it in Settings → eBay.',
    fr: 'Utilisez {{option}} : choisissez-le dans Paramètres → eBay.',
    de: 'Verwenden Sie {{option}}: Wählen Sie ihn unter Einstellungen → eBay.',
  },
  'channels.preflight.location_many_unchosen': {
    en: 'No location chosen; the seller has {{number}} locations.',
    fr: 'Aucun emplacement choisi ; le vendeur en a {{number}}.',
    de: 'Kein Standort gewählt; der Verkäufer hat {{number}} Standorte.',
  },
  'channels.preflight.location_choose_them': {
    en: 'Choose one of them{{named}} in Settings → eBay, or create one from the merchant’s address with “Create location”.',
    fr: 'Choisissez-en un{{named}} dans Paramètres → eBay, ou créez-en un à partir de l’adresse du marchand avec « Créer l’emplacement ».',
    de: 'Wählen Sie einen davon{{named}} unter Einstellungen → eBay oder legen Sie mit „Standort anlegen“ einen aus der Adresse des Händlers an.',
  },
  'channels.preflight.category_ok': {
    en: 'Listings go in eBay category {{id}}.',
    fr: 'Les annonces vont dans la catégorie eBay {{id}}.',
    de: 'Angebote kommen in die eBay-Kategorie {{id}}.',
  },
  'channels.preflight.category_none': {
    en: 'No eBay category is chosen for the listings.',
    fr: 'Aucune catégorie eBay n’est choisie pour les annonces.',
    de: 'Für die Angebote ist keine eBay-Kategorie gewählt.',
  },
  'channels.preflight.category_fix': {
    en: 'Enter the eBay category id (digits, a leaf category) in Settings → eBay.',
    fr: 'Saisissez l’identifiant de la catégorie eBay (des chiffres, une catégorie finale) dans Paramètres → eBay.',
    de: 'Geben Sie die eBay-Kategorie-ID (Ziffern, eine unterste Kategorie) unter Einstellungen → eBay ein.',
  },
  'channels.preflight.conditions_not_checked': {
    en: 'Not checked: choose a category first.',
    fr: 'Non vérifié : choisissez d’abord une catégorie.',
    de: 'Nicht geprüft: Wählen Sie zuerst eine Kategorie.',
  },
  'channels.preflight.conditions_not_checked_fix': {
    en: 'Choose the category, then run the check again.',
    fr: 'Choisissez la catégorie, puis relancez la vérification.',
    de: 'Wählen Sie die Kategorie und führen Sie die Prüfung dann erneut aus.',
  },
  'channels.preflight.conditions_read_failed': {
    en: 'Could not read the conditions category {{id}} allows: {{remote}}',
    fr: 'Impossible de lire les états acceptés par la catégorie {{id}} : {{remote}}',
    de: 'Die von Kategorie {{id}} erlaubten Zustände konnten nicht gelesen werden: {{remote}}',
  },
  'channels.preflight.conditions_no_policy': {
    en: 'eBay has no condition policy for category {{id}} on {{market}}.',
    fr: 'eBay n’a pas de règle d’état pour la catégorie {{id}} sur {{market}}.',
    de: 'eBay hat für Kategorie {{id}} auf {{market}} keine Zustandsrichtlinie.',
  },
  'channels.preflight.conditions_no_policy_fix': {
    en: 'Check that the category id is a leaf category of this marketplace; listings will use the conditions Rebound maps to.',
    fr: 'Vérifiez que l’identifiant est une catégorie finale de cette place de marché ; les annonces utiliseront les états que Rebound associe.',
    de: 'Prüfen Sie, ob die ID eine unterste Kategorie dieses Marktplatzes ist; die Angebote verwenden die Zustände, die Rebound zuordnet.',
  },
  'channels.preflight.no_condition': { en: 'no condition', fr: 'aucun état', de: 'keinen Zustand' },
  'channels.preflight.conditions_none_fit': {
    en: 'Category {{id}} allows {{allowed}}: none of the conditions Rebound’s grades map to.',
    fr: 'La catégorie {{id}} accepte {{allowed}} : aucun ne correspond à un état de Rebound.',
    de: 'Kategorie {{id}} erlaubt {{allowed}}: keinen der Zustände, denen die Zustandsstufen von Rebound entsprechen.',
  },
  'channels.preflight.conditions_other_category': {
    en: 'Choose another category in Settings → eBay.',
    fr: 'Choisissez une autre catégorie dans Paramètres → eBay.',
    de: 'Wählen Sie unter Einstellungen → eBay eine andere Kategorie.',
  },
  'channels.preflight.conditions_all_ok': {
    en: 'Category {{id}} accepts every grade Rebound lists.',
    fr: 'La catégorie {{id}} accepte tous les états que Rebound met en vente.',
    de: 'Kategorie {{id}} akzeptiert jede Zustandsstufe, die Rebound anbietet.',
  },
  'channels.preflight.conditions_some_refused': {
    en: 'Category {{id}} allows only {{allowed}}: eBay would refuse items graded {{grades}}.',
    fr: 'La catégorie {{id}} n’accepte que {{allowed}} : eBay refuserait les articles classés {{grades}}.',
    de: 'Kategorie {{id}} erlaubt nur {{allowed}}: eBay würde Artikel mit der Zustandsstufe {{grades}} ablehnen.',
  },
  'channels.preflight.grade': { en: '{{grade}}', fr: '{{grade}}', de: '{{grade}}' },
  'channels.preflight.grade_when': {
    en: '{{grade}} (when it maps to {{conditions}})',
    fr: '{{grade}} (quand il correspond à {{conditions}})',
    de: '{{grade}} (wenn sie {{conditions}} entspricht)',
  },
  'channels.preflight.conditions_some_refused_fix': {
    en: 'Publish those items elsewhere (the shop, another channel), or choose a category that allows their conditions.',
    fr: 'Publiez ces articles ailleurs (la boutique, un autre canal), ou choisissez une catégorie qui accepte leur état.',
    de: 'Veröffentlichen Sie diese Artikel anderswo (im Shop, auf einem anderen Kanal) oder wählen Sie eine Kategorie, die ihren Zustand erlaubt.',
  },
  'channels.preflight.language_not_checked': {
    en: 'Not checked: no marketplace is configured.',
    fr: 'Non vérifié : aucune place de marché n’est configurée.',
    de: 'Nicht geprüft: Es ist kein Marktplatz eingerichtet.',
  },
  'channels.preflight.language_configure': {
    en: 'Configure eBay first.',
    fr: 'Configurez d’abord eBay.',
    de: 'Richten Sie zuerst eBay ein.',
  },
  'channels.preflight.language_ok': {
    en: '{{market}} lists in {{language}}, which Rebound drafts in.',
    fr: '{{market}} publie en {{language}}, langue dans laquelle Rebound rédige.',
    de: '{{market}} bietet auf {{language}} an, in dieser Sprache schreibt Rebound.',
  },
  'channels.preflight.language_other': {
    en: '{{market}} lists in {{language}}, which Rebound does not draft in: the titles and descriptions will be in {{fallback}}.',
    fr: '{{market}} publie en {{language}}, langue dans laquelle Rebound ne rédige pas : les titres et descriptions seront en {{fallback}}.',
    de: '{{market}} bietet auf {{language}} an, in dieser Sprache schreibt Rebound nicht: Titel und Beschreibungen werden auf {{fallback}} sein.',
  },
  'channels.preflight.language_other_fix': {
    en: 'Check the listings read well for buyers there, or choose a marketplace in English, French or German.',
    fr: 'Vérifiez que les annonces se lisent bien pour les acheteurs de ce pays, ou choisissez une place de marché en anglais, français ou allemand.',
    de: 'Prüfen Sie, ob die Angebote für die Käufer dort gut lesbar sind, oder wählen Sie einen Marktplatz auf Englisch, Französisch oder Deutsch.',
  },
  'channels.preflight.lang.en': { en: 'English', fr: 'anglais', de: 'Englisch' },
  'channels.preflight.lang.fr': { en: 'French', fr: 'français', de: 'Französisch' },
  'channels.preflight.lang.de': { en: 'German', fr: 'allemand', de: 'Deutsch' },
  'channels.preflight.lang.it': { en: 'Italian', fr: 'italien', de: 'Italienisch' },
  'channels.preflight.lang.es': { en: 'Spanish', fr: 'espagnol', de: 'Spanisch' },
  'channels.preflight.lang.nl': { en: 'Dutch', fr: 'néerlandais', de: 'Niederländisch' },
  'channels.preflight.not_checked': {
    en: 'Not checked: {{why}} first.',
    fr: 'Non vérifié : {{why}} d’abord.',
    de: 'Nicht geprüft: zuerst {{why}}.',
  },
  'channels.preflight.why.configure': {
    en: 'configure and connect eBay',
    fr: 'configurez et connectez eBay',
    de: 'eBay einrichten und verbinden',
  },
  'channels.preflight.why.connect': { en: 'connect', fr: 'connectez eBay', de: 'eBay verbinden' },
  'channels.preflight.why.reconnect': { en: 'reconnect', fr: 'reconnectez eBay', de: 'eBay neu verbinden' },
  'channels.preflight.not_configured': {
    en: 'eBay is not configured for this merchant.',
    fr: 'eBay n’est pas configuré pour ce marchand.',
    de: 'eBay ist für diesen Händler nicht eingerichtet.',
  },
  'channels.preflight.enter_keys_again': {
    en: 'Enter the app id, cert id and RuName again in Settings → eBay, then connect.',
    fr: 'Saisissez de nouveau l’App ID, le Cert ID et le RuName dans Paramètres → eBay, puis connectez.',
    de: 'Geben Sie App-ID, Cert-ID und RuName unter Einstellungen → eBay erneut ein und verbinden Sie dann.',
  },
  'channels.preflight.enter_keys': {
    en: 'Enter the eBay app id, cert id and RuName in Settings → eBay, then connect.',
    fr: 'Saisissez l’App ID, le Cert ID et le RuName eBay dans Paramètres → eBay, puis connectez.',
    de: 'Geben Sie App-ID, Cert-ID und RuName von eBay unter Einstellungen → eBay ein und verbinden Sie dann.',
  },
  'channels.preflight.configure_and_connect': {
    en: 'Configure and connect eBay in Settings → eBay.',
    fr: 'Configurez et connectez eBay dans Paramètres → eBay.',
    de: 'Richten Sie eBay unter Einstellungen → eBay ein und verbinden Sie es.',
  },
  'channels.preflight.not_connected': {
    en: 'eBay ({{market}}) is configured but not connected: the seller has not agreed yet.',
    fr: 'eBay ({{market}}) est configuré mais pas connecté : le vendeur n’a pas encore donné son accord.',
    de: 'eBay ({{market}}) ist eingerichtet, aber nicht verbunden: Der Verkäufer hat noch nicht zugestimmt.',
  },
  'channels.preflight.connect_fix': {
    en: 'Connect in Settings → eBay: the seller signs in on eBay and agrees.',
    fr: 'Connectez dans Paramètres → eBay : le vendeur se connecte à eBay et donne son accord.',
    de: 'Verbinden Sie unter Einstellungen → eBay: Der Verkäufer meldet sich bei eBay an und stimmt zu.',
  },
  'channels.preflight.connect': {
    en: 'Connect eBay in Settings → eBay.',
    fr: 'Connectez eBay dans Paramètres → eBay.',
    de: 'Verbinden Sie eBay unter Einstellungen → eBay.',
  },
  'channels.preflight.reconnect_fix': {
    en: 'Reconnect eBay in Settings → eBay: the seller signs in on eBay and agrees again.',
    fr: 'Reconnectez eBay dans Paramètres → eBay : le vendeur se connecte à eBay et donne de nouveau son accord.',
    de: 'Verbinden Sie eBay unter Einstellungen → eBay neu: Der Verkäufer meldet sich bei eBay an und stimmt erneut zu.',
  },
  'channels.preflight.reconnect': {
    en: 'Reconnect eBay in Settings → eBay.',
    fr: 'Reconnectez eBay dans Paramètres → eBay.',
    de: 'Verbinden Sie eBay unter Einstellungen → eBay neu.',
  },
  'channels.preflight.connected': {
    en: 'Connected to eBay {{market}}.',
    fr: 'Connecté à eBay {{market}}.',
    de: 'Mit eBay {{market}} verbunden.',
  },
  'channels.preflight.connected_sandbox': {
    en: 'Connected to eBay {{market}} (sandbox).',
    fr: 'Connecté à eBay {{market}} (bac à sable).',
    de: 'Mit eBay {{market}} verbunden (Sandbox).',
  },
});
