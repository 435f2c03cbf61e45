import { defineCliTexts } from '../texts';

/** The words of `rebound users …` (cli/users.ts). */
export const USERS_TEXTS = defineCliTexts({
  'users.description': {
    en: 'the people who sign in to this workspace',
    fr: 'les personnes qui se connectent à cet espace de travail',
    de: 'die Personen, die sich an diesem Arbeitsbereich anmelden',
  },
  'add.description': {
    en: 'add a person with a role; the password is read from standard input',
    fr: 'ajoute une personne avec un rôle ; le mot de passe est lu sur l’entrée standard',
    de: 'fügt eine Person mit einer Rolle hinzu; das Passwort wird von der Standardeingabe gelesen',
  },
  'add.name': {
    en: 'their name, as they will type it to sign in',
    fr: 'son nom, tel qu’il sera saisi pour se connecter',
    de: 'der Name, so wie die Person ihn beim Anmelden eingibt',
  },
  'add.role': {
    en: 'one of {{roles}}',
    fr: 'un rôle parmi {{roles}}',
    de: 'eine der Rollen {{roles}}',
  },
  'add.merchant': {
    en: 'for an approver: a merchant (id or name) they decide for; repeat for several',
    fr: 'pour un valideur : un marchand (id ou nom) pour lequel il décide ; à répéter pour plusieurs',
    de: 'für einen Freigeber: ein Händler (ID oder Name), für den die Person entscheidet; für mehrere wiederholen',
  },
  'option.passwordStdin': {
    en: 'read the password from standard input (required)',
    fr: 'lit le mot de passe sur l’entrée standard (obligatoire)',
    de: 'liest das Passwort von der Standardeingabe (erforderlich)',
  },
  'add.done': {
    en: 'Added {{person}}.',
    fr: 'Personne ajoutée : {{person}}.',
    de: 'Hinzugefügt: {{person}}.',
  },
  'person.for': {
    en: ' for {{merchants}}',
    fr: ' pour {{merchants}}',
    de: ' für {{merchants}}',
  },
  'person.disabled': {
    en: '(disabled)',
    fr: '(compte désactivé)',
    de: '(deaktiviert)',
  },
  'list.description': {
    en: 'everybody, with their role, merchants and whether they are disabled',
    fr: 'tout le monde, avec son rôle, ses marchands et si son compte est désactivé',
    de: 'alle Personen, mit Rolle, Händlern und ob sie deaktiviert sind',
  },
  'list.nobody': {
    en: 'Nobody yet: `rebound users add NAME --role admin --password-stdin` creates the first admin.',
    fr: 'Personne pour l’instant : `rebound users add NOM --role admin --password-stdin` crée le premier administrateur.',
    de: 'Noch niemand: `rebound users add NAME --role admin --password-stdin` legt den ersten Administrator an.',
  },
  'disable.description': {
    en: 'disable a person: their sessions end and they cannot sign in (history keeps their name)',
    fr: 'désactive une personne : ses sessions prennent fin et elle ne peut plus se connecter (l’historique garde son nom)',
    de: 'deaktiviert eine Person: ihre Sitzungen werden beendet, und sie kann sich nicht mehr anmelden (der Verlauf behält ihren Namen)',
  },
  'enable.description': {
    en: 'let a disabled person sign in again',
    fr: 'permet à une personne désactivée de se connecter de nouveau',
    de: 'erlaubt einer deaktivierten Person, sich wieder anzumelden',
  },
  nameOrId: {
    en: 'their name or id',
    fr: 'son nom ou son id',
    de: 'Name oder ID der Person',
  },
  'disable.done': {
    en: '{{name}} is disabled.',
    fr: 'Le compte de {{name}} est désactivé.',
    de: '{{name}} ist deaktiviert.',
  },
  'enable.done': {
    en: '{{name}} is enabled.',
    fr: 'Le compte de {{name}} est réactivé.',
    de: '{{name}} ist wieder aktiviert.',
  },
  'reset.description': {
    en: 'set a new password for a person (read from standard input); their sessions end',
    fr: 'définit un nouveau mot de passe pour une personne (lu sur l’entrée standard) ; ses sessions prennent fin',
    de: 'setzt ein neues Passwort für eine Person (von der Standardeingabe gelesen); ihre Sitzungen werden beendet',
  },
  'reset.done': {
    en: 'Password of {{name}} reset; their sessions have ended.',
    fr: 'Le mot de passe de {{name}} est réinitialisé ; ses sessions ont pris fin.',
    de: 'Das Passwort von {{name}} wurde zurückgesetzt; die Sitzungen der Person wurden beendet.',
  },
  'error.nobody': {
    en: 'There is nobody called “{{name}}”.',
    fr: 'Il n’y a personne du nom de « {{name}} ».',
    de: 'Es gibt niemanden namens „{{name}}“.',
  },
  'error.people': {
    en: ' People: {{list}}.',
    fr: ' Personnes : {{list}}.',
    de: ' Personen: {{list}}.',
  },
  'error.unknownRole': {
    en: 'Unknown role “{{role}}”. Roles: {{roles}}.',
    fr: 'Rôle inconnu : « {{role}} ». Rôles : {{roles}}.',
    de: 'Unbekannte Rolle „{{role}}“. Rollen: {{roles}}.',
  },
  'error.passwordStdin': {
    en: 'Pass --password-stdin and give the password on standard input.',
    fr: 'Ajoutez --password-stdin et donnez le mot de passe sur l’entrée standard.',
    de: 'Geben Sie --password-stdin an und übergeben Sie das Passwort über die Standardeingabe.',
  },
});
