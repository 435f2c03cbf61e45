import { defineCliTexts } from '../texts';

/** The words of `rebound photos add` and `rebound photos route` (cli/photos.ts). */
export const PHOTOS_TEXTS = defineCliTexts({
  'photos.description': {
    en: 'photos of returned items',
    fr: 'photos des articles retournés',
    de: 'Fotos retournierter Artikel',
  },
  'add.description': {
    en: 'add photos to an item (JPEG, PNG, WebP, TIFF; HEIC where supported)',
    fr: 'ajoute des photos à un article (JPEG, PNG, WebP, TIFF ; HEIC si pris en charge)',
    de: 'fügt einem Artikel Fotos hinzu (JPEG, PNG, WebP, TIFF; HEIC, wo unterstützt)',
  },
  'add.item.argument': {
    en: 'the item’s Rebound reference (e.g. RB-000123) or id',
    fr: 'la référence Rebound de l’article (p. ex. RB-000123) ou son identifiant',
    de: 'die Rebound-Referenz des Artikels (z. B. RB-000123) oder seine ID',
  },
  'add.files.argument': { en: 'image files', fr: 'fichiers image', de: 'Bilddateien' },
  'json.option': {
    en: 'print machine-readable JSON',
    fr: 'affiche du JSON lisible par un programme',
    de: 'gibt maschinenlesbares JSON aus',
  },
  'add.accepted': { en: 'accepted', fr: 'acceptée', de: 'angenommen' },
  'add.rejected': { en: 'rejected', fr: 'refusée', de: 'abgelehnt' },
  'add.photo': {
    en: '{{name}} → photo {{id}}, {{width}}×{{height}}',
    fr: '{{name}} → photo {{id}}, {{width}}×{{height}}',
    de: '{{name}} → Foto {{id}}, {{width}}×{{height}}',
  },
  'add.refusal': {
    en: '{{name}}: {{reason}}',
    fr: '{{name}} : {{reason}}',
    de: '{{name}}: {{reason}}',
  },
  'route.why': { en: '{{how}}: {{why}}', fr: '{{how}} : {{why}}', de: '{{how}}: {{why}}' },
  'add.warnings': {
    en: ', warnings: {{warnings}}',
    fr: ', avertissements : {{warnings}}',
    de: ', Warnungen: {{warnings}}',
  },
  'add.duplicate': {
    en: ' (already on the item)',
    fr: ' (déjà sur l’article)',
    de: ' (bereits beim Artikel)',
  },
  'add.summary': {
    en: '{{accepted}} accepted, {{rejected}} rejected for {{reference}}.',
    fr: 'Acceptées : {{accepted}}, refusées : {{rejected}} pour {{reference}}.',
    de: '{{accepted}} angenommen, {{rejected}} abgelehnt für {{reference}}.',
  },
  'add.summaryRejected': {
    en: '{{accepted}} accepted, {{rejected}} rejected for {{reference}} — all files were processed; the rejected ones are listed with their reason.',
    fr: 'Acceptées : {{accepted}}, refusées : {{rejected}} pour {{reference}} — tous les fichiers ont été traités ; les refusés sont listés avec leur motif.',
    de: '{{accepted}} angenommen, {{rejected}} abgelehnt für {{reference}} – alle Dateien wurden verarbeitet; die abgelehnten sind mit ihrem Grund aufgeführt.',
  },
  'route.description': {
    en: 'file shots on their items by the Rebound label photographed in them, in shooting order',
    fr: 'classe les prises sur leurs articles d’après l’étiquette Rebound photographiée, dans l’ordre de prise',
    de: 'ordnet Aufnahmen anhand des mitfotografierten Rebound-Etiketts ihren Artikeln zu, in Aufnahmereihenfolge',
  },
  'route.files.argument': {
    en: 'image files, in the order they were shot',
    fr: 'fichiers image, dans l’ordre de prise',
    de: 'Bilddateien, in der Reihenfolge der Aufnahme',
  },
  'route.keepLabelShots.option': {
    en: 'file the photo of the label itself too (default: it only marks the set)',
    fr: 'classe aussi la photo de l’étiquette elle-même (par défaut : elle ne fait que marquer la série)',
    de: 'auch das Foto des Etiketts selbst zuordnen (Standard: es markiert nur die Serie)',
  },
  'route.merchant.option': {
    en: 'a session for this merchant only (id or name): another’s label stops it',
    fr: 'une séance pour ce seul marchand (identifiant ou nom) : l’étiquette d’un autre l’arrête',
    de: 'eine Sitzung nur für diesen Händler (ID oder Name): das Etikett eines anderen hält sie an',
  },
  'route.label': { en: 'label read', fr: 'étiquette lue', de: 'Etikett gelesen' },
  'route.labelDropped': {
    en: 'label read, label shot not kept',
    fr: 'étiquette lue, photo de l’étiquette non gardée',
    de: 'Etikett gelesen, Etikettfoto nicht behalten',
  },
  'route.follows': {
    en: 'follows the last label',
    fr: 'suit la dernière étiquette',
    de: 'folgt dem letzten Etikett',
  },
  'route.unrouted': { en: 'unrouted', fr: 'avant toute étiquette', de: 'vor jedem Etikett' },
  'route.stopped': { en: 'stopped', fr: 'non classée', de: 'nicht zugeordnet' },
  'route.summary': {
    en: {
      one: '{{added}} of {{total}} photos filed on {{count}} item.',
      other: '{{added}} of {{total}} photos filed on {{count}} items.',
    },
    fr: {
      one: 'Photos classées : {{added}} sur {{total}}, sur {{count}} article.',
      other: 'Photos classées : {{added}} sur {{total}}, sur {{count}} articles.',
    },
    de: {
      one: '{{added}} von {{total}} Fotos {{count}} Artikel zugeordnet.',
      other: '{{added}} von {{total}} Fotos {{count}} Artikeln zugeordnet.',
    },
  },
});
