import { defineMessages } from '../define';

/**
 * What the photos part of the services says to a person: why a file did not become a photo
 * (electron/services/photos/process.ts, pool.ts, index.ts), the camera folder's problems, and
 * the photo events of an item's history.
 */
export const PHOTOS_MESSAGES = defineMessages({
  // Refusals of one file: the desk lists them beside the file's name.
  'photos.empty': {
    en: 'The file is empty (0 bytes).',
    fr: 'Le fichier est vide (0 octet).',
    de: 'Die Datei ist leer (0 Byte).',
  },
  'photos.file_too_large': {
    en: 'The file is {{megabytes}} MB; photos over {{limit}} MB are not accepted.',
    fr: 'Le fichier fait {{megabytes}} Mo ; les photos de plus de {{limit}} Mo ne sont pas acceptées.',
    de: 'Die Datei ist {{megabytes}} MB groß; Fotos über {{limit}} MB werden nicht angenommen.',
  },
  'photos.file_gone': {
    en: 'The file no longer exists.',
    fr: 'Le fichier n’existe plus.',
    de: 'Die Datei existiert nicht mehr.',
  },
  'photos.file_denied': {
    en: 'The file cannot be opened: permission denied.',
    fr: 'Impossible d’ouvrir le fichier : accès refusé.',
    de: 'Die Datei lässt sich nicht öffnen: Zugriff verweigert.',
  },
  'photos.file_is_folder': {
    en: 'This is a folder, not a file.',
    fr: 'C’est un dossier, pas un fichier.',
    de: 'Das ist ein Ordner, keine Datei.',
  },
  'photos.file_unreadable': {
    en: 'The file cannot be read.',
    fr: 'Impossible de lire le fichier.',
    de: 'Die Datei kann nicht gelesen werden.',
  },
  'photos.not_a_file': {
    en: 'This is not a file.',
    fr: 'Ce n’est pas un fichier.',
    de: 'Das ist keine Datei.',
  },
  'photos.nothing_to_read': {
    en: 'Nothing to read: the file has neither a path nor content.',
    fr: 'Rien à lire : le fichier n’a ni chemin ni contenu.',
    de: 'Nichts zu lesen: Die Datei hat weder einen Pfad noch einen Inhalt.',
  },
  'photos.not_an_image': {
    en: 'This file is not an image.',
    fr: 'Ce fichier n’est pas une image.',
    de: 'Diese Datei ist kein Bild.',
  },
  'photos.unsupported_format': {
    en: '{{format}} files are not accepted: use JPEG, PNG, WebP, TIFF, AVIF or HEIC.',
    fr: 'Les fichiers {{format}} ne sont pas acceptés : utilisez JPEG, PNG, WebP, TIFF, AVIF ou HEIC.',
    de: '{{format}}-Dateien werden nicht angenommen: Verwenden Sie JPEG, PNG, WebP, TIFF, AVIF oder HEIC.',
  },
  'photos.heic_unsupported': {
    en: 'HEIC cannot be decoded by this installation. Set the camera or phone to JPEG ("Most Compatible"), or convert the file first.',
    fr: 'Cette installation ne sait pas décoder le HEIC. Réglez l’appareil photo ou le téléphone sur JPEG (« Le plus compatible »), ou convertissez d’abord le fichier.',
    de: 'Diese Installation kann HEIC nicht dekodieren. Stellen Sie Kamera oder Telefon auf JPEG („Maximale Kompatibilität“) um oder wandeln Sie die Datei vorher um.',
  },
  'photos.too_many_pixels': {
    en: 'The image claims {{width}} × {{height}} pixels, more than the {{limit}} megapixels accepted.',
    fr: 'L’image annonce {{width}} × {{height}} pixels, plus que les {{limit}} mégapixels acceptés.',
    de: 'Das Bild gibt {{width}} × {{height}} Pixel an, mehr als die zulässigen {{limit}} Megapixel.',
  },
  'photos.too_many_pixels_decoded': {
    en: 'The image has more than the {{limit}} megapixels accepted.',
    fr: 'L’image dépasse les {{limit}} mégapixels acceptés.',
    de: 'Das Bild hat mehr als die zulässigen {{limit}} Megapixel.',
  },
  'photos.too_small': {
    en: 'The image is {{width}} × {{height}} pixels; marketplaces need at least {{min}} px on the long side.',
    fr: 'L’image fait {{width}} × {{height}} pixels ; les places de marché exigent au moins {{min}} px sur le grand côté.',
    de: 'Das Bild hat {{width}} × {{height}} Pixel; Marktplätze verlangen mindestens {{min}} px an der langen Seite.',
  },
  'photos.too_narrow': {
    en: 'The image is {{width}} × {{height}} pixels: too narrow to be a photo of an item.',
    fr: 'L’image fait {{width}} × {{height}} pixels : trop étroite pour être la photo d’un article.',
    de: 'Das Bild hat {{width}} × {{height}} Pixel: zu schmal für das Foto eines Artikels.',
  },
  'photos.corrupt': {
    en: 'The image is damaged and cannot be read.',
    fr: 'L’image est corrompue et illisible.',
    de: 'Das Bild ist beschädigt und kann nicht gelesen werden.',
  },
  'photos.corrupt_undecodable': {
    en: 'The image is damaged and cannot be decoded.',
    fr: 'L’image est corrompue et ne peut pas être décodée.',
    de: 'Das Bild ist beschädigt und kann nicht dekodiert werden.',
  },
  'photos.no_dimensions': {
    en: 'The image has no readable dimensions.',
    fr: 'Les dimensions de l’image sont illisibles.',
    de: 'Die Abmessungen des Bildes sind nicht lesbar.',
  },
  'photos.truncated': {
    en: 'The image is incomplete (the file was cut short). Copy it again or retake the photo.',
    fr: 'L’image est incomplète (le fichier a été tronqué). Copiez-la de nouveau ou reprenez la photo.',
    de: 'Das Bild ist unvollständig (die Datei wurde abgeschnitten). Kopieren Sie es erneut oder machen Sie das Foto noch einmal.',
  },
  'photos.not_processed': {
    en: 'The photo could not be processed.',
    fr: 'La photo n’a pas pu être traitée.',
    de: 'Das Foto konnte nicht verarbeitet werden.',
  },
  'photos.worker_stopped': {
    en: 'The photo worker stopped unexpectedly; try adding the photo again.',
    fr: 'Le traitement des photos s’est arrêté de façon inattendue ; ajoutez la photo de nouveau.',
    de: 'Die Fotoverarbeitung wurde unerwartet beendet; fügen Sie das Foto erneut hinzu.',
  },
  'photos.processing_stopped': {
    en: 'Photo processing was stopped before this photo.',
    fr: 'Le traitement des photos a été arrêté avant cette photo.',
    de: 'Die Fotoverarbeitung wurde vor diesem Foto beendet.',
  },
  'photos.not_saved': {
    en: 'The photo could not be saved in the data folder.',
    fr: 'La photo n’a pas pu être enregistrée dans le dossier de données.',
    de: 'Das Foto konnte nicht im Datenordner gespeichert werden.',
  },
  'photos.removed_meanwhile': {
    en: 'The photo was removed from the item while it was being added; add it again.',
    fr: 'La photo a été retirée de l’article pendant son ajout ; ajoutez-la de nouveau.',
    de: 'Das Foto wurde während des Hinzufügens vom Artikel entfernt; fügen Sie es erneut hinzu.',
  },

  // Refusals of a request.
  'photos.no_photo': {
    en: 'There is no photo with id {{id}}.',
    fr: 'Aucune photo n’a l’identifiant {{id}}.',
    de: 'Es gibt kein Foto mit der ID {{id}}.',
  },
  'photos.no_defect': {
    en: 'There is no defect with id {{id}}.',
    fr: 'Aucun défaut n’a l’identifiant {{id}}.',
    de: 'Es gibt keinen Mangel mit der ID {{id}}.',
  },
  'photos.order_changed': {
    en: 'The item’s photos changed meanwhile; reload and reorder again.',
    fr: 'Les photos de l’article ont changé entre-temps ; rechargez la page et remettez-les dans l’ordre.',
    de: 'Die Fotos des Artikels haben sich inzwischen geändert; laden Sie neu und ordnen Sie sie noch einmal.',
  },
  'photos.deleted_restore_first': {
    en: 'This photo was deleted; restore it first.',
    fr: 'Cette photo a été supprimée ; restaurez-la d’abord.',
    de: 'Dieses Foto wurde gelöscht; stellen Sie es zuerst wieder her.',
  },
  'photos.photo_deleted': {
    en: 'This photo was deleted.',
    fr: 'Cette photo a été supprimée.',
    de: 'Dieses Foto wurde gelöscht.',
  },
  'photos.defect_other_item': {
    en: 'The photo and the defect belong to different items.',
    fr: 'La photo et le défaut appartiennent à des articles différents.',
    de: 'Foto und Mangel gehören zu verschiedenen Artikeln.',
  },

  // The camera folder (hot folder).
  'photos.server_no_folder': {
    en: 'A server watches no camera folder: choose the folder in the Rebound desktop app on the desk with the camera.',
    fr: 'Un serveur ne surveille aucun dossier d’appareil photo : choisissez le dossier dans l’application de bureau Rebound, sur le poste où se trouve l’appareil.',
    de: 'Ein Server überwacht keinen Kameraordner: Wählen Sie den Ordner in der Rebound-Desktop-App am Platz mit der Kamera.',
  },
  'photos.folder_missing': {
    en: 'There is no folder at {{folder}}.',
    fr: 'Il n’y a pas de dossier à l’emplacement {{folder}}.',
    de: 'Unter {{folder}} gibt es keinen Ordner.',
  },
  'photos.folder_is_file': {
    en: '{{folder}} is a file, not a folder.',
    fr: '{{folder}} est un fichier, pas un dossier.',
    de: '{{folder}} ist eine Datei, kein Ordner.',
  },
  'photos.folder_denied': {
    en: 'Rebound may not read the folder {{folder}}.',
    fr: 'Rebound n’a pas le droit de lire le dossier {{folder}}.',
    de: 'Rebound darf den Ordner {{folder}} nicht lesen.',
  },
  'photos.folder_gone': {
    en: 'The folder {{folder}} is not there (removed, or its drive is not connected).',
    fr: 'Le dossier {{folder}} est introuvable (supprimé, ou son disque n’est pas branché).',
    de: 'Der Ordner {{folder}} ist nicht da (gelöscht, oder sein Laufwerk ist nicht verbunden).',
  },
  'photos.folder_not_folder': {
    en: '{{folder}} is not a folder.',
    fr: '{{folder}} n’est pas un dossier.',
    de: '{{folder}} ist kein Ordner.',
  },
  'photos.folder_unreadable': {
    en: 'The folder {{folder}} cannot be read: {{detail}}',
    fr: 'Impossible de lire le dossier {{folder}} : {{detail}}',
    de: 'Der Ordner {{folder}} kann nicht gelesen werden: {{detail}}',
  },

  // History.
  'photos.added': {
    en: { one: '{{count}} photo added', other: '{{count}} photos added' },
    fr: { one: '{{count}} photo ajoutée', other: '{{count}} photos ajoutées' },
    de: { one: '{{count}} Foto hinzugefügt', other: '{{count}} Fotos hinzugefügt' },
  },
  'photos.reordered': {
    en: 'Photos reordered',
    fr: 'Photos remises dans un autre ordre',
    de: 'Fotos neu angeordnet',
  },
  'photos.main_set': {
    en: 'Main photo: {{name}}',
    fr: 'Photo principale : {{name}}',
    de: 'Hauptfoto: {{name}}',
  },
  'photos.deleted': {
    en: 'Photo deleted: {{name}}',
    fr: 'Photo supprimée : {{name}}',
    de: 'Foto gelöscht: {{name}}',
  },
  'photos.restored': {
    en: 'Photo restored: {{name}}',
    fr: 'Photo restaurée : {{name}}',
    de: 'Foto wiederhergestellt: {{name}}',
  },
  'photos.defect_linked': {
    en: 'Defect {{defect}}: photo linked',
    fr: 'Défaut « {{defect}} » : photo associée',
    de: 'Mangel „{{defect}}“: Foto verknüpft',
  },
  'photos.defect_unlinked': {
    en: 'Defect {{defect}}: photo unlinked',
    fr: 'Défaut « {{defect}} » : photo dissociée',
    de: 'Mangel „{{defect}}“: Fotoverknüpfung entfernt',
  },
  'photos.moved_to': {
    en: 'Photo {{name}} moved to {{reference}}',
    fr: 'Photo {{name}} déplacée vers {{reference}}',
    de: 'Foto {{name}} nach {{reference}} verschoben',
  },
  'photos.moved_from': {
    en: 'Photo {{name}} moved here from {{reference}}',
    fr: 'Photo {{name}} déplacée ici depuis {{reference}}',
    de: 'Foto {{name}} von {{reference}} hierher verschoben',
  },
  'photos.move_other_merchant': {
    en: 'A photo cannot move to another merchant’s item: {{reference}} belongs to {{merchant}}.',
    fr: 'Une photo ne peut pas passer à l’article d’un autre marchand : {{reference}} appartient à {{merchant}}.',
    de: 'Ein Foto kann nicht zum Artikel eines anderen Händlers wechseln: {{reference}} gehört zu {{merchant}}.',
  },
});
