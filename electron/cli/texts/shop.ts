import { defineCliTexts } from '../texts';

/** The words of `rebound shop …` (cli/shop.ts). */
export const SHOP_TEXTS = defineCliTexts({
  'shop.description': {
    en: 'connect a merchant’s own shop (Shopify, WooCommerce, Vendure) and its photo watermark',
    fr: 'connecte la boutique du marchand (Shopify, WooCommerce, Vendure) et le filigrane de ses photos',
    de: 'verbindet den eigenen Shop eines Händlers (Shopify, WooCommerce, Vendure) und das Wasserzeichen seiner Fotos',
  },
  'option.merchant': {
    en: 'the merchant’s id or exact name',
    fr: 'l’identifiant ou le nom exact du marchand',
    de: 'die ID oder der genaue Name des Händlers',
  },
  'option.onlyMerchant': {
    en: 'only this merchant (id or exact name)',
    fr: 'seulement ce marchand (identifiant ou nom exact)',
    de: 'nur dieser Händler (ID oder genauer Name)',
  },
  'option.platform': {
    en: 'the shop platform',
    fr: 'la plateforme de la boutique',
    de: 'die Shop-Plattform',
  },
  'field.url': {
    en: 'WooCommerce: the shop’s home page, https://…',
    fr: 'WooCommerce : la page d’accueil de la boutique, https://…',
    de: 'WooCommerce: die Startseite des Shops, https://…',
  },
  'field.wpUser': {
    en: 'WooCommerce: the WordPress user of the Application Password (for photos)',
    fr: 'WooCommerce : l’utilisateur WordPress du mot de passe d’application (pour les photos)',
    de: 'WooCommerce: der WordPress-Benutzer des Anwendungspassworts (für Fotos)',
  },
  'field.consumerKey': {
    en: 'WooCommerce: REST API consumer key',
    fr: 'WooCommerce : clé client de l’API REST (consumer key)',
    de: 'WooCommerce: Consumer Key der REST-API',
  },
  'field.consumerSecret': {
    en: 'WooCommerce: REST API consumer secret',
    fr: 'WooCommerce : secret client de l’API REST (consumer secret)',
    de: 'WooCommerce: Consumer Secret der REST-API',
  },
  'field.wpAppPassword': {
    en: 'WooCommerce: WordPress Application Password (photo uploads)',
    fr: 'WooCommerce : mot de passe d’application WordPress (envoi des photos)',
    de: 'WooCommerce: WordPress-Anwendungspasswort (Hochladen der Fotos)',
  },
  'field.shopDomain': {
    en: 'Shopify: the shop’s xxx.myshopify.com address',
    fr: 'Shopify : l’adresse xxx.myshopify.com de la boutique',
    de: 'Shopify: die xxx.myshopify.com-Adresse des Shops',
  },
  'field.locationId': {
    en: 'Shopify: the location to stock (gid://shopify/Location/…); default the primary one',
    fr: 'Shopify : l’emplacement à approvisionner (gid://shopify/Location/…) ; par défaut, le principal',
    de: 'Shopify: der Standort für den Bestand (gid://shopify/Location/…); standardmäßig der Hauptstandort',
  },
  'field.baseUrl': {
    en: 'Shopify: send every call to this origin instead (a test server)',
    fr: 'Shopify : envoyer chaque appel à cette origine à la place (un serveur de test)',
    de: 'Shopify: jeden Aufruf stattdessen an diesen Ursprung senden (ein Testserver)',
  },
  'field.accessToken': {
    en: 'Shopify: Admin API access token (shpat_…)',
    fr: 'Shopify : jeton d’accès Admin API (shpat_…)',
    de: 'Shopify: Admin-API-Zugriffstoken (shpat_…)',
  },
  'field.clientId': {
    en: 'Shopify: the app’s client id (instead of a token)',
    fr: 'Shopify : l’ID client de l’app (au lieu d’un jeton)',
    de: 'Shopify: die Client-ID der App (statt eines Tokens)',
  },
  'field.clientSecret': {
    en: 'Shopify: the app’s client secret',
    fr: 'Shopify : le secret client de l’app',
    de: 'Shopify: das Client-Secret der App',
  },
  'field.adminApiUrl': {
    en: 'Vendure: the Admin API address, https://…/admin-api',
    fr: 'Vendure : l’adresse de l’Admin API, https://…/admin-api',
    de: 'Vendure: die Adresse der Admin-API, https://…/admin-api',
  },
  'field.channelToken': {
    en: 'Vendure: the channel’s token (multi-channel shops)',
    fr: 'Vendure : le jeton du canal (boutiques à plusieurs canaux)',
    de: 'Vendure: das Token des Kanals (Shops mit mehreren Kanälen)',
  },
  'field.languageCode': {
    en: 'Vendure: the language Rebound writes products in (default en)',
    fr: 'Vendure : la langue dans laquelle Rebound rédige les produits (par défaut en)',
    de: 'Vendure: die Sprache, in der Rebound die Produkte schreibt (Standard: en)',
  },
  'field.currencyCode': {
    en: 'Vendure: the currency Rebound prices in (default the channel’s)',
    fr: 'Vendure : la devise des prix de Rebound (par défaut celle du canal)',
    de: 'Vendure: die Währung der Preise von Rebound (standardmäßig die des Kanals)',
  },
  'field.compareAtCustomField': {
    en: 'Vendure: the int custom field that shows the original price',
    fr: 'Vendure : le champ personnalisé entier (int) qui affiche le prix d’origine',
    de: 'Vendure: das ganzzahlige benutzerdefinierte Feld (int), das den Originalpreis zeigt',
  },
  'field.storefrontProductUrl': {
    en: 'Vendure: the product page address with {slug}',
    fr: 'Vendure : l’adresse de la page produit, avec {slug}',
    de: 'Vendure: die Adresse der Produktseite mit {slug}',
  },
  'field.username': {
    en: 'Vendure: administrator user name',
    fr: 'Vendure : nom d’utilisateur administrateur',
    de: 'Vendure: Benutzername des Administrators',
  },
  'field.password': {
    en: 'Vendure: administrator password',
    fr: 'Vendure : mot de passe administrateur',
    de: 'Vendure: Passwort des Administrators',
  },
  'configure.description': {
    en: 'store the shop’s address and credentials (credentials are kept encrypted)',
    fr: 'enregistre l’adresse et les identifiants de la boutique (les identifiants sont enregistrés chiffrés)',
    de: 'speichert Adresse und Zugangsdaten des Shops (Zugangsdaten werden verschlüsselt gespeichert)',
  },
  'configure.helpEnvironment': {
    en: "Credentials may come from the environment instead of the command line (kept out of the shell's\nhistory):",
    fr: 'Les identifiants peuvent venir de l’environnement plutôt que de la ligne de commande (ils restent\nhors de l’historique du shell) :',
    de: 'Zugangsdaten können statt aus der Kommandozeile aus der Umgebung kommen (so bleiben sie aus dem\nVerlauf der Shell heraus):',
  },
  'configure.helpKeep': {
    en: 'Credentials left out keep the stored ones. Run `rebound shop test` afterwards.',
    fr: 'Un identifiant omis garde la valeur enregistrée. Lancez ensuite `rebound shop test`.',
    de: 'Nicht angegebene Zugangsdaten bleiben wie gespeichert. Führen Sie danach `rebound shop test` aus.',
  },
  'configure.helpExamples': {
    en: 'Examples:',
    fr: 'Exemples :',
    de: 'Beispiele:',
  },
  'configure.helpWithEnvironment': {
    en: '# with REBOUND_SHOP_CONSUMER_KEY, _CONSUMER_SECRET, _WP_APP_PASSWORD set',
    fr: '# avec REBOUND_SHOP_CONSUMER_KEY, _CONSUMER_SECRET, _WP_APP_PASSWORD définies',
    de: '# mit gesetztem REBOUND_SHOP_CONSUMER_KEY, _CONSUMER_SECRET, _WP_APP_PASSWORD',
  },
  'configure.foreign': {
    en: {
      one: '{{flags}} does not apply to {{platform}}.',
      other: '{{flags}} do not apply to {{platform}}.',
    },
    fr: {
      one: '{{flags}} ne s’applique pas à {{platform}}.',
      other: '{{flags}} ne s’appliquent pas à {{platform}}.',
    },
    de: { one: '{{flags}} gilt nicht für {{platform}}.', other: '{{flags}} gelten nicht für {{platform}}.' },
  },
  'test.description': {
    en: 'call the shop and say in plain words what is wrong (exit 1 when it does not work)',
    fr: 'appelle la boutique et dit en clair ce qui ne va pas (code de sortie 1 si elle ne fonctionne pas)',
    de: 'ruft den Shop auf und sagt in klaren Worten, was nicht stimmt (Exit-Code 1, wenn er nicht funktioniert)',
  },
  'test.failed': {
    en: '{{platform}} does not work yet: {{problems}}',
    fr: '{{platform}} ne fonctionne pas encore : {{problems}}',
    de: '{{platform}} funktioniert noch nicht: {{problems}}',
  },
  'test.connected': {
    en: '✓ {{platform}}: connected{{to}}.',
    fr: '✓ {{platform}} : connectée{{to}}.',
    de: '✓ {{platform}}: verbunden{{to}}.',
  },
  'test.connectedTo': {
    en: ' to “{{name}}”',
    fr: ' à « {{name}} »',
    de: ' mit „{{name}}“',
  },
  'test.notWorking': {
    en: '✗ {{platform}}: the connection does not work yet.',
    fr: '✗ {{platform}} : la connexion ne fonctionne pas encore.',
    de: '✗ {{platform}}: Die Verbindung funktioniert noch nicht.',
  },
  'status.description': {
    en: 'which shops each merchant has, their addresses and last connection test (never a secret)',
    fr: 'les boutiques de chaque marchand, leurs adresses et leur dernier test de connexion (jamais un secret)',
    de: 'welche Shops jeder Händler hat, ihre Adressen und der letzte Verbindungstest (nie ein Geheimnis)',
  },
  'remove.description': {
    en: 'forget the merchant’s account on a shop platform (its credentials are deleted)',
    fr: 'oublie le compte du marchand sur une plateforme de boutique (ses identifiants sont effacés)',
    de: 'vergisst das Konto des Händlers auf einer Shop-Plattform (seine Zugangsdaten werden gelöscht)',
  },
  'watermark.description': {
    en: 'mark the merchant’s shop photos with a text and/or a logo (never eBay’s)',
    fr: 'marque les photos de la boutique du marchand d’un texte et/ou d’un logo (jamais celles d’eBay)',
    de: 'versieht die Shop-Fotos des Händlers mit einem Text und/oder einem Logo (nie die für eBay)',
  },
  'option.text': {
    en: 'e.g. "Larkfield Outlet"; an empty text removes it',
    fr: 'p. ex. "Larkfield Outlet" ; un texte vide le retire',
    de: 'z. B. "Larkfield Outlet"; ein leerer Text entfernt ihn',
  },
  'option.logo': {
    en: 'a PNG logo (transparent background), copied into the data folder',
    fr: 'un logo PNG (fond transparent), copié dans le dossier de données',
    de: 'ein PNG-Logo (transparenter Hintergrund), wird in den Datenordner kopiert',
  },
  'option.noLogo': {
    en: 'remove the logo',
    fr: 'retirer le logo',
    de: 'das Logo entfernen',
  },
  'option.opacity': {
    en: 'from 0.05 to 1 (at first 0.35, then as stored)',
    fr: 'de 0.05 à 1 (d’abord 0.35, ensuite la valeur enregistrée)',
    de: 'von 0.05 bis 1 (anfangs 0.35, danach der gespeicherte Wert)',
  },
  'option.position': {
    en: 'where on the photo (at first bottom-right, then as stored)',
    fr: 'où sur la photo (d’abord bottom-right, ensuite la valeur enregistrée)',
    de: 'wo auf dem Foto (anfangs bottom-right, danach der gespeicherte Wert)',
  },
  'option.off': {
    en: 'no watermark: shop photos go out as they are',
    fr: 'pas de filigrane : les photos de la boutique partent telles quelles',
    de: 'kein Wasserzeichen: Shop-Fotos gehen unverändert hinaus',
  },
  'watermark.opacityNumber': {
    en: '--opacity must be a number, got “{{value}}”.',
    fr: '--opacity doit être un nombre, reçu « {{value}} ».',
    de: '--opacity muss eine Zahl sein, erhalten: „{{value}}“.',
  },
  'watermark.none': {
    en: '{{merchant}}: shop photos carry no watermark.',
    fr: '{{merchant}} : les photos de la boutique ne portent pas de filigrane.',
    de: '{{merchant}}: Shop-Fotos tragen kein Wasserzeichen.',
  },
  'merchant.unknown': {
    en: 'No merchant “{{merchant}}”.',
    fr: 'Aucun marchand « {{merchant}} ».',
    de: 'Kein Händler „{{merchant}}“.',
  },
  'shops.merchant': {
    en: '{{name}} (merchant {{id}})',
    fr: '{{name}} (marchand {{id}})',
    de: '{{name}} (Händler {{id}})',
  },
  'shops.none': {
    en: 'no shop configured (run `rebound shop configure`)',
    fr: 'aucune boutique configurée (lancez `rebound shop configure`)',
    de: 'kein Shop eingerichtet (führen Sie `rebound shop configure` aus)',
  },
  'shops.testOk': {
    en: 'connection ok{{name}} at {{time}}',
    fr: 'connexion OK{{name}}, vérifiée le {{time}}',
    de: 'Verbindung OK{{name}}, geprüft am {{time}}',
  },
  'shops.testFailed': {
    en: 'last test failed at {{time}}: {{problems}}',
    fr: 'dernier test en échec le {{time}} : {{problems}}',
    de: 'letzter Test fehlgeschlagen am {{time}}: {{problems}}',
  },
  'shops.untested': {
    en: 'not tested yet (run `rebound shop test`)',
    fr: 'pas encore testée (lancez `rebound shop test`)',
    de: 'noch nicht getestet (führen Sie `rebound shop test` aus)',
  },
  'shops.credentials': {
    en: 'credentials stored: {{names}}',
    fr: 'identifiants enregistrés : {{names}}',
    de: 'gespeicherte Zugangsdaten: {{names}}',
  },
  'shops.noCredentials': {
    en: 'none',
    fr: 'aucun',
    de: 'keine',
  },
  'shops.watermark': {
    en: 'watermark on shop photos: {{what}}, {{position}}, opacity {{opacity}}',
    fr: 'filigrane sur les photos de la boutique : {{what}}, {{position}}, opacité {{opacity}}',
    de: 'Wasserzeichen auf Shop-Fotos: {{what}}, {{position}}, Deckkraft {{opacity}}',
  },
  'shops.watermarkText': {
    en: '“{{text}}”',
    fr: '« {{text}} »',
    de: '„{{text}}“',
  },
  'shops.logo': {
    en: 'logo',
    fr: 'logo',
    de: 'Logo',
  },
  'position.bottom-right': { en: 'bottom-right', fr: 'en bas à droite', de: 'unten rechts' },
  'position.bottom-left': { en: 'bottom-left', fr: 'en bas à gauche', de: 'unten links' },
  'position.top-right': { en: 'top-right', fr: 'en haut à droite', de: 'oben rechts' },
  'position.top-left': { en: 'top-left', fr: 'en haut à gauche', de: 'oben links' },
  'position.center': { en: 'center', fr: 'au centre', de: 'Mitte' },
});
