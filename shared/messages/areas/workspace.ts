import { defineMessages } from '../define';

/**
 * What the workspace and its database say: a file that is damaged or written by a newer version,
 * a migration that did not happen, copying a desk into a server database, and the demo workspace.
 * None tells a person in a window to run a command: the command line adds its own hints.
 */
export const WORKSPACE_MESSAGES = defineMessages({
  'workspace.damaged': {
    en: 'The database {{file}} is damaged ({{problem}}). Rebound did not open it, so nothing more was written to it. The latest backup is {{backup}}, taken {{taken}}: restore it to go on working.',
    fr: 'La base de données {{file}} est corrompue ({{problem}}). Rebound ne l’a pas ouverte : rien de plus n’y a été écrit. La dernière sauvegarde est {{backup}}, faite le {{taken}} : restaurez-la pour reprendre le travail.',
    de: 'Die Datenbank {{file}} ist beschädigt ({{problem}}). Rebound hat sie nicht geöffnet, es wurde also nichts mehr hineingeschrieben. Die letzte Sicherung ist {{backup}} vom {{taken}}: Stellen Sie sie wieder her, um weiterzuarbeiten.',
  },
  'workspace.damaged_no_backup': {
    en: 'The database {{file}} is damaged ({{problem}}). Rebound did not open it, so nothing more was written to it. There is no backup in {{folder}}: restore a copy kept elsewhere.',
    fr: 'La base de données {{file}} est corrompue ({{problem}}). Rebound ne l’a pas ouverte : rien de plus n’y a été écrit. Il n’y a aucune sauvegarde dans {{folder}} : restaurez une copie conservée ailleurs.',
    de: 'Die Datenbank {{file}} ist beschädigt ({{problem}}). Rebound hat sie nicht geöffnet, es wurde also nichts mehr hineingeschrieben. In {{folder}} gibt es keine Sicherung: Stellen Sie eine anderswo aufbewahrte Kopie wieder her.',
  },
  'workspace.unreadable': { en: 'unreadable', fr: 'illisible', de: 'unlesbar' },
  'workspace.newer': {
    en: 'This data folder was written by a newer version of Rebound (schema {{current}}; this version knows up to {{latest}}). Update Rebound to open it; nothing was changed.',
    fr: 'Ce dossier de données a été écrit par une version plus récente de Rebound (schéma {{current}} ; cette version connaît jusqu’au {{latest}}). Mettez Rebound à jour pour l’ouvrir ; rien n’a été modifié.',
    de: 'Dieser Datenordner wurde von einer neueren Rebound-Version geschrieben (Schema {{current}}; diese Version kennt bis {{latest}}). Aktualisieren Sie Rebound, um ihn zu öffnen; es wurde nichts geändert.',
  },
  'workspace.newer_server': {
    en: 'This server database was written by a newer version of Rebound (schema {{current}}; this version knows up to {{latest}}). Update Rebound on every instance; nothing was changed.',
    fr: 'Cette base de données serveur a été écrite par une version plus récente de Rebound (schéma {{current}} ; cette version connaît jusqu’au {{latest}}). Mettez Rebound à jour sur chaque instance ; rien n’a été modifié.',
    de: 'Diese Serverdatenbank wurde von einer neueren Rebound-Version geschrieben (Schema {{current}}; diese Version kennt bis {{latest}}). Aktualisieren Sie Rebound auf jeder Instanz; es wurde nichts geändert.',
  },
  'workspace.backup_before_migration_failed': {
    en: 'Rebound could not back up the database (schema {{current}}) before migrating it, so it did not migrate it; nothing was changed. {{detail}}',
    fr: 'Rebound n’a pas pu sauvegarder la base de données (schéma {{current}}) avant de la migrer : il ne l’a donc pas migrée ; rien n’a été modifié. {{detail}}',
    de: 'Rebound konnte die Datenbank (Schema {{current}}) vor der Migration nicht sichern und hat sie deshalb nicht migriert; es wurde nichts geändert. {{detail}}',
  },
  'workspace.migration_dangling': {
    en: {
      one: 'Migration {{version}} ({{name}}) would leave {{count}} row pointing at rows that do not exist ({{examples}}). It was rolled back: the database stays at schema {{at}} and nothing was lost.',
      other:
        'Migration {{version}} ({{name}}) would leave {{count}} rows pointing at rows that do not exist ({{examples}}). It was rolled back: the database stays at schema {{at}} and nothing was lost.',
    },
    fr: {
      one: 'La migration {{version}} ({{name}}) laisserait {{count}} ligne renvoyant à des lignes qui n’existent pas ({{examples}}). Elle a été annulée : la base reste au schéma {{at}} et rien n’a été perdu.',
      other:
        'La migration {{version}} ({{name}}) laisserait {{count}} lignes renvoyant à des lignes qui n’existent pas ({{examples}}). Elle a été annulée : la base reste au schéma {{at}} et rien n’a été perdu.',
    },
    de: {
      one: 'Migration {{version}} ({{name}}) würde {{count}} Zeile hinterlassen, die auf nicht vorhandene Zeilen verweist ({{examples}}). Sie wurde zurückgenommen: Die Datenbank bleibt bei Schema {{at}}, und nichts ging verloren.',
      other:
        'Migration {{version}} ({{name}}) würde {{count}} Zeilen hinterlassen, die auf nicht vorhandene Zeilen verweisen ({{examples}}). Sie wurde zurückgenommen: Die Datenbank bleibt bei Schema {{at}}, und nichts ging verloren.',
    },
  },
  'workspace.server_backup': {
    en: 'A server workspace is kept in PostgreSQL: back it up with the database’s own tools (pg_dump, or your host’s snapshots).',
    fr: 'Un espace de travail serveur est conservé dans PostgreSQL : sauvegardez-le avec les outils de la base de données (pg_dump, ou les instantanés de votre hébergeur).',
    de: 'Ein Server-Arbeitsbereich liegt in PostgreSQL: Sichern Sie ihn mit den Werkzeugen der Datenbank (pg_dump oder den Snapshots Ihres Hosters).',
  },

  // Copying a desk into a server database.
  'workspace.server_unreachable': {
    en: 'Rebound could not open the server database {{url}}: {{remote}}',
    fr: 'Rebound n’a pas pu ouvrir la base de données serveur {{url}} : {{remote}}',
    de: 'Rebound konnte die Serverdatenbank {{url}} nicht öffnen: {{remote}}',
  },
  'workspace.number_too_large': {
    en: 'The database returned {{value}}, too large to read exactly.',
    fr: 'La base de données a renvoyé {{value}}, trop grand pour être lu exactement.',
    de: 'Die Datenbank hat {{value}} geliefert, zu groß, um es genau zu lesen.',
  },
  'workspace.copy_mismatch': {
    en: 'The copy of {{table}} does not match the desk ({{rows}} rows, checksum {{checksum}}; the server has {{serverRows}}, {{serverChecksum}}): nothing was written to the server database.',
    fr: 'La copie de {{table}} ne correspond pas au poste ({{rows}} lignes, somme de contrôle {{checksum}} ; le serveur en a {{serverRows}}, {{serverChecksum}}) : rien n’a été écrit dans la base de données serveur.',
    de: 'Die Kopie von {{table}} stimmt nicht mit dem Arbeitsplatz überein ({{rows}} Zeilen, Prüfsumme {{checksum}}; der Server hat {{serverRows}}, {{serverChecksum}}): In die Serverdatenbank wurde nichts geschrieben.',
  },
  'workspace.server_not_empty': {
    en: 'The server database is not empty ({{tables}} hold rows): a desk is only copied into a new, empty database. Nothing was changed.',
    fr: 'La base de données serveur n’est pas vide ({{tables}} contiennent des lignes) : un poste ne se copie que dans une base neuve et vide. Rien n’a été modifié.',
    de: 'Die Serverdatenbank ist nicht leer ({{tables}} enthalten Zeilen): Ein Arbeitsplatz wird nur in eine neue, leere Datenbank kopiert. Es wurde nichts geändert.',
  },
  'workspace.unknown_tables': {
    en: 'This version of Rebound does not know how to copy the tables {{tables}}: use the same Rebound version for the desk and the server.',
    fr: 'Cette version de Rebound ne sait pas copier les tables {{tables}} : utilisez la même version de Rebound pour le poste et le serveur.',
    de: 'Diese Rebound-Version kann die Tabellen {{tables}} nicht kopieren: Verwenden Sie für Arbeitsplatz und Server dieselbe Rebound-Version.',
  },
  'workspace.desk_lacks_table': {
    en: 'The desk has no table {{table}}: open it with this version of Rebound first.',
    fr: 'Le poste n’a pas de table {{table}} : ouvrez-le d’abord avec cette version de Rebound.',
    de: 'Der Arbeitsplatz hat keine Tabelle {{table}}: Öffnen Sie ihn zuerst mit dieser Rebound-Version.',
  },
  'workspace.server_lacks_table': {
    en: 'The server database has no table {{table}}: its schema is not Rebound’s.',
    fr: 'La base de données serveur n’a pas de table {{table}} : son schéma n’est pas celui de Rebound.',
    de: 'Die Serverdatenbank hat keine Tabelle {{table}}: Ihr Schema ist nicht das von Rebound.',
  },
  'workspace.columns_differ': {
    en: 'The desk and the server have different columns: {{columns}}. Use the same Rebound version for both.',
    fr: 'Le poste et le serveur n’ont pas les mêmes colonnes : {{columns}}. Utilisez la même version de Rebound pour les deux.',
    de: 'Arbeitsplatz und Server haben unterschiedliche Spalten: {{columns}}. Verwenden Sie für beide dieselbe Rebound-Version.',
  },
  'workspace.missing_on_desk': {
    en: '{{columns}} missing on the desk',
    fr: 'absentes du poste : {{columns}}',
    de: 'am Arbeitsplatz fehlen {{columns}}',
  },
  'workspace.missing_on_server': {
    en: '{{columns}} missing on the server',
    fr: 'absentes du serveur : {{columns}}',
    de: 'auf dem Server fehlen {{columns}}',
  },
  'workspace.no_primary_key': {
    en: 'The desk’s table {{table}} has no primary key.',
    fr: 'La table {{table}} du poste n’a pas de clé primaire.',
    de: 'Die Tabelle {{table}} des Arbeitsplatzes hat keinen Primärschlüssel.',
  },
  'workspace.secret_not_bytes': {
    en: 'A sealed secret is not stored as bytes.',
    fr: 'Un secret scellé n’est pas stocké sous forme d’octets.',
    de: 'Ein versiegeltes Geheimnis ist nicht als Bytes gespeichert.',
  },
  'workspace.secret_unreadable': {
    en: 'The secret of channel account {{account}} (merchant {{merchant}}, {{channel}}) cannot be opened here, so it cannot be sealed for the server: {{detail}} Nothing was copied.',
    fr: 'Le secret du compte de canal {{account}} (marchand {{merchant}}, {{channel}}) ne peut pas être ouvert ici, donc pas scellé pour le serveur : {{detail}} Rien n’a été copié.',
    de: 'Das Geheimnis des Kanalkontos {{account}} (Händler {{merchant}}, {{channel}}) lässt sich hier nicht öffnen und daher nicht für den Server versiegeln: {{detail}} Es wurde nichts kopiert.',
  },
  'workspace.photo_copy_failed': {
    en: 'The photo file {{file}} could not be copied to {{folder}} whole.',
    fr: 'Le fichier photo {{file}} n’a pas pu être copié en entier dans {{folder}}.',
    de: 'Die Fotodatei {{file}} konnte nicht vollständig nach {{folder}} kopiert werden.',
  },

  // The demo workspace.
  'workspace.demo_not_empty': {
    en: 'This workspace already has merchants, items or people, so the demo was not added: sample data must never mix with real returns. Open the demo in a new, empty data folder instead.',
    fr: 'Cet espace de travail contient déjà des marchands, des articles ou des personnes : la démo n’a donc pas été ajoutée, car des données d’exemple ne doivent jamais se mêler à de vrais retours. Ouvrez plutôt la démo dans un nouveau dossier de données vide.',
    de: 'Dieser Arbeitsbereich enthält bereits Händler, Artikel oder Personen, daher wurde die Demo nicht hinzugefügt: Beispieldaten dürfen sich nie mit echten Retouren mischen. Öffnen Sie die Demo stattdessen in einem neuen, leeren Datenordner.',
  },
  'workspace.demo_created': {
    en: {
      one: 'Demo workspace created: {{count}} sample return for {{merchant}}',
      other: 'Demo workspace created: {{count}} sample returns for {{merchant}}',
    },
    fr: {
      one: 'Espace de démonstration créé : {{count}} retour d’exemple pour {{merchant}}',
      other: 'Espace de démonstration créé : {{count}} retours d’exemple pour {{merchant}}',
    },
    de: {
      one: 'Demo-Arbeitsbereich angelegt: {{count}} Beispielretoure für {{merchant}}',
      other: 'Demo-Arbeitsbereich angelegt: {{count}} Beispielretouren für {{merchant}}',
    },
  },
  // The demo's own history: the story of each sample return, in the reader's language.
  'workspace.demo.received': {
    en: {
      one: 'Return received from order {{order}} ({{reason}}), {{count}} day after delivery: {{window}}',
      other: 'Return received from order {{order}} ({{reason}}), {{count}} days after delivery: {{window}}',
    },
    fr: {
      one: 'Retour reçu de la commande {{order}} ({{reason}}), {{count}} jour après la livraison : {{window}}',
      other:
        'Retour reçu de la commande {{order}} ({{reason}}), {{count}} jours après la livraison : {{window}}',
    },
    de: {
      one: 'Retoure aus Bestellung {{order}} eingegangen ({{reason}}), {{count}} Tag nach der Lieferung: {{window}}',
      other:
        'Retoure aus Bestellung {{order}} eingegangen ({{reason}}), {{count}} Tage nach der Lieferung: {{window}}',
    },
  },
  'workspace.demo.window.within_legal': {
    en: 'within the 14-day withdrawal period',
    fr: 'dans le délai de rétractation de 14 jours',
    de: 'innerhalb der 14-tägigen Widerrufsfrist',
  },
  'workspace.demo.window.within_merchant': {
    en: 'within the merchant’s {{days}}-day return window',
    fr: 'dans le délai de retour de {{days}} jours du marchand',
    de: 'innerhalb der {{days}}-tägigen Rückgabefrist des Händlers',
  },
  'workspace.demo.window.outside': {
    en: 'outside the return window',
    fr: 'hors du délai de retour',
    de: 'außerhalb der Rückgabefrist',
  },
  'workspace.demo.window.unknown': {
    en: 'return window not checked',
    fr: 'délai de retour non vérifié',
    de: 'Rückgabefrist nicht geprüft',
  },
  'workspace.demo.graded': {
    en: 'Graded “{{condition}}”: {{facts}}',
    fr: 'Contrôlé, état « {{condition}} » : {{facts}}',
    de: 'Geprüft als „{{condition}}“: {{facts}}',
  },
  'workspace.demo.graded_plain': {
    en: 'Graded {{condition}}',
    fr: 'Contrôlé : {{condition}}',
    de: 'Geprüft: {{condition}}',
  },
  'workspace.demo.fact.sealed': { en: 'still sealed', fr: 'encore scellé', de: 'noch versiegelt' },
  'workspace.demo.fact.opened_intact': { en: 'box opened', fr: 'boîte ouverte', de: 'Karton geöffnet' },
  'workspace.demo.fact.damaged': { en: 'box damaged', fr: 'boîte abîmée', de: 'Karton beschädigt' },
  'workspace.demo.fact.missing': {
    en: 'no original box',
    fr: 'sans boîte d’origine',
    de: 'ohne Originalkarton',
  },
  'workspace.demo.fact.test_passed': { en: 'test passed', fr: 'test réussi', de: 'Test bestanden' },
  'workspace.demo.fact.test_failed': { en: 'test failed', fr: 'test échoué', de: 'Test nicht bestanden' },
  'workspace.demo.fact.reset': { en: 'reset', fr: 'réinitialisé', de: 'zurückgesetzt' },
  'workspace.demo.fact.cleaned': { en: 'cleaned', fr: 'nettoyé', de: 'gereinigt' },
  'workspace.demo.fact.repackaged': { en: 'repackaged', fr: 'réemballé', de: 'erneut verpackt' },
  'workspace.demo.missing': {
    en: 'missing {{names}}',
    fr: 'manque : {{names}}',
    de: 'fehlt: {{names}}',
  },
  'workspace.demo.defects': {
    en: { one: '{{count}} defect recorded', other: '{{count}} defects recorded' },
    fr: { one: '{{count}} défaut relevé', other: '{{count}} défauts relevés' },
    de: { one: '{{count}} Mangel erfasst', other: '{{count}} Mängel erfasst' },
  },
  'workspace.demo.photo_intake': {
    en: 'Intake photo added',
    fr: 'Photo de réception ajoutée',
    de: 'Foto vom Wareneingang hinzugefügt',
  },
  'workspace.demo.photos_desk': {
    en: {
      one: '{{count}} photo added at the grading desk',
      other: '{{count}} photos added at the grading desk',
    },
    fr: {
      one: '{{count}} photo ajoutée au poste de réception',
      other: '{{count}} photos ajoutées au poste de réception',
    },
    de: {
      one: '{{count}} Foto am Wareneingang hinzugefügt',
      other: '{{count}} Fotos am Wareneingang hinzugefügt',
    },
  },
  'workspace.demo.photos_sealed': {
    en: { one: '{{count}} photo of the sealed box added', other: '{{count}} photos of the sealed box added' },
    fr: {
      one: '{{count}} photo de la boîte scellée ajoutée',
      other: '{{count}} photos de la boîte scellée ajoutées',
    },
    de: {
      one: '{{count}} Foto des versiegelten Kartons hinzugefügt',
      other: '{{count}} Fotos des versiegelten Kartons hinzugefügt',
    },
  },
  'workspace.demo.photos_decision': {
    en: {
      one: '{{count}} photo added for the merchant’s decision',
      other: '{{count}} photos added for the merchant’s decision',
    },
    fr: {
      one: '{{count}} photo ajoutée pour la décision du marchand',
      other: '{{count}} photos ajoutées pour la décision du marchand',
    },
    de: {
      one: '{{count}} Foto für die Entscheidung des Händlers hinzugefügt',
      other: '{{count}} Fotos für die Entscheidung des Händlers hinzugefügt',
    },
  },
  'workspace.demo.photos_added': {
    en: { one: '{{count}} photo added', other: '{{count}} photos added' },
    fr: { one: '{{count}} photo ajoutée', other: '{{count}} photos ajoutées' },
    de: { one: '{{count}} Foto hinzugefügt', other: '{{count}} Fotos hinzugefügt' },
  },
  'workspace.demo.price_proposed': {
    en: 'Price proposed: {{price}}, {{discount}}% below {{original}}; {{net}} net of marketplace fees',
    fr: 'Prix proposé : {{price}}, {{discount}} % sous {{original}} ; {{net}} net des frais de la place de marché',
    de: 'Preis vorgeschlagen: {{price}}, {{discount}} % unter {{original}}; {{net}} nach Marktplatzgebühren',
  },
  'workspace.demo.sent': {
    en: 'Sent to {{approver}} for approval',
    fr: 'Envoyé à {{approver}} pour validation',
    de: 'An {{approver}} zur Freigabe gesendet',
  },
  'workspace.demo.auto_approved': {
    en: 'Approved automatically: the {{discount}}% discount is within the merchant’s {{limit}}% limit',
    fr: 'Validé automatiquement : la remise de {{discount}} % reste dans la limite de {{limit}} % du marchand',
    de: 'Automatisch freigegeben: Der Rabatt von {{discount}} % liegt innerhalb der Grenze des Händlers von {{limit}} %',
  },
  'workspace.demo.approved': {
    en: 'Approved by {{approver}} at {{price}}',
    fr: 'Validé par {{approver}} à {{price}}',
    de: 'Von {{approver}} zu {{price}} freigegeben',
  },
  'workspace.demo.rejected': {
    en: 'Rejected by {{approver}}: “{{reason}}”',
    fr: 'Refusé par {{approver}} : « {{reason}} »',
    de: 'Von {{approver}} abgelehnt: „{{reason}}“',
  },
  'workspace.demo.listed': {
    en: 'Listed on the practice marketplace at {{price}}',
    fr: 'Mis en vente sur la place de marché d’entraînement à {{price}}',
    de: 'Auf dem Übungsmarktplatz zu {{price}} angeboten',
  },
  'workspace.demo.sold': {
    en: 'Sold on the practice marketplace for {{price}} + {{shipping}} shipping to {{buyer}}',
    fr: 'Vendu {{price}} + {{shipping}} de livraison sur la place de marché d’entraînement, à {{buyer}}',
    de: 'Auf dem Übungsmarktplatz für {{price}} + {{shipping}} Versand an {{buyer}} verkauft',
  },
  'workspace.demo.buyer.IE': {
    en: 'a buyer in Ireland',
    fr: 'un acheteur en Irlande',
    de: 'einen Käufer in Irland',
  },
  'workspace.demo.buyer.DE': {
    en: 'a buyer in Germany',
    fr: 'un acheteur en Allemagne',
    de: 'einen Käufer in Deutschland',
  },
  'workspace.demo.buyer.FR': {
    en: 'a buyer in France',
    fr: 'un acheteur en France',
    de: 'einen Käufer in Frankreich',
  },
  'workspace.demo.buyer.NL': {
    en: 'a buyer in the Netherlands',
    fr: 'un acheteur aux Pays-Bas',
    de: 'einen Käufer in den Niederlanden',
  },
  'workspace.demo.buyer.BE': {
    en: 'a buyer in Belgium',
    fr: 'un acheteur en Belgique',
    de: 'einen Käufer in Belgien',
  },
  'workspace.demo.restocked': {
    en: 'Restocked as new: seal intact, back to {{merchant}}’s stock',
    fr: 'Remis en stock comme neuf : scellé intact, de retour dans le stock de {{merchant}}',
    de: 'Als neu eingelagert: Siegel unversehrt, zurück im Bestand von {{merchant}}',
  },
  'workspace.demo.disposition_asked': {
    en: 'Asked {{approver}} whether to return it or recycle it',
    fr: 'Demandé à {{approver}} s’il faut le renvoyer ou le recycler',
    de: '{{approver}} gefragt, ob er zurückgeschickt oder recycelt werden soll',
  },
  'workspace.demo.decided_recycle': {
    en: '{{approver}} decided: recycle',
    fr: '{{approver}} a décidé : recycler',
    de: '{{approver}} hat entschieden: recyceln',
  },
  'workspace.demo.decided_return': {
    en: '{{approver}} decided: return to merchant',
    fr: '{{approver}} a décidé : renvoyer au marchand',
    de: '{{approver}} hat entschieden: an den Händler zurückschicken',
  },
  'workspace.demo.with_note': {
    en: '{{decision}} — “{{note}}”',
    fr: '{{decision}} — « {{note}} »',
    de: '{{decision}} – „{{note}}“',
  },
  'workspace.demo.returned': {
    en: 'Returned to {{merchant}} in batch {{batch}}',
    fr: 'Renvoyé à {{merchant}} dans le lot {{batch}}',
    de: 'In Sammelsendung {{batch}} an {{merchant}} zurückgeschickt',
  },
  'workspace.demo.recycled': {
    en: 'Handed over for WEEE recycling (collection note {{note}})',
    fr: 'Remis à la filière DEEE pour recyclage (bon d’enlèvement {{note}})',
    de: 'Zum Elektroschrott-Recycling übergeben (Abholschein {{note}})',
  },
});
