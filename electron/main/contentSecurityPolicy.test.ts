import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from './contentSecurityPolicy';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split('; ').map((directive) => {
      const [name, ...values] = directive.split(' ');
      return [name!, values.join(' ')] as const;
    }),
  );
}

describe('the Content-Security-Policy of every page', () => {
  test('packaged (no dev server): our own scripts only, nothing inline, nothing evaluated', () => {
    const csp = contentSecurityPolicy(undefined);
    expect(csp).toBe(
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: rebound-photo:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' blob: mediastream:",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    expect(csp).not.toContain('unsafe-eval');
    expect(directives(csp).get('script-src')).toBe("'self'");
  });

  test('with the dev server: inline scripts for Vite’s preamble and its websocket, still no eval', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    const map = directives(csp);
    expect(csp).not.toContain('unsafe-eval');
    expect(map.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(map.get('connect-src')).toBe("'self' ws://localhost:5173");
    // Everything else as packaged: no remote anything, no frames, no plugins.
    expect(map.get('default-src')).toBe("'self'");
    expect(map.get('object-src')).toBe("'none'");
    expect(map.get('frame-src')).toBe("'none'");
    expect(map.get('frame-ancestors')).toBe("'none'");
  });

  test('unsafe-inline only ever for styles without the dev server', () => {
    const csp = contentSecurityPolicy(undefined);
    const withInline = [...directives(csp)].filter(([, value]) => value.includes("'unsafe-inline'"));
    expect(withInline.map(([name]) => name)).toEqual(['style-src']);
  });
});
