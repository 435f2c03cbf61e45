import { defineCliTexts } from '../texts';

/** The words of `rebound migrate` (cli/migrate.ts). */
export const MIGRATE_TEXTS = defineCliTexts({
  'usage.from': {
    en: '--from names the desk’s data folder to copy.',
    fr: '--from indique le dossier de données du poste à copier.',
    de: '--from gibt den zu kopierenden Datenordner des Arbeitsplatzes an.',
  },
  'usage.to': {
    en: '--to names the server’s PostgreSQL database: postgres://…',
    fr: '--to indique la base PostgreSQL du serveur : postgres://…',
    de: '--to gibt die PostgreSQL-Datenbank des Servers an: postgres://…',
  },
  'usage.notPostgres': {
    en: '--to must be a postgres:// address, got {{url}}.',
    fr: '--to doit être une adresse postgres://, reçu {{url}}.',
    de: '--to muss eine postgres://-Adresse sein, erhalten: {{url}}.',
  },
  'usage.photos': {
    en: '--photos names the folder every server instance shares.',
    fr: '--photos indique le dossier que partagent toutes les instances du serveur.',
    de: '--photos gibt den Ordner an, den alle Serverinstanzen gemeinsam nutzen.',
  },
  noWorkspace: {
    en: 'There is no Rebound workspace in {{dir}} (no rebound.sqlite).',
    fr: 'Il n’y a pas d’espace de travail Rebound dans {{dir}} (pas de rebound.sqlite).',
    de: 'In {{dir}} gibt es keinen Rebound-Arbeitsbereich (keine rebound.sqlite).',
  },
  'report.rows': {
    en: { one: '{{rows}} row', other: '{{rows}} rows' },
    fr: { one: '{{rows}} ligne', other: '{{rows}} lignes' },
    de: { one: '{{rows}} Zeile', other: '{{rows}} Zeilen' },
  },
  'report.photos': {
    en: {
      one: 'photos: {{files}} file, {{bytes}} bytes',
      other: 'photos: {{files}} files, {{bytes}} bytes',
    },
    fr: {
      one: 'photos : {{files}} fichier, {{bytes}} octets',
      other: 'photos : {{files}} fichiers, {{bytes}} octets',
    },
    de: {
      one: 'Fotos: {{files}} Datei, {{bytes}} Bytes',
      other: 'Fotos: {{files}} Dateien, {{bytes}} Bytes',
    },
  },
  'report.verified': { en: 'verified', fr: 'vérifié', de: 'geprüft' },
  description: {
    en: 'copy a desk’s workspace into a new, empty server database and its shared folder',
    fr: 'copie l’espace de travail d’un poste dans une base de données serveur neuve et vide, et dans son dossier partagé',
    de: 'kopiert den Arbeitsbereich eines Arbeitsplatzes in eine neue, leere Serverdatenbank und ihren gemeinsamen Ordner',
  },
  'option.from': {
    en: 'the desk’s data folder (the one holding rebound.sqlite)',
    fr: 'le dossier de données du poste (celui qui contient rebound.sqlite)',
    de: 'der Datenordner des Arbeitsplatzes (der mit rebound.sqlite)',
  },
  'option.to': {
    en: 'the server’s PostgreSQL database: postgres://USER:PASSWORD@HOST:PORT/DB',
    fr: 'la base PostgreSQL du serveur : postgres://UTILISATEUR:MOT_DE_PASSE@HÔTE:PORT/BASE',
    de: 'die PostgreSQL-Datenbank des Servers: postgres://BENUTZER:PASSWORT@HOST:PORT/DB',
  },
  'option.photos': {
    en: 'the folder every server instance shares: photos and the secrets key',
    fr: 'le dossier que partagent toutes les instances du serveur : les photos et la clé des secrets',
    de: 'der Ordner, den alle Serverinstanzen gemeinsam nutzen: Fotos und der Schlüssel für die Geheimnisse',
  },
});
