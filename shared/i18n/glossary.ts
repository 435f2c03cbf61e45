import type { Grade } from '../domain/grades';
import type { Language } from '../domain/status';

/*
 * One word for one thing, per language. A translator adding a text picks the word from here, so a
 * person who learned "Paramètres" on one screen never has to wonder whether "Réglages" on
 * another is somewhere else. `glossary.test.ts` holds every catalogue of the app (the screens,
 * the services' messages, the pricing labels, the listing texts, the statement, the export
 * headers) to this file.
 */

/** A word kept out of one language's texts, and why. */
export interface AvoidedWord {
  /**
   * Matched case-insensitively at the start of a word, so a stem catches every ending
   * ("reconditionn" finds reconditionné and reconditionnées). May hold several words.
   */
  readonly word: string;
  /** Also matched inside a word: German builds compounds ("Untergrenze" in "Preisuntergrenze"). */
  readonly inCompounds?: boolean;
  readonly reason: string;
}

export interface Term {
  /** What the word names in Rebound, so the word is chosen for the thing and not for the English. */
  readonly meaning: string;
  /** The one word (or fixed phrase) per language. */
  readonly words: Readonly<Record<Language, string>>;
  /** Catalogue keys whose whole text is this term: they must read exactly `words` (case aside). */
  readonly keys?: readonly string[];
  readonly avoid?: Partial<Readonly<Record<Language, readonly AvoidedWord[]>>>;
}

const term = (
  meaning: string,
  en: string,
  fr: string,
  de: string,
  rest: Omit<Term, 'meaning' | 'words'> = {},
) => ({ meaning, words: { en, fr, de }, ...rest }) satisfies Term;

/** The grading screen's name for each grade: the words buyers read too (see `CONDITION_WORD_DIFFERENCES`). */
export const GRADE_TERMS: Readonly<Record<Grade, Term>> = {
  new_sealed: term(
    'Grade: unopened, factory seal intact.',
    'New, sealed',
    'Neuf, scellé',
    'Neu, versiegelt',
    {
      keys: ['grades.new_sealed'],
    },
  ),
  opened_packaging: term(
    'Grade: the packaging was opened, the product itself is unused.',
    'Opened packaging',
    'Emballage ouvert',
    'Verpackung geöffnet',
    { keys: ['grades.opened_packaging'] },
  ),
  used: term('Grade: the product was used, without damage worth naming.', 'Used', 'Occasion', 'Gebraucht', {
    keys: ['grades.used'],
  }),
  lightly_damaged: term(
    'Grade: small damage a buyer sees.',
    'Lightly damaged',
    'Légèrement abîmé',
    'Leicht beschädigt',
    { keys: ['grades.lightly_damaged'] },
  ),
  heavily_damaged: term(
    'Grade: large damage; listed for parts or repair.',
    'Heavily damaged',
    'Très abîmé',
    'Stark beschädigt',
    { keys: ['grades.heavily_damaged'] },
  ),
  defective: term('Grade: does not work; never listed.', 'Defective', 'Défectueux', 'Defekt', {
    keys: ['grades.defective'],
  }),
};

export const GLOSSARY = {
  item: term('One returned unit, with its own reference.', 'item', 'article', 'Artikel', {
    keys: ['approvals.columns.item'],
    avoid: { fr: [{ word: 'objet', reason: 'Every screen says « article » for a returned unit.' }] },
  }),
  product: term(
    'A catalogue entry (SKU); many items may be of one product.',
    'product',
    'produit',
    'Produkt',
    {
      keys: ['books.sku'],
    },
  ),
  return: term('What a customer sent back; also the act of sending it.', 'return', 'retour', 'Retoure', {
    keys: ['item.returnFacts'],
    avoid: {
      de: [
        {
          word: 'Rückläufer',
          reason: 'Warehouse slang; the screens say « Retoure » (and « zurückgesendet » for the act).',
        },
      ],
    },
  }),
  grade: term('The condition recorded at the desk, one of six.', 'grade', 'état', 'Zustand', {
    keys: ['common.grade'],
    avoid: {
      fr: [
        { word: 'grade', reason: 'Anglicism; the grade is « l’état » of the article.' },
        { word: 'regrad', reason: 'Anglicism; say « contrôler à nouveau ».' },
      ],
      de: [
        {
          word: 'Einstufung',
          inCompounds: true,
          reason: 'The grade is « der Zustand »; grading is « prüfen ».',
        },
        { word: 'einstuf', reason: 'Grading is « prüfen »; « neu einstufen » is « erneut prüfen ».' },
      ],
    },
  }),
  grading: term(
    'The act of recording the grade, packaging, accessories and defects.',
    'grading',
    'contrôle',
    'Prüfung',
    {
      keys: ['desk.gradingTitle', 'item.grading'],
      avoid: {
        fr: [
          {
            word: 'évalu',
            reason:
              'Grading is « contrôler »; « évaluation » on marketplaces is the buyer’s rating of a seller.',
          },
          { word: 'réévalu', reason: 'Regrading is « contrôler à nouveau ».' },
        ],
        de: [
          {
            word: 'bewert',
            reason: 'Grading is « prüfen »; on eBay.de a « Bewertung » is the buyer’s rating of the seller.',
          },
          { word: 'Bewertung', inCompounds: true, reason: 'Grading is « Prüfung »; see « bewert ».' },
        ],
      },
    },
  ),
  defect: term('One recorded flaw of an item (kind, place, size, severity).', 'defect', 'défaut', 'Mangel', {
    keys: ['photoDesk.keys.defect'],
  }),
  repackaged: term(
    'Checklist: the item was put back into packaging at the desk.',
    'Repackaged',
    'Réemballé',
    'Erneut verpackt',
    {
      keys: ['desk.repackaged', 'item.repackaged'],
      avoid: {
        fr: [
          {
            word: 'reconditionn',
            reason:
              'Means refurbished: « reconditionné » is a regulated claim in French commerce (tested, restored to working order, with a warranty), which repackaging a return is not.',
          },
          { word: 'remis sous emballage', reason: 'One word for repackaged: « réemballé ».' },
        ],
        de: [
          {
            word: 'neu verpackt',
            reason: 'A buyer reads « neu verpackt » as “new, packed”; repackaged is « erneut verpackt ».',
          },
          {
            word: 'generalüberholt',
            reason: 'Claims a professional overhaul (refurbished), which repackaging a return is not.',
          },
        ],
      },
    },
  ),
  approval: term(
    'The merchant’s decision on a proposed price; also to give it.',
    'approval',
    'validation',
    'Freigabe',
    {
      avoid: {
        fr: [
          {
            word: 'approb',
            reason: 'Approval is « validation », to approve is « valider »: the screens’ words.',
          },
          { word: 'approuv', reason: 'To approve is « valider ».' },
        ],
        de: [{ word: 'genehmig', reason: 'Approval is « Freigabe », to approve « freigeben ».' }],
      },
    },
  ),
  approve: term('The action that accepts a proposed price.', 'Approve', 'Valider', 'Freigeben', {
    keys: ['pricing.approve', 'pricing.phone.approve'],
  }),
  adjust: term('Approving at another price than the proposed one.', 'Adjust', 'Ajuster', 'Anpassen', {
    keys: ['pricing.phone.adjust', 'pricing.keyHints.adjust'],
  }),
  receive: term('Taking a returned item in at the intake desk.', 'Receive', 'Réceptionner', 'Annehmen', {
    keys: ['desk.receive'],
  }),
  approver: term(
    'The role that decides on the prices of its merchants (a person, never the decision).',
    'Approver',
    'Valideur',
    'Freigeber',
    {
      keys: ['roles.approver'],
      avoid: {
        fr: [{ word: 'approbateur', reason: 'The role is « valideur », as on the People screen.' }],
        de: [{ word: 'Genehmiger', reason: 'The role is « Freigeber », as on the People screen.' }],
      },
    },
  ),
  merchant: term('The company whose returns Rebound resells.', 'merchant', 'marchand', 'Händler', {
    keys: ['common.merchant'],
    avoid: {
      en: [{ word: 'vendor', reason: 'The screens say “merchant”; “seller” is only eBay’s account word.' }],
      fr: [{ word: 'commerçant', reason: 'The screens say « marchand ».' }],
    },
  }),
  settings: term('The Settings screen.', 'Settings', 'Paramètres', 'Einstellungen', {
    keys: ['nav.settings'],
    avoid: {
      en: [{ word: 'preferences', reason: 'The screen is “Settings”.' }],
      fr: [
        {
          word: 'réglage',
          reason: 'The menu says « Paramètres »: two names for one screen send people looking for two.',
        },
      ],
      de: [{ word: 'Optionen', reason: 'The screen is « Einstellungen ».' }],
    },
  }),
  listing: term('An item offered on one channel.', 'listing', 'annonce', 'Angebot', {
    avoid: {
      fr: [{ word: 'listing', reason: 'Anglicism; a listing is « une annonce ».' }],
      de: [{ word: 'Listing', reason: 'Anglicism; a listing is « ein Angebot ».' }],
    },
  }),
  channel: term(
    'Where items are sold: eBay, a shop, the practice marketplace.',
    'channel',
    'canal',
    'Kanal',
    {
      keys: ['publishing.columns.channel'],
    },
  ),
  marketplace: term(
    'A sales platform run by someone else (eBay).',
    'marketplace',
    'place de marché',
    'Marktplatz',
  ),
  shop: term('The merchant’s own online shop (Shopify, WooCommerce, Vendure).', 'shop', 'boutique', 'Shop'),
  practice: term('The built-in pretend marketplace for learning.', 'Practice', 'Entraînement', 'Übung', {
    keys: ['channelsShort.practice'],
  }),
  photoDesk: term(
    'The screen and desk where items are photographed.',
    'Photo desk',
    'Poste photo',
    'Fotoplatz',
    {
      keys: ['nav.photoDesk'],
    },
  ),
  intake: term(
    'The screen and desk where returns are received and graded.',
    'Intake',
    'Réception',
    'Wareneingang',
    {
      keys: ['nav.intake'],
      avoid: {
        fr: [
          { word: 'poste de tri', reason: 'The intake desk is « poste de réception ».' },
          { word: 'atelier', reason: 'The intake desk is « poste de réception ».' },
        ],
        de: [{ word: 'Prüfplatz', inCompounds: true, reason: 'The intake desk is « Wareneingang ».' }],
      },
    },
  ),
  hotFolder: term(
    'The folder the tethering software saves shots into, watched by Rebound.',
    'Hot folder',
    'Dossier surveillé',
    'Hotfolder',
    {
      keys: ['photoDesk.hotFolder.label', 'photos.sources.hot_folder'],
      avoid: { de: [{ word: 'überwachter Ordner', reason: 'The photo desk says « Hotfolder ».' }] },
    },
  ),
  label: term('The printed sticker with the item’s reference.', 'label', 'étiquette', 'Etikett', {
    avoid: {
      fr: [
        { word: 'label', reason: 'In French a « label » is a quality mark; the sticker is « étiquette ».' },
      ],
      de: [{ word: 'Label', reason: 'Anglicism; the sticker is « Etikett ».' }],
    },
  }),
  workspace: term(
    'The database a team works in (the demo one, or the warehouse’s).',
    'Workspace',
    'Espace de travail',
    'Arbeitsbereich',
    {
      keys: ['settings.workspace'],
      avoid: {
        fr: [{ word: 'workspace', reason: 'Anglicism.' }],
        de: [{ word: 'Workspace', reason: 'Anglicism.' }],
      },
    },
  ),
  order: term(
    'The customer order an item was returned from, or a buyer’s order.',
    'Order',
    'Commande',
    'Bestellung',
    {
      keys: ['item.order'],
    },
  ),
  sale: term('A ledger line: an item sold.', 'Sale', 'Vente', 'Verkauf', { keys: ['saleKinds.sale'] }),
  refund: term('A ledger line: money given back to a buyer.', 'Refund', 'Remboursement', 'Erstattung', {
    keys: ['saleKinds.refund'],
    avoid: { de: [{ word: 'Rückerstattung', inCompounds: true, reason: 'One word: « Erstattung ».' }] },
  }),
  cancellation: term(
    'A ledger line: a sale undone before shipping.',
    'Cancellation',
    'Annulation',
    'Storno',
    {
      keys: ['saleKinds.cancellation'],
      avoid: { de: [{ word: 'Stornierung', reason: 'One word: « Storno » (plural « Stornos »).' }] },
    },
  ),
  floorPrice: term(
    'The lowest price the merchant’s policy allows.',
    'Floor',
    'Prix plancher',
    'Mindestpreis',
    {
      keys: ['item.floor'],
      avoid: {
        de: [
          {
            word: 'Untergrenze',
            inCompounds: true,
            reason: 'The floor is « Mindestpreis » on every screen and in the trace.',
          },
        ],
      },
    },
  ),
  discount: term('How much below the original price an item is offered.', 'Discount', 'Remise', 'Rabatt', {
    keys: ['approvals.columns.discount'],
    avoid: {
      fr: [{ word: 'rabais', reason: 'One word: « remise ».' }],
      de: [{ word: 'Nachlass', inCompounds: true, reason: 'One word: « Rabatt ».' }],
    },
  }),
  originalPrice: term('The product’s price when new.', 'Original price', 'Prix d’origine', 'Originalpreis', {
    keys: ['item.originalPrice'],
  }),
  pricingPolicy: term(
    'The merchant’s rules that turn an item’s facts into a proposed price.',
    'pricing policy',
    'politique de prix',
    'Preisrichtlinie',
  ),
  businessPolicies: term(
    'eBay’s shipping, payment and return settings of a seller account.',
    'business policies',
    'règles de vente',
    'Geschäftsrichtlinien',
  ),
  fees: term('What a channel keeps from a sale.', 'Fees', 'Frais', 'Gebühren', {
    keys: ['sales.columns.fees'],
  }),
  serviceFee: term(
    'What the returns service charges the merchant, on the statement.',
    'service fee',
    'frais de service',
    'Servicegebühr',
  ),
  statement: term('The monthly PDF sent to a merchant.', 'Statement', 'Relevé', 'Abrechnung', {
    keys: ['books.statement'],
    avoid: { de: [{ word: 'Kontoauszug', reason: 'That is a bank statement.' }] },
  }),
  payout: term(
    'What the merchant receives: sales minus fees.',
    'Net payout',
    'Versement net',
    'Nettoauszahlung',
    {
      keys: ['books.net'],
      avoid: { fr: [{ word: 'reversé', reason: 'One word for the payout: « versement ».' }] },
    },
  ),
  vat: term('Value added tax.', 'VAT', 'TVA', 'USt', {
    avoid: {
      de: [{ word: 'MwSt', reason: 'One abbreviation: « USt », the Umsatzsteuergesetz’s own word.' }],
    },
  }),
  marginScheme: term(
    'VAT on the resale margin only (second-hand goods), as tax law names it.',
    'margin scheme',
    'régime de la marge',
    'Differenzbesteuerung',
  ),
  standardScheme: term(
    'VAT on the whole sale price, as tax law names it.',
    'standard scheme',
    'régime normal',
    'Regelbesteuerung',
  ),
  bookkeeper: term('The role that sees every merchant’s books.', 'Bookkeeper', 'Comptable', 'Buchhaltung', {
    keys: ['roles.bookkeeper'],
    avoid: { de: [{ word: 'Buchhalter', reason: 'The role is named after the function: « Buchhaltung ».' }] },
  }),
  staff: term(
    'The role that receives, grades, photographs and publishes.',
    'Resale staff',
    'Opérateur revente',
    'Mitarbeiter Wiederverkauf',
    {
      keys: ['roles.staff'],
    },
  ),
  administrator: term(
    'The role that can do everything.',
    'Administrator',
    'Administrateur',
    'Administrator',
    {
      keys: ['roles.admin'],
    },
  ),
  minor: term('Defect severity: hardly noticeable.', 'Minor', 'Mineur', 'Leicht', {
    keys: ['severities.minor'],
  }),
  moderate: term('Defect severity: noticeable.', 'Moderate', 'Moyen', 'Mittel', {
    keys: ['severities.moderate'],
  }),
  major: term('Defect severity: obvious or affecting use.', 'Major', 'Majeur', 'Schwer', {
    keys: ['severities.major'],
  }),
  history: term('The item’s recorded events.', 'History', 'Historique', 'Verlauf', {
    keys: ['item.history'],
  }),
  damaged: term('Damage to a product or its packaging.', 'damaged', 'abîmé', 'beschädigt', {
    keys: ['packaging.damaged'],
    avoid: {
      fr: [
        {
          word: 'endommag',
          reason:
            'Products and packaging are « abîmés », as in the grades and the listing texts; a file or a database is « corrompu ».',
        },
      ],
    },
  }),
  corrupt: term('A file, image or database that cannot be read.', 'damaged', 'corrompu', 'beschädigt'),
} as const satisfies Readonly<Record<string, Term>>;

/** A phrase in which an avoided word is right, and why: a quotation of another product's own words. */
export interface AllowedUse {
  readonly lang: Language;
  readonly word: string;
  /** The whole phrase, as the texts write it; the word is allowed inside it only. */
  readonly phrase: string;
  readonly reason: string;
}

export const ALLOWED_USES: readonly AllowedUse[] = [
  {
    lang: 'fr',
    word: 'réglage',
    phrase: 'WooCommerce → Réglages',
    reason: 'Quotes WooCommerce’s own French menu (« Réglages »), so the person finds it there.',
  },
];

/** A grade whose words for buyers (listing titles) differ from the grading screen's, and why. */
export interface ConditionWordDifference {
  readonly lang: Language;
  readonly grade: Grade;
  readonly reason: string;
}

export const CONDITION_WORD_DIFFERENCES: readonly ConditionWordDifference[] = [
  {
    lang: 'en',
    grade: 'opened_packaging',
    reason:
      'Titles say “Open box”, the words English-speaking buyers search for and eBay’s own; the desk’s “Opened packaging” names what staff check.',
  },
];
