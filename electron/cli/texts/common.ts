import { defineCliTexts } from '../texts';

/** The words every command shares (cli/common.ts): the workspace options and their mistakes. */
export const COMMON_TEXTS = defineCliTexts({
  'option.dataDir': {
    en: 'data folder (default: the desktop app’s, or $REBOUND_DATA_DIR)',
    fr: 'dossier de données (par défaut : celui de l’application de bureau, ou $REBOUND_DATA_DIR)',
    de: 'Datenordner (Standard: der der Desktop-App oder $REBOUND_DATA_DIR)',
  },
  'option.database': {
    en: 'a server’s PostgreSQL database instead of a data folder (postgres://…)',
    fr: 'la base PostgreSQL d’un serveur au lieu d’un dossier de données (postgres://…)',
    de: 'die PostgreSQL-Datenbank eines Servers statt eines Datenordners (postgres://…)',
  },
  'option.photos': {
    en: 'with --database: the folder the server’s instances share',
    fr: 'avec --database : le dossier que partagent les instances du serveur',
    de: 'mit --database: der Ordner, den die Instanzen des Servers teilen',
  },
  'option.lang': {
    en: 'language of messages (default: from LANG, else English)',
    fr: 'langue des messages (par défaut : celle de LANG, sinon l’anglais)',
    de: 'Sprache der Meldungen (Standard: aus LANG, sonst Englisch)',
  },
  'option.json': {
    en: 'print machine-readable JSON',
    fr: 'affiche du JSON lisible par un programme',
    de: 'gibt maschinenlesbares JSON aus',
  },
  'option.yes': {
    en: 'migrate an older data folder to this version’s schema without asking (a backup is taken first)',
    fr: 'migre sans demander un dossier de données plus ancien vers le schéma de cette version (une sauvegarde est faite d’abord)',
    de: 'migriert einen älteren Datenordner ohne Rückfrage auf das Schema dieser Version (vorher wird eine Sicherung angelegt)',
  },
  'error.databaseUrl': {
    en: '--database must be a postgres:// address.',
    fr: '--database doit être une adresse postgres://.',
    de: '--database muss eine postgres://-Adresse sein.',
  },
  'error.databaseNeedsPhotos': {
    en: '--database needs --photos: the folder the server’s instances share.',
    fr: '--database demande --photos : le dossier que partagent les instances du serveur.',
    de: '--database braucht --photos: den Ordner, den die Instanzen des Servers teilen.',
  },
  'error.noMerchant': {
    en: 'There is no merchant “{{value}}”.',
    fr: 'Il n’y a pas de marchand « {{value}} ».',
    de: 'Es gibt keinen Händler „{{value}}“.',
  },
  'error.merchants': {
    en: ' Merchants: {{list}}.',
    fr: ' Marchands : {{list}}.',
    de: ' Händler: {{list}}.',
  },
  'error.cannotRead': {
    en: '{{option}}: cannot read {{file}} ({{reason}}).',
    fr: '{{option}} : impossible de lire {{file}} ({{reason}}).',
    de: '{{option}}: {{file}} kann nicht gelesen werden ({{reason}}).',
  },
  'error.wholeNumber': {
    en: '{{name}} must be a whole number, got “{{value}}”.',
    fr: '{{name}} doit être un nombre entier, pas « {{value}} ».',
    de: '{{name}} muss eine ganze Zahl sein, nicht „{{value}}“.',
  },
  'error.passwordStdin': {
    en: 'Give the password on standard input (one line).',
    fr: 'Donnez le mot de passe sur l’entrée standard (une ligne).',
    de: 'Geben Sie das Passwort über die Standardeingabe ein (eine Zeile).',
  },
});
