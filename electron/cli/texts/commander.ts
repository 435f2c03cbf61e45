import { defineCliTexts } from '../texts';

/**
 * Commander's own words (its help headings, its help and version options, its usage errors),
 * which cli/index.ts puts in the run's language. The errors' English is commander's, matched by
 * pattern (cli/commanderWords.ts).
 */
export const COMMANDER_TEXTS = defineCliTexts({
  'title.Usage:': { en: 'Usage:', fr: 'Utilisation :', de: 'Aufruf:' },
  'title.Options:': { en: 'Options:', fr: 'Options :', de: 'Optionen:' },
  'title.Commands:': { en: 'Commands:', fr: 'Commandes :', de: 'Befehle:' },
  'title.Arguments:': { en: 'Arguments:', fr: 'Arguments :', de: 'Argumente:' },
  'title.Global Options:': { en: 'Global Options:', fr: 'Options générales :', de: 'Allgemeine Optionen:' },
  default: { en: 'default', fr: 'par défaut', de: 'Standard' },
  choices: { en: 'choices', fr: 'au choix', de: 'Auswahl' },
  env: { en: 'env', fr: 'variable', de: 'Umgebung' },
  help: {
    en: 'display help for command',
    fr: 'affiche l’aide de la commande',
    de: 'zeigt die Hilfe zum Befehl',
  },
  version: {
    en: 'output the version number',
    fr: 'affiche le numéro de version',
    de: 'gibt die Versionsnummer aus',
  },
  afterError: {
    en: '(run with --help for usage)',
    fr: '(lancez avec --help pour l’utilisation)',
    de: '(mit --help aufrufen, um die Verwendung zu sehen)',
  },
  'error.unknownCommand': {
    en: "error: unknown command '{{name}}'",
    fr: 'erreur : commande inconnue « {{name}} »',
    de: 'Fehler: unbekannter Befehl „{{name}}“',
  },
  'error.unknownOption': {
    en: "error: unknown option '{{name}}'",
    fr: 'erreur : option inconnue « {{name}} »',
    de: 'Fehler: unbekannte Option „{{name}}“',
  },
  'error.missingArgument': {
    en: "error: missing required argument '{{name}}'",
    fr: 'erreur : argument obligatoire manquant « {{name}} »',
    de: 'Fehler: erforderliches Argument „{{name}}“ fehlt',
  },
  'error.optionArgumentMissing': {
    en: "error: option '{{name}}' argument missing",
    fr: 'erreur : l’option « {{name}} » attend une valeur',
    de: 'Fehler: Option „{{name}}“ fehlt der Wert',
  },
  'error.requiredOption': {
    en: "error: required option '{{name}}' not specified",
    fr: 'erreur : l’option obligatoire « {{name}} » n’est pas donnée',
    de: 'Fehler: erforderliche Option „{{name}}“ nicht angegeben',
  },
  'error.tooManyArguments': {
    en: 'error: too many arguments',
    fr: 'erreur : trop d’arguments',
    de: 'Fehler: zu viele Argumente',
  },
  'error.invalidChoice': {
    en: "error: option '{{name}}' argument '{{value}}' is invalid. Allowed choices are {{choices}}.",
    fr: 'erreur : la valeur « {{value}} » de l’option « {{name}} » n’est pas valable. Valeurs possibles : {{choices}}.',
    de: 'Fehler: Wert „{{value}}“ der Option „{{name}}“ ist ungültig. Möglich sind {{choices}}.',
  },
  didYouMean: {
    en: '(Did you mean {{names}}?)',
    fr: '(Vouliez-vous dire {{names}} ?)',
    de: '(Meinten Sie {{names}}?)',
  },
});
