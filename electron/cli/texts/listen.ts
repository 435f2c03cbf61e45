import { defineCliTexts } from '../texts';

/** The words of the serving commands' listening options (cli/listen.ts). */
export const LISTEN_TEXTS = defineCliTexts({
  'option.host': { en: 'address to bind', fr: 'adresse d’écoute', de: 'Adresse, auf der gelauscht wird' },
  'option.port': {
    en: 'port to bind (0 picks a free one)',
    fr: 'port d’écoute (0 en choisit un libre)',
    de: 'Port, auf dem gelauscht wird (0 wählt einen freien)',
  },
  'option.allowRemote': {
    en: 'allow binding to an address other than loopback, so other devices can sign in (needs --tls-cert and --tls-key, or --insecure-http)',
    fr: 'permet d’écouter sur une autre adresse que la boucle locale, pour que d’autres appareils se connectent (demande --tls-cert et --tls-key, ou --insecure-http)',
    de: 'erlaubt eine andere Adresse als Loopback, damit sich andere Geräte anmelden können (braucht --tls-cert und --tls-key oder --insecure-http)',
  },
  'option.tlsCert': {
    en: 'certificate (PEM) to serve HTTPS with',
    fr: 'certificat (PEM) pour servir en HTTPS',
    de: 'Zertifikat (PEM) für HTTPS',
  },
  'option.tlsKey': {
    en: 'private key (PEM) of that certificate',
    fr: 'clé privée (PEM) de ce certificat',
    de: 'privater Schlüssel (PEM) dieses Zertifikats',
  },
  'option.insecureHttp': {
    en: 'with --allow-remote: serve plain HTTP anyway (only behind a TLS reverse proxy)',
    fr: 'avec --allow-remote : sert quand même en HTTP simple (seulement derrière un proxy inverse TLS)',
    de: 'mit --allow-remote: trotzdem einfaches HTTP (nur hinter einem TLS-Reverse-Proxy)',
  },
  'error.loopbackOnly': {
    en: 'Refusing to listen on {{host}}: only loopback is allowed without --allow-remote.',
    fr: 'Refus d’écouter sur {{host}} : seule la boucle locale est permise sans --allow-remote.',
    de: 'Lauschen auf {{host}} abgelehnt: ohne --allow-remote ist nur Loopback erlaubt.',
  },
  'error.tlsPair': {
    en: '--tls-cert and --tls-key go together.',
    fr: '--tls-cert et --tls-key vont ensemble.',
    de: '--tls-cert und --tls-key gehören zusammen.',
  },
  'error.plainHttp': {
    en: 'Refusing to serve {{host}} over plain HTTP: passwords and sessions would cross the network readable. Give --tls-cert and --tls-key, or put Rebound behind a TLS reverse proxy and say --insecure-http.',
    fr: 'Refus de servir {{host}} en HTTP simple : mots de passe et sessions traverseraient le réseau en clair. Donnez --tls-cert et --tls-key, ou placez Rebound derrière un proxy inverse TLS et indiquez --insecure-http.',
    de: 'Ausliefern von {{host}} über einfaches HTTP abgelehnt: Passwörter und Sitzungen gingen lesbar durchs Netz. Geben Sie --tls-cert und --tls-key an oder stellen Sie Rebound hinter einen TLS-Reverse-Proxy und sagen Sie --insecure-http.',
  },
});
