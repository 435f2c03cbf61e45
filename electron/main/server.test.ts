import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../tests/integration/temp';
import { serveWorkspace } from '../../tests/support/browser';
import { failure } from '../../tests/support/failure';
import { isServerPage, parseServerAddress, probeServer, readServerChoice, saveServerChoice } from './server';

describe('connecting the desktop app to a Rebound server', () => {
  test('the address a person types becomes an https origin; http only for this machine', () => {
    expect(parseServerAddress(' rebound.example.com ')).toBe('https://rebound.example.com');
    expect(parseServerAddress('https://rebound.example.com:8443/#/items')).toBe(
      'https://rebound.example.com:8443',
    );
    expect(parseServerAddress('http://127.0.0.1:5178')).toBe('http://127.0.0.1:5178');
    expect(parseServerAddress('http://localhost:5178/')).toBe('http://localhost:5178');
    expect(() => parseServerAddress('http://rebound.example.com')).toThrow(/HTTPS only/);
    expect(() => parseServerAddress('https://nadia:secret@rebound.example.com')).toThrow(/name or password/);
    expect(() => parseServerAddress('file:///etc/passwd')).toThrow(/not a web address/);
    expect(() => parseServerAddress('javascript:alert(1)')).toThrow(/not a web address/);
    expect(() => parseServerAddress('   ')).toThrow(/Type the server/);
  });

  test('only the chosen server’s own pages count as its pages', () => {
    const server = 'https://rebound.example.com';
    expect(isServerPage('https://rebound.example.com/#/approvals', server)).toBe(true);
    expect(isServerPage('https://rebound.example.com.evil.test/', server)).toBe(false);
    expect(isServerPage('http://rebound.example.com/', server)).toBe(false);
    expect(isServerPage('https://rebound.example.com/', null)).toBe(false);
    expect(isServerPage('not a url', server)).toBe(false);
  });

  test('the choice is remembered in the profile, owner-only, and a damaged file means the local workspace', () => {
    const profile = tempDir();
    expect(readServerChoice(profile)).toBeNull();
    saveServerChoice(profile, 'rebound.example.com');
    expect(readServerChoice(profile)).toBe('https://rebound.example.com');
    if (process.platform !== 'win32')
      expect(fs.statSync(path.join(profile, 'server.json')).mode & 0o777).toBe(0o600);
    fs.writeFileSync(path.join(profile, 'server.json'), '{"origin":"http://evil.example.com"}');
    expect(readServerChoice(profile)).toBeNull();
    fs.writeFileSync(path.join(profile, 'server.json'), 'not json');
    expect(readServerChoice(profile)).toBeNull();
    saveServerChoice(profile, null);
    expect(fs.existsSync(path.join(profile, 'server.json'))).toBe(false);
  });

  test('a real Rebound server is recognised; another web server and no server are told apart', async () => {
    const served = await serveWorkspace();
    await expect(probeServer(served.origin)).resolves.toBeUndefined();
    const notRebound = await failure(
      probeServer(
        'https://rebound.example.com',
        async () => new Response('<html>hello</html>', { status: 200 }),
      ),
    );
    expect(notRebound.message).toContain('not a Rebound server');
    const nobody = await failure(probeServer('http://127.0.0.1:9', fetch, 2_000));
    expect(nobody.message).toContain('No answer from http://127.0.0.1:9');
  });
});
