import { defineCliTexts } from '../texts';

/** The words of `rebound server …` (cli/server.ts). */
export const SERVER_TEXTS = defineCliTexts({
  'option.database': {
    en: 'the PostgreSQL database: postgres://USER:PASSWORD@HOST:PORT/DB',
    fr: 'la base PostgreSQL : postgres://UTILISATEUR:MOTDEPASSE@HOTE:PORT/BASE',
    de: 'die PostgreSQL-Datenbank: postgres://BENUTZER:PASSWORT@HOST:PORT/DB',
  },
  'option.photos': {
    en: 'the folder every instance shares (a network share): photos, exports, the secrets key',
    fr: 'le dossier que partagent toutes les instances (un partage réseau) : photos, exports, la clé qui protège les secrets',
    de: 'der Ordner, den alle Instanzen teilen (eine Netzwerkfreigabe): Fotos, Exporte, der Schlüssel für die Secrets',
  },
  'option.json': {
    en: 'print machine-readable JSON',
    fr: 'affiche du JSON lisible par un programme',
    de: 'gibt maschinenlesbares JSON aus',
  },
  'server.description': {
    en: 'run an instance of the Rebound server on PostgreSQL (start as many as you like on one database)',
    fr: 'lance une instance du serveur Rebound sur PostgreSQL (autant que vous voulez sur une même base)',
    de: 'startet eine Instanz des Rebound-Servers auf PostgreSQL (beliebig viele auf einer Datenbank)',
  },
  'error.noDatabase': {
    en: '--database (or REBOUND_DATABASE) names the PostgreSQL database.',
    fr: 'Indiquez la base PostgreSQL avec --database (ou REBOUND_DATABASE).',
    de: 'Geben Sie die PostgreSQL-Datenbank mit --database (oder REBOUND_DATABASE) an.',
  },
  'error.notPostgres': {
    en: '--database must be a postgres:// address, got {{url}}.',
    fr: '--database doit être une adresse postgres://, pas {{url}}.',
    de: '--database muss eine postgres://-Adresse sein, nicht {{url}}.',
  },
  'error.noPhotos': {
    en: '--photos (or REBOUND_PHOTOS) names the folder every instance shares.',
    fr: 'Indiquez avec --photos (ou REBOUND_PHOTOS) le dossier que partagent toutes les instances.',
    de: 'Geben Sie mit --photos (oder REBOUND_PHOTOS) den Ordner an, den alle Instanzen teilen.',
  },
  running: {
    en: 'Rebound server instance {{instance}} on {{database}}\nOpen {{url}} and sign in.\nPress Ctrl+C to stop.',
    fr: 'Instance {{instance}} du serveur Rebound sur {{database}}\nOuvrez {{url}} et connectez-vous.\nAppuyez sur Ctrl+C pour l’arrêter.',
    de: 'Rebound-Server-Instanz {{instance}} auf {{database}}\nÖffnen Sie {{url}} und melden Sie sich an.\nDrücken Sie Strg+C zum Beenden.',
  },
  'error.lost': {
    en: 'Stopped: this instance lost its connection to the database ({{reason}}), so it can no longer prove it is alive and another instance may take its work over. Start it again.',
    fr: 'Arrêtée : cette instance a perdu sa connexion à la base ({{reason}}) ; elle ne peut plus prouver qu’elle est en vie, et une autre instance peut reprendre son travail. Relancez-la.',
    de: 'Beendet: Diese Instanz hat die Verbindung zur Datenbank verloren ({{reason}}), kann also nicht mehr nachweisen, dass sie läuft, und eine andere Instanz kann ihre Arbeit übernehmen. Starten Sie sie erneut.',
  },
  'init.description': {
    en: 'create the schema in an empty database, and its first admin',
    fr: 'crée le schéma dans une base vide, et son premier administrateur',
    de: 'legt das Schema in einer leeren Datenbank an, dazu ihren ersten Administrator',
  },
  'init.admin': {
    en: 'the first admin’s name',
    fr: 'le nom du premier administrateur',
    de: 'der Name des ersten Administrators',
  },
  'init.passwordStdin': {
    en: 'read the admin’s password from standard input (required)',
    fr: 'lit le mot de passe de l’administrateur sur l’entrée standard (obligatoire)',
    de: 'liest das Passwort des Administrators von der Standardeingabe (erforderlich)',
  },
  'error.passwordStdin': {
    en: 'Pass --password-stdin and give the password on standard input.',
    fr: 'Ajoutez --password-stdin et donnez le mot de passe sur l’entrée standard.',
    de: 'Geben Sie --password-stdin an und übergeben Sie das Passwort über die Standardeingabe.',
  },
  'error.initialisedBefore': {
    en: '{{database}} already has people: it was initialised before. Start it with `rebound server`.',
    fr: 'La base {{database}} a déjà des utilisateurs : elle a été initialisée auparavant. Démarrez-la avec `rebound server`.',
    de: 'Die Datenbank {{database}} hat bereits Benutzer, wurde also schon eingerichtet. Starten Sie sie mit `rebound server`.',
  },
  'init.done': {
    en: 'Initialised {{database}} (schema {{schema}}); {{admin}} can sign in as its admin.',
    fr: 'Base {{database}} initialisée (schéma {{schema}}) ; {{admin}} peut s’y connecter comme administrateur.',
    de: 'Die Datenbank {{database}} ist eingerichtet (Schema {{schema}}); {{admin}} kann sich als Administrator anmelden.',
  },
});
