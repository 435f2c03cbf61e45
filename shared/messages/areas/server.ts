import { defineMessages } from '../define';

/** What the desktop app says while it connects to a Rebound server (electron/main/server.ts). */
export const SERVER_MESSAGES = defineMessages({
  'server.type_address': {
    en: 'Type the server’s address, for example rebound.example.com.',
    fr: 'Saisissez l’adresse du serveur, par exemple rebound.example.com.',
    de: 'Geben Sie die Adresse des Servers ein, zum Beispiel rebound.example.com.',
  },
  'server.not_an_address': {
    en: '“{{address}}” is not a web address.',
    fr: '« {{address}} » n’est pas une adresse web.',
    de: '„{{address}}“ ist keine Webadresse.',
  },
  'server.not_an_https_address': {
    en: '“{{address}}” is not a web address (https://…).',
    fr: '« {{address}} » n’est pas une adresse web (https://…).',
    de: '„{{address}}“ ist keine Webadresse (https://…).',
  },
  'server.no_credentials_in_address': {
    en: 'The address must not hold a name or password: you sign in on the server’s page.',
    fr: 'L’adresse ne doit contenir ni nom ni mot de passe : vous vous connectez sur la page du serveur.',
    de: 'Die Adresse darf keinen Namen und kein Passwort enthalten: Sie melden sich auf der Seite des Servers an.',
  },
  'server.https_only': {
    en: 'Rebound connects to a server on another machine over HTTPS only (https://{{host}}): over plain HTTP, passwords and sessions would cross the network readable.',
    fr: 'Rebound ne se connecte à un serveur sur une autre machine qu’en HTTPS (https://{{host}}) : en HTTP simple, les mots de passe et les sessions traverseraient le réseau en clair.',
    de: 'Rebound verbindet sich mit einem Server auf einem anderen Rechner nur über HTTPS (https://{{host}}): Über einfaches HTTP gingen Passwörter und Sitzungen lesbar durchs Netz.',
  },
  'server.no_answer': {
    en: 'No answer from {{origin}} ({{reason}}). Check the address, and that the server runs.',
    fr: 'Aucune réponse de {{origin}} ({{reason}}). Vérifiez l’adresse et que le serveur fonctionne.',
    de: 'Keine Antwort von {{origin}} ({{reason}}). Prüfen Sie die Adresse und ob der Server läuft.',
  },
  'server.not_rebound': {
    en: '{{origin}} answers, but it is not a Rebound server.',
    fr: '{{origin}} répond, mais ce n’est pas un serveur Rebound.',
    de: '{{origin}} antwortet, ist aber kein Rebound-Server.',
  },
});
