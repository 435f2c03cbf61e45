import { defineCliTexts } from '../texts';

/** The words of `rebound backup`, `rebound restore` and the question before migrating (cli/backup.ts). */
export const BACKUP_TEXTS = defineCliTexts({
  'migrate.announce': {
    en: 'Migrating {{dir}} from schema {{from}} to {{to}}; a backup is kept in {{where}}.',
    fr: 'Migration de {{dir}} du schéma {{from}} vers le schéma {{to}} ; une sauvegarde est gardée dans {{where}}.',
    de: '{{dir}} wird von Schema {{from}} auf Schema {{to}} migriert; eine Sicherung wird in {{where}} aufbewahrt.',
  },
  'migrate.what': {
    en: 'The data folder {{dir}} is at schema {{from}}; this Rebound ({{version}}) would migrate it to schema {{to}}, which older versions of Rebound cannot open (a backup is kept in {{where}} first).',
    fr: 'Le dossier de données {{dir}} est au schéma {{from}} ; ce Rebound ({{version}}) le migrerait vers le schéma {{to}}, que les versions plus anciennes de Rebound ne savent pas ouvrir (une sauvegarde est d’abord gardée dans {{where}}).',
    de: 'Der Datenordner {{dir}} hat Schema {{from}}; dieses Rebound ({{version}}) würde ihn auf Schema {{to}} migrieren, das ältere Versionen von Rebound nicht öffnen können (vorher wird eine Sicherung in {{where}} aufbewahrt).',
  },
  'migrate.question': {
    en: 'Migrate it now? [y/N] ',
    fr: 'Le migrer maintenant ? [o/N] ',
    de: 'Jetzt migrieren? [j/N] ',
  },
  'migrate.declined': {
    en: 'Not migrated: {{dir}} stays at schema {{from}}. Nothing was changed.',
    fr: 'Pas de migration : {{dir}} reste au schéma {{from}}. Rien n’a été modifié.',
    de: 'Nicht migriert: {{dir}} bleibt bei Schema {{from}}. Es wurde nichts geändert.',
  },
  'migrate.refused': {
    en: '{{what}} Nothing was changed: run the command again with --yes to migrate it.',
    fr: '{{what}} Rien n’a été modifié : relancez la commande avec --yes pour le migrer.',
    de: '{{what}} Es wurde nichts geändert: Führen Sie den Befehl mit --yes erneut aus, um ihn zu migrieren.',
  },
  'size.kb': { en: '{{size}} KB', fr: '{{size}} Ko', de: '{{size}} KB' },
  'size.mb': { en: '{{size}} MB', fr: '{{size}} Mo', de: '{{size}} MB' },
  'backup.description': {
    en: 'copy the workspace database to a file: a consistent copy, also while Rebound runs; never over an existing file',
    fr: 'copie la base de données de l’espace de travail dans un fichier : une copie cohérente, même pendant que Rebound tourne ; jamais par-dessus un fichier existant',
    de: 'kopiert die Datenbank des Arbeitsbereichs in eine Datei: eine konsistente Kopie, auch während Rebound läuft; nie über eine vorhandene Datei',
  },
  'backup.out': {
    en: 'the file to write (must not exist)',
    fr: 'le fichier à écrire (ne doit pas exister)',
    de: 'die zu schreibende Datei (darf nicht existieren)',
  },
  'backup.done': {
    en: 'Backed up {{dir}} (schema {{schema}}) to {{file}}, {{size}}.',
    fr: '{{dir}} (schéma {{schema}}) sauvegardé dans {{file}}, {{size}}.',
    de: '{{dir}} (Schema {{schema}}) gesichert in {{file}}, {{size}}.',
  },
  'restore.description': {
    en: 'replace the workspace database with a backup (checked first); refused while the workspace is open; the database it replaces is kept in backups/',
    fr: 'remplace la base de données de l’espace de travail par une sauvegarde (vérifiée d’abord) ; refusé tant que l’espace de travail est ouvert ; la base remplacée est gardée dans backups/',
    de: 'ersetzt die Datenbank des Arbeitsbereichs durch eine Sicherung (vorher geprüft); abgelehnt, solange der Arbeitsbereich geöffnet ist; die ersetzte Datenbank wird in backups/ aufbewahrt',
  },
  'restore.file': {
    en: 'the backup: a file `rebound backup` wrote, or one of the data folder’s backups/',
    fr: 'la sauvegarde : un fichier écrit par `rebound backup`, ou l’un de ceux du dossier backups/ du dossier de données',
    de: 'die Sicherung: eine Datei, die `rebound backup` geschrieben hat, oder eine aus dem Ordner backups/ im Datenordner',
  },
  'restore.done': {
    en: 'Restored {{file}} (schema {{schema}}) as {{database}}.',
    fr: '{{file}} (schéma {{schema}}) restauré sous {{database}}.',
    de: '{{file}} (Schema {{schema}}) wiederhergestellt als {{database}}.',
  },
  'restore.previous': {
    en: 'The database it replaced is kept as {{file}}.',
    fr: 'La base qu’elle remplace est gardée sous {{file}}.',
    de: 'Die ersetzte Datenbank wird als {{file}} aufbewahrt.',
  },
  'restore.migrates': {
    en: 'It is at an older schema: Rebound migrates it to schema {{to}} when it next opens it (commands ask first, or take --yes).',
    fr: 'Elle est à un schéma plus ancien : Rebound la migre vers le schéma {{to}} à sa prochaine ouverture (les commandes demandent d’abord, ou acceptent --yes).',
    de: 'Sie hat ein älteres Schema: Rebound migriert sie beim nächsten Öffnen auf Schema {{to}} (Befehle fragen vorher nach oder akzeptieren --yes).',
  },
});
