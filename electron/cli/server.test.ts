import { describe, expect, test } from 'vitest';
import { rebound } from '../../tests/support/cli';

/** Only the help: starting an instance needs PostgreSQL (tests/integration/server-cli.test.ts). */
describe('rebound server, in French and German', () => {
  test('a French warehouse manager reads how to start the server and set up its database', async () => {
    const server = await rebound('server', '--help', '--lang', 'fr');
    expect(server.code).toBe(0);
    expect(server.out).toContain('lance une instance du serveur Rebound sur PostgreSQL');
    expect(server.out).toContain('le dossier que partagent toutes les instances');
    const init = await rebound('server', 'init', '--help', '--lang', 'fr');
    expect(init.out).toContain('crée le schéma dans une base vide');
    expect(init.out).toContain('le nom du premier administrateur');
  });

  test('a German warehouse manager reads the same help in German', async () => {
    const server = await rebound('server', '--help', '--lang', 'de');
    expect(server.code).toBe(0);
    expect(server.out).toContain('startet eine Instanz des Rebound-Servers auf PostgreSQL');
    expect(server.out).toContain('die PostgreSQL-Datenbank:');
    expect(server.out).toContain('postgres://BENUTZER:PASSWORT@HOST:PORT/DB');
    const init = await rebound('server', 'init', '--help', '--lang', 'de');
    expect(init.out).toContain('liest das Passwort des Administrators');
  });

  test('in English the help reads as before', async () => {
    const server = await rebound('server', '--help');
    expect(server.out).toContain('run an instance of the Rebound server on PostgreSQL');
    expect((await rebound('server', 'init', '--help')).out).toContain('the first admin’s name');
  });
});
