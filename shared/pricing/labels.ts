import type { DefectKind, DefectSeverity, Grade } from '../domain/grades';
import type { Language } from '../domain/status';
import type { RefusalDetail, SealedFinding, StepDetail } from './engine';
import type { FeeChannel, PolicyWarning, PriceEnding } from './policy';

/*
 * Every text the pricing module shows, in the app's three languages. The trace stores `code` and
 * `params`, never only a sentence, so a proposal made in English reads in French on the approval
 * screen of a French merchant. Records keyed by the domain lists make a missing translation a
 * compile error.
 */

type Texts<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

const GRADE_NAMES: Texts<Grade> = {
  en: {
    new_sealed: 'new, sealed',
    opened_packaging: 'opened packaging',
    used: 'used',
    lightly_damaged: 'lightly damaged',
    heavily_damaged: 'heavily damaged',
    defective: 'defective',
  },
  fr: {
    new_sealed: 'neuf, scellé',
    opened_packaging: 'emballage ouvert',
    used: 'occasion',
    lightly_damaged: 'légèrement abîmé',
    heavily_damaged: 'très abîmé',
    defective: 'défectueux',
  },
  de: {
    new_sealed: 'neu, versiegelt',
    opened_packaging: 'Verpackung geöffnet',
    used: 'gebraucht',
    lightly_damaged: 'leicht beschädigt',
    heavily_damaged: 'stark beschädigt',
    defective: 'defekt',
  },
};

const DEFECT_NAMES: Texts<DefectKind> = {
  en: {
    scratch: 'scratch',
    dent: 'dent',
    stain: 'stain',
    tear: 'tear',
    crack: 'crack',
    discolouration: 'discolouration',
    missing_part: 'missing part',
    not_working: 'not working',
    other: 'other',
  },
  fr: {
    scratch: 'rayure',
    dent: 'bosse',
    stain: 'tache',
    tear: 'déchirure',
    crack: 'fissure',
    discolouration: 'décoloration',
    missing_part: 'pièce manquante',
    not_working: 'ne fonctionne pas',
    other: 'autre',
  },
  de: {
    scratch: 'Kratzer',
    dent: 'Delle',
    stain: 'Fleck',
    tear: 'Riss',
    crack: 'Sprung',
    discolouration: 'Verfärbung',
    missing_part: 'fehlendes Teil',
    not_working: 'funktioniert nicht',
    other: 'Sonstiges',
  },
};

// "Minor defect: scratch" rather than "minor scratch": it stays grammatical for every kind
// ("not working") and in German, where the adjective would have to agree with each noun.
const SEVERITY_DEFECT: Texts<DefectSeverity> = {
  en: { minor: 'Minor defect', moderate: 'Moderate defect', major: 'Major defect' },
  fr: { minor: 'Défaut mineur', moderate: 'Défaut moyen', major: 'Défaut majeur' },
  de: { minor: 'Leichter Mangel', moderate: 'Mittlerer Mangel', major: 'Schwerer Mangel' },
};

// German forms agree with "Mangel" (masculine, nominative), the only noun they qualify here.
const SEVERITY_NAMES: Texts<DefectSeverity> = {
  en: { minor: 'minor', moderate: 'moderate', major: 'major' },
  fr: { minor: 'mineur', moderate: 'moyen', major: 'majeur' },
  de: { minor: 'leichter', moderate: 'mittlerer', major: 'schwerer' },
};

const FINDING_NAMES: Texts<SealedFinding> = {
  en: {
    packaging: 'packaging not sealed',
    accessories: 'missing accessories',
    defects: 'defects',
    functional_test: 'failed functional test',
  },
  fr: {
    packaging: 'emballage non scellé',
    accessories: 'accessoires manquants',
    defects: 'défauts',
    functional_test: 'test de fonctionnement échoué',
  },
  de: {
    packaging: 'Verpackung nicht versiegelt',
    accessories: 'fehlendes Zubehör',
    defects: 'Mängel',
    functional_test: 'Funktionstest nicht bestanden',
  },
};

const CHANNEL_NAMES: Texts<FeeChannel> = {
  en: { ebay: 'eBay', shop: 'the shop' },
  fr: { ebay: 'eBay', shop: 'la boutique' },
  de: { ebay: 'eBay', shop: 'den Shop' },
};

/**
 * A rate as each language writes it: "12.5%" (en), "12,5 %" (fr, narrow no-break space),
 * "12,5 %" (de, no-break space). Built by hand from the integer rather than with Intl: the spacing
 * Intl picks depends on the ICU version (Node and Electron differ), and a stored label must not.
 */
function percent(bp: number, lang: Language): string {
  const magnitude = Math.abs(bp);
  const whole = Math.floor(magnitude / 100);
  const hundredths = magnitude % 100;
  const decimals = hundredths === 0 ? '' : String(hundredths).padStart(2, '0').replace(/0$/, '');
  const separator = lang === 'en' ? '.' : ',';
  const number = `${bp < 0 ? '−' : ''}${whole}${decimals ? separator + decimals : ''}`;
  const suffix = { en: '%', fr: '\u202f%', de: '\u00a0%' }[lang];
  return number + suffix;
}

/** A signed rate with a true minus sign, as typeset prices use. */
function signed(bp: number, sign: '−' | '+', lang: Language): string {
  return `${sign}${percent(bp, lang)}`;
}

/** ".99" in English, ",99" in French and German, as prices are written there. */
function endingText(ending: PriceEnding, lang: Language): string {
  return lang === 'en' ? ending : ending.replace('.', ',');
}

/** A colon as each language sets it: French puts a (narrow no-break) space before it. */
function colon(lang: Language): string {
  return lang === 'fr' ? '\u202f: ' : ': ';
}

const NBSP_NARROW = '\u202f';

/** The label of one trace step in the given language. */
export function labelFor(step: StepDetail, lang: Language): string {
  const c = colon(lang);
  switch (step.code) {
    case 'grade': {
      const head = { en: 'Grade', fr: 'État', de: 'Zustand' }[lang];
      return `${head}${c}${GRADE_NAMES[lang][step.params.grade]} (${signed(step.params.bp, '−', lang)})`;
    }
    case 'packaging': {
      const text =
        step.params.packaging === 'damaged'
          ? { en: 'Damaged packaging', fr: 'Emballage abîmé', de: 'Verpackung beschädigt' }[lang]
          : {
              en: 'Original packaging missing',
              fr: 'Emballage d’origine manquant',
              de: 'Originalverpackung fehlt',
            }[lang];
      return `${text} (${signed(step.params.bp, '−', lang)})`;
    }
    case 'accessory': {
      const head = { en: 'Missing accessory', fr: 'Accessoire manquant', de: 'Fehlendes Zubehör' }[lang];
      return `${head}${c}${step.params.accessory} (${signed(step.params.bp, '−', lang)})`;
    }
    case 'defect':
      return `${SEVERITY_DEFECT[lang][step.params.severity]}${c}${DEFECT_NAMES[lang][step.params.kind]} (${signed(step.params.bp, '−', lang)})`;
    case 'refurbished': {
      const text = {
        en: 'Tested, reset and cleaned',
        fr: 'Testé, réinitialisé et nettoyé',
        de: 'Geprüft, zurückgesetzt und gereinigt',
      }[lang];
      return `${text} (${signed(step.params.bp, '+', lang)})`;
    }
    case 'untested': {
      const text = { en: 'Not tested', fr: 'Non testé', de: 'Nicht geprüft' }[lang];
      return `${text} (${signed(step.params.bp, '−', lang)})`;
    }
    case 'floor':
      return {
        en: 'Raised to the floor price',
        fr: 'Relevé au prix plancher',
        de: 'Auf den Mindestpreis angehoben',
      }[lang];
    case 'rounding': {
      const ending = endingText(step.params.ending, lang);
      return step.params.direction === 'down'
        ? {
            en: `Rounded down to ${ending}`,
            fr: `Arrondi vers le bas à ${ending}`,
            de: `Abgerundet auf ${ending}`,
          }[lang]
        : {
            en: `Rounded up to ${ending} to stay above the floor`,
            fr: `Arrondi vers le haut à ${ending} pour rester au-dessus du prix plancher`,
            de: `Aufgerundet auf ${ending}, um über dem Mindestpreis zu bleiben`,
          }[lang];
    }
    case 'manual':
      return step.params.belowFloor
        ? {
            en: 'Price set by hand, below the floor',
            fr: 'Prix saisi à la main, sous le prix plancher',
            de: 'Preis von Hand festgelegt, unter dem Mindestpreis',
          }[lang]
        : { en: 'Price set by hand', fr: 'Prix saisi à la main', de: 'Preis von Hand festgelegt' }[lang];
  }
}

/** Why an item got no price, for the person at the desk. */
export function refusalText(refusal: RefusalDetail, lang: Language): string {
  switch (refusal.code) {
    case 'defective_not_priced':
      return {
        en: 'Defective items are never priced: destroy, recycle or return them to the merchant.',
        fr: 'Un article défectueux n’est jamais mis en vente : à détruire, recycler ou renvoyer au marchand.',
        de: 'Defekte Artikel werden nie bepreist: entsorgen, recyceln oder an den Händler zurücksenden.',
      }[lang];
    case 'sealed_with_findings':
      return sealedWithFindingsText(
        refusal.findings.map((finding) => FINDING_NAMES[lang][finding]).join(', '),
        lang,
      );
  }
}

/** The sealed-item refusal around a list of findings already written in `lang`. */
export function sealedWithFindingsText(list: string, lang: Language): string {
  return {
    en: `A sealed item goes back to stock as new, but this one has findings (${list}): regrade it.`,
    fr: `Un article scellé retourne en stock comme neuf, mais celui-ci présente des constats (${list})${NBSP_NARROW}: contrôlez-le à nouveau.`,
    de: `Ein versiegelter Artikel geht als neu ins Lager zurück, dieser hat aber Befunde (${list}): bitte erneut prüfen.`,
  }[lang];
}

/** One finding that contradicts a sealed grade, as `refusalText` names it. */
export function findingText(finding: SealedFinding, lang: Language): string {
  return FINDING_NAMES[lang][finding];
}

/** A policy warning for the policy editor, in the merchant's language. */
export function policyWarningText(warning: PolicyWarning, lang: Language): string {
  switch (warning.code) {
    case 'grade_ladder_not_monotonic': {
      const { better, worse, betterBp, worseBp } = warning.params;
      const b = GRADE_NAMES[lang][better];
      const w = GRADE_NAMES[lang][worse];
      const bp = percent(betterBp, lang);
      const wp = percent(worseBp, lang);
      return {
        en: `“${w}” is discounted less (${wp}) than the better grade “${b}” (${bp}): a worse item would sell for more.`,
        fr: `«${NBSP_NARROW}${w}${NBSP_NARROW}» a une remise plus faible (${wp}) que l’état meilleur «${NBSP_NARROW}${b}${NBSP_NARROW}» (${bp})${NBSP_NARROW}: un article en moins bon état se vendrait plus cher.`,
        de: `„${w}“ ist geringer reduziert (${wp}) als der bessere Zustand „${b}“ (${bp}): ein schlechterer Artikel wäre teurer.`,
      }[lang];
    }
    case 'defect_severity_not_monotonic': {
      const { lesser, greater, lesserBp, greaterBp } = warning.params;
      const l = SEVERITY_NAMES[lang][lesser];
      const g = SEVERITY_NAMES[lang][greater];
      const lp = percent(lesserBp, lang);
      const gp = percent(greaterBp, lang);
      return {
        en: `A ${g} defect costs less (${gp}) than a ${l} one (${lp}).`,
        fr: `Un défaut ${g} coûte moins (${gp}) qu’un défaut ${l} (${lp}).`,
        de: `Ein ${g} Mangel kostet weniger (${gp}) als ein ${l} (${lp}).`,
      }[lang];
    }
    case 'packaging_not_monotonic': {
      const mp = percent(warning.params.missingBp, lang);
      const dp = percent(warning.params.damagedBp, lang);
      return {
        en: `A missing box costs less (${mp}) than a damaged one (${dp}).`,
        fr: `Un emballage manquant coûte moins (${mp}) qu’un emballage abîmé (${dp}).`,
        de: `Eine fehlende Verpackung kostet weniger (${mp}) als eine beschädigte (${dp}).`,
      }[lang];
    }
    case 'refurbished_credit_breaks_ladder': {
      const cp = percent(warning.params.creditBp, lang);
      const gp = percent(Math.max(0, warning.params.gapBp), lang);
      return {
        en: `The refurbishment credit (${cp}) is larger than the gap between “opened packaging” and “used” (${gp}): a refurbished used item would sell for more than an unused one.`,
        fr: `Le bonus de remise en état (${cp}) dépasse l’écart entre «${NBSP_NARROW}emballage ouvert${NBSP_NARROW}» et «${NBSP_NARROW}occasion${NBSP_NARROW}» (${gp})${NBSP_NARROW}: un article d’occasion remis en état se vendrait plus cher qu’un article jamais utilisé.`,
        de: `Der Aufbereitungsbonus (${cp}) ist größer als der Abstand zwischen „Verpackung geöffnet“ und „gebraucht“ (${gp}): ein aufbereiteter gebrauchter Artikel wäre teurer als ein unbenutzter.`,
      }[lang];
    }
    case 'floor_above_original': {
      const p = percent(warning.params.bp, lang);
      return {
        en: `The floor (${p}) is above 100% of the original price; prices will be held at the original.`,
        fr: `Le prix plancher (${p}) dépasse ${percent(10_000, lang)} du prix d’origine${NBSP_NARROW}; les prix resteront au prix d’origine.`,
        de: `Der Mindestpreis (${p}) liegt über ${percent(10_000, lang)} des Originalpreises; die Preise bleiben beim Originalpreis.`,
      }[lang];
    }
    case 'no_floor':
      return {
        en: 'There is no floor: a heavily discounted item could be proposed for nothing.',
        fr: `Aucun prix plancher${NBSP_NARROW}: un article très remisé pourrait être proposé pour rien.`,
        de: 'Es gibt keinen Mindestpreis: ein stark reduzierter Artikel könnte für nichts angeboten werden.',
      }[lang];
    case 'floor_nets_nothing': {
      const ch = CHANNEL_NAMES[lang][warning.params.channel];
      return {
        en: `At the fixed floor, ${ch}’s estimated fees take the whole price: a sale there recovers nothing.`,
        fr: `Au prix plancher fixe, les frais estimés de ${ch} absorbent tout le prix${NBSP_NARROW}: une vente n’y rapporte rien.`,
        de: `Beim festen Mindestpreis verschlingen die geschätzten Gebühren von ${ch} den ganzen Preis: ein Verkauf bringt nichts ein.`,
      }[lang];
    }
    case 'auto_approves_everything':
      return {
        en: 'The auto-approval threshold is 100% or more: every discount is approved without a person.',
        fr: `Le seuil de validation automatique est de ${percent(10_000, lang)} ou plus${NBSP_NARROW}: toute remise est validée sans que personne ne la voie.`,
        de: `Die Schwelle für die automatische Freigabe liegt bei ${percent(10_000, lang)} oder mehr: Jeder Rabatt wird freigegeben, ohne dass ihn jemand sieht.`,
      }[lang];
  }
}
