import { defineMessages } from '../define';

/**
 * What shooting by label says (electron/services/routing/route.ts): why a photo was not filed,
 * and why routing stopped to ask the photographer.
 */
export const ROUTING_MESSAGES = defineMessages({
  'routing.no_label_yet': {
    en: 'Not filed: no label has been photographed yet, so this photo belongs to no item.',
    fr: 'Non classée : aucune étiquette n’a encore été photographiée, cette photo n’appartient donc à aucun article.',
    de: 'Nicht zugeordnet: Es wurde noch kein Etikett fotografiert, daher gehört dieses Foto zu keinem Artikel.',
  },
  'routing.unknown_item': {
    en: 'The label reads {{reference}}, but there is no item {{reference}}. Routing stopped here: check the label before going on.',
    fr: 'L’étiquette indique {{reference}}, mais aucun article {{reference}} n’existe. Le classement s’est arrêté ici : vérifiez l’étiquette avant de continuer.',
    de: 'Das Etikett zeigt {{reference}}, aber einen Artikel {{reference}} gibt es nicht. Die Zuordnung wurde hier angehalten: Prüfen Sie das Etikett, bevor Sie weitermachen.',
  },
  'routing.other_merchant': {
    en: 'The label reads {{reference}}, an item of {{merchant}}, but this session is for {{expected}}. Routing stopped here: check the label before going on.',
    fr: 'L’étiquette indique {{reference}}, un article de {{merchant}}, mais cette séance est réservée à {{expected}}. Le classement s’est arrêté ici : vérifiez l’étiquette avant de continuer.',
    de: 'Das Etikett zeigt {{reference}}, einen Artikel von {{merchant}}, aber diese Sitzung gilt für {{expected}}. Die Zuordnung wurde hier angehalten: Prüfen Sie das Etikett, bevor Sie weitermachen.',
  },
  'routing.after_stop': {
    en: 'Not filed: routing stopped earlier, at the label {{reference}}.',
    fr: 'Non classée : le classement s’est arrêté plus tôt, à l’étiquette {{reference}}.',
    de: 'Nicht zugeordnet: Die Zuordnung wurde schon vorher angehalten, beim Etikett {{reference}}.',
  },
  'routing.off': {
    en: 'Shooting by label is off: open an item on the photo desk to add photos to it.',
    fr: 'La prise de vue par étiquette est désactivée : ouvrez un article au poste photo pour lui ajouter des photos.',
    de: 'Fotografieren nach Etikett ist aus: Öffnen Sie einen Artikel am Fotoplatz, um ihm Fotos hinzuzufügen.',
  },
});
