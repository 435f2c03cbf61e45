import { defineMessages } from '../define';

/**
 * What the accounts part of the services says to a person: people, sessions and passwords. A
 * refused sign-in says the same whether the name or the password was wrong, in every language.
 */
export const ACCOUNTS_MESSAGES = defineMessages({
  // Signing in.
  'accounts.wrong_credentials': {
    en: 'The name or the password is not right.',
    fr: 'Le nom ou le mot de passe est incorrect.',
    de: 'Name oder Passwort ist nicht richtig.',
  },
  'accounts.throttled_seconds': {
    en: {
      one: 'Too many failed sign-ins: try again in {{count}} second.',
      other: 'Too many failed sign-ins: try again in {{count}} seconds.',
    },
    fr: {
      one: 'Trop d’échecs de connexion : réessayez dans {{count}} seconde.',
      other: 'Trop d’échecs de connexion : réessayez dans {{count}} secondes.',
    },
    de: {
      one: 'Zu viele fehlgeschlagene Anmeldungen: Versuchen Sie es in {{count}} Sekunde erneut.',
      other: 'Zu viele fehlgeschlagene Anmeldungen: Versuchen Sie es in {{count}} Sekunden erneut.',
    },
  },
  'accounts.throttled_minutes': {
    en: {
      one: 'Too many failed sign-ins: try again in {{count}} minute.',
      other: 'Too many failed sign-ins: try again in {{count}} minutes.',
    },
    fr: {
      one: 'Trop d’échecs de connexion : réessayez dans {{count}} minute.',
      other: 'Trop d’échecs de connexion : réessayez dans {{count}} minutes.',
    },
    de: {
      one: 'Zu viele fehlgeschlagene Anmeldungen: Versuchen Sie es in {{count}} Minute erneut.',
      other: 'Zu viele fehlgeschlagene Anmeldungen: Versuchen Sie es in {{count}} Minuten erneut.',
    },
  },
  'accounts.disabled': {
    en: '{{name}} is disabled: ask an admin.',
    fr: 'Le compte de {{name}} est désactivé : adressez-vous à un administrateur.',
    de: 'Das Konto von {{name}} ist deaktiviert: Wenden Sie sich an einen Administrator.',
  },
  'accounts.sign_in_to_change_password': {
    en: 'Sign in to change your password.',
    fr: 'Connectez-vous pour changer votre mot de passe.',
    de: 'Melden Sie sich an, um Ihr Passwort zu ändern.',
  },
  'accounts.current_password_wrong': {
    en: 'The current password is not right.',
    fr: 'Le mot de passe actuel est incorrect.',
    de: 'Das aktuelle Passwort ist nicht richtig.',
  },

  // People.
  'accounts.nobody_with_id': {
    en: 'There is nobody with id {{id}}.',
    fr: 'Personne n’a l’identifiant {{id}}.',
    de: 'Es gibt niemanden mit der ID {{id}}.',
  },
  'accounts.no_merchant': {
    en: { one: 'There is no merchant with id {{ids}}.', other: 'There is no merchant with id {{ids}}.' },
    fr: {
      one: 'Aucun marchand n’a l’identifiant {{ids}}.',
      other: 'Aucun marchand n’a les identifiants {{ids}}.',
    },
    de: {
      one: 'Es gibt keinen Händler mit der ID {{ids}}.',
      other: 'Es gibt keine Händler mit den IDs {{ids}}.',
    },
  },
  'accounts.name_taken': {
    en: 'Somebody is already called “{{name}}”.',
    fr: 'Quelqu’un s’appelle déjà « {{name}} ».',
    de: 'Es gibt bereits jemanden namens „{{name}}“.',
  },
  'accounts.already_has_people': {
    en: 'This workspace already has people: sign in, or ask an admin to add you.',
    fr: 'Cet espace de travail a déjà des utilisateurs : connectez-vous, ou demandez à un administrateur de vous ajouter.',
    de: 'Dieser Arbeitsbereich hat bereits Personen: Melden Sie sich an oder bitten Sie einen Administrator, Sie hinzuzufügen.',
  },
  'accounts.last_admin': {
    en: 'This is the last admin who can sign in: add another admin first.',
    fr: 'C’est le dernier administrateur qui peut se connecter : ajoutez d’abord un autre administrateur.',
    de: 'Das ist der letzte Administrator, der sich anmelden kann: Fügen Sie zuerst einen weiteren Administrator hinzu.',
  },
  'accounts.cannot_disable_self': {
    en: 'You cannot disable yourself; ask another admin.',
    fr: 'Vous ne pouvez pas désactiver votre propre compte ; demandez à un autre administrateur.',
    de: 'Sie können sich nicht selbst deaktivieren; bitten Sie einen anderen Administrator.',
  },

  // Sessions.
  'accounts.no_session': {
    en: 'There is no session {{id}}.',
    fr: 'La session {{id}} n’existe pas.',
    de: 'Die Sitzung {{id}} gibt es nicht.',
  },
  'accounts.own_sessions_only': {
    en: '{{name}} can end only their own sessions.',
    fr: '{{name}} ne peut fermer que ses propres sessions.',
    de: '{{name}} kann nur die eigenen Sitzungen beenden.',
  },
  'accounts.see_own_sessions_only': {
    en: '{{name}} can see only their own sessions.',
    fr: '{{name}} ne peut voir que ses propres sessions.',
    de: '{{name}} kann nur die eigenen Sitzungen sehen.',
  },

  // A session's device, read back from its stored label (shared/accounts/device.ts).
  'accounts.device_on': {
    en: '{{what}} on {{where}}',
    fr: '{{what}} sous {{where}}',
    de: '{{what}} unter {{where}}',
  },
  'accounts.device_a_browser': { en: 'a browser', fr: 'un navigateur', de: 'ein Browser' },
  'accounts.device_desktop_on': {
    en: 'Rebound desktop on {{where}}',
    fr: 'Application Rebound sur {{where}}',
    de: 'Rebound-Desktop-App auf {{where}}',
  },
  'accounts.device_command_line': { en: 'command line', fr: 'ligne de commande', de: 'Kommandozeile' },

  // History.
  'accounts.added': {
    en: '{{person}} added as {{role}} by {{name}}',
    fr: '{{name}} a ajouté {{person}} avec le rôle « {{role}} »',
    de: '{{person}} mit der Rolle „{{role}}“ hinzugefügt von {{name}}',
  },
  'accounts.role_changed': {
    en: '{{person}} is now {{role}} (changed by {{name}})',
    fr: '{{person}} a désormais le rôle « {{role}} » (modifié par {{name}})',
    de: '{{person}} hat jetzt die Rolle „{{role}}“ (geändert von {{name}})',
  },
  'accounts.password_reset': {
    en: 'Password of {{person}} reset by {{name}}',
    fr: 'Mot de passe de {{person}} réinitialisé par {{name}}',
    de: 'Passwort von {{person}} zurückgesetzt von {{name}}',
  },
  'accounts.person_disabled': {
    en: '{{person}} disabled by {{name}}',
    fr: 'Compte de {{person}} désactivé par {{name}}',
    de: 'Konto von {{person}} deaktiviert von {{name}}',
  },
  'accounts.person_enabled': {
    en: '{{person}} enabled again by {{name}}',
    fr: 'Compte de {{person}} réactivé par {{name}}',
    de: 'Konto von {{person}} wieder aktiviert von {{name}}',
  },
  'accounts.password_changed': {
    en: '{{person}} changed their password',
    fr: '{{person}} a changé son mot de passe',
    de: '{{person}} hat das eigene Passwort geändert',
  },
  'accounts.signed_in': {
    en: '{{person}} signed in ({{device}})',
    fr: 'Connexion de {{person}} ({{device}})',
    de: '{{person}} hat sich angemeldet ({{device}})',
  },
  'accounts.session_ended': {
    en: 'Session of {{person}} on {{device}} ended by {{name}}',
    fr: 'Session de {{person}} sur {{device}} fermée par {{name}}',
    de: 'Sitzung von {{person}} auf {{device}} beendet von {{name}}',
  },
});
