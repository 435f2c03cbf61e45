import { defineMessages } from '../define';

/** What taking and restoring backups says (electron/services/backup). */
export const BACKUP_MESSAGES = defineMessages({
  'backup.no_database': {
    en: 'There is no Rebound database in {{dir}}.',
    fr: 'Il n’y a pas de base Rebound dans {{dir}}.',
    de: 'In {{dir}} gibt es keine Rebound-Datenbank.',
  },
  'backup.target_exists': {
    en: '{{file}} already exists: a backup never overwrites a file. Give another name, or remove it first.',
    fr: '{{file}} existe déjà : une sauvegarde n’écrase jamais un fichier. Donnez un autre nom ou supprimez-le d’abord.',
    de: '{{file}} gibt es schon: Eine Sicherung überschreibt nie eine Datei. Geben Sie einen anderen Namen an oder entfernen Sie sie zuerst.',
  },
  'backup.no_target_folder': {
    en: 'There is no folder {{dir}} to write {{file}} into.',
    fr: 'Le dossier {{dir}} où écrire {{file}} n’existe pas.',
    de: 'Den Ordner {{dir}}, in den {{file}} geschrieben werden soll, gibt es nicht.',
  },
  'backup.cannot_open': {
    en: 'Cannot open {{file}}: {{reason}}.',
    fr: 'Impossible d’ouvrir {{file}} : {{reason}}.',
    de: '{{file}} lässt sich nicht öffnen: {{reason}}.',
  },
  'backup.not_sqlite': {
    en: '{{file}} is not a SQLite database, so not a Rebound backup.',
    fr: '{{file}} n’est pas une base SQLite, donc pas une sauvegarde Rebound.',
    de: '{{file}} ist keine SQLite-Datenbank und damit keine Rebound-Sicherung.',
  },
  'backup.not_rebound': {
    en: '{{file}} is not a Rebound database (it lacks Rebound’s tables).',
    fr: '{{file}} n’est pas une base Rebound (les tables de Rebound y manquent).',
    de: '{{file}} ist keine Rebound-Datenbank (ihr fehlen die Tabellen von Rebound).',
  },
  'backup.newer': {
    en: '{{file}} was written by a newer version of Rebound (schema {{version}}; this version knows up to {{latest}}). Restore it with that version; nothing was changed.',
    fr: '{{file}} a été écrit par une version plus récente de Rebound (schéma {{version}} ; cette version connaît jusqu’au {{latest}}). Restaurez-le avec cette version ; rien n’a été modifié.',
    de: '{{file}} wurde von einer neueren Rebound-Version geschrieben (Schema {{version}}; diese Version kennt bis {{latest}}). Stellen Sie sie mit jener Version wieder her; nichts wurde geändert.',
  },
  'backup.damaged': {
    en: '{{file}} is damaged ({{problem}}), so it cannot be restored; nothing was changed. Choose an older backup.',
    fr: '{{file}} est corrompu ({{problem}}) et ne peut donc pas être restauré ; rien n’a été modifié. Choisissez une sauvegarde plus ancienne.',
    de: '{{file}} ist beschädigt ({{problem}}) und kann daher nicht wiederhergestellt werden; nichts wurde geändert. Wählen Sie eine ältere Sicherung.',
  },
  'backup.damaged_unreadable': { en: 'unreadable', fr: 'illisible', de: 'unlesbar' },
  'backup.no_file': {
    en: 'There is no file {{file}}.',
    fr: 'Le fichier {{file}} n’existe pas.',
    de: 'Die Datei {{file}} gibt es nicht.',
  },
  'backup.own_database': {
    en: '{{file}} is the workspace’s own database: give a backup of it.',
    fr: '{{file}} est la base même de l’espace de travail : indiquez une de ses sauvegardes.',
    de: '{{file}} ist die Datenbank des Arbeitsbereichs selbst: Geben Sie eine Sicherung davon an.',
  },
  'backup.workspace_open': {
    en: 'The workspace in {{dir}} is open (the Rebound app, rebound serve or another command): close it, then restore. Nothing was changed.',
    fr: 'L’espace de travail de {{dir}} est ouvert (l’application Rebound, rebound serve ou une autre commande) : fermez-le, puis restaurez. Rien n’a été modifié.',
    de: 'Der Arbeitsbereich in {{dir}} ist geöffnet (die Rebound-App, rebound serve oder ein anderer Befehl): Schließen Sie ihn und stellen Sie dann wieder her. Nichts wurde geändert.',
  },
});
