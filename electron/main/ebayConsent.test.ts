import { describe, expect, test } from 'vitest';
import { consentStep, isConsentStartUrl, testOriginFrom } from './ebayConsent';

const AUTHORIZE =
  'https://auth.ebay.com/oauth2/authorize?client_id=app&redirect_uri=Rebound-RuName&response_type=code&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope';

describe('the eBay consent window', () => {
  test('opens only eBay’s consent page over https', () => {
    expect(isConsentStartUrl(AUTHORIZE)).toBe(true);
    expect(isConsentStartUrl(AUTHORIZE.replace('auth.ebay.com', 'auth.sandbox.ebay.com'))).toBe(true);
    expect(isConsentStartUrl(AUTHORIZE.replace('https:', 'http:'))).toBe(false);
    expect(isConsentStartUrl(AUTHORIZE.replace('auth.ebay.com', 'auth.ebay.com.evil.test'))).toBe(false);
    expect(isConsentStartUrl(AUTHORIZE.replace('auth.ebay.com', 'evil.test/auth.ebay.com'))).toBe(false);
    expect(isConsentStartUrl(AUTHORIZE.replace('auth.ebay.com', 'user@evil.test'))).toBe(false);
    expect(isConsentStartUrl(AUTHORIZE.replace('auth.ebay.com', 'auth.ebay.com:8443'))).toBe(false);
    expect(isConsentStartUrl('https://www.ebay.com/')).toBe(false);
    expect(isConsentStartUrl('javascript:alert(1)')).toBe(false);
    expect(isConsentStartUrl('not a url')).toBe(false);
  });

  test('accepts the test server’s origin only when REBOUND_EBAY_BASE_URL names it', () => {
    const origin = testOriginFrom({ REBOUND_EBAY_BASE_URL: 'http://127.0.0.1:4567/' });
    expect(origin).toBe('http://127.0.0.1:4567');
    expect(isConsentStartUrl('http://127.0.0.1:4567/oauth2/authorize?x=1', origin)).toBe(true);
    expect(isConsentStartUrl('http://127.0.0.1:4568/oauth2/authorize', origin)).toBe(false);
    expect(isConsentStartUrl('http://127.0.0.1:4567/oauth2/authorize')).toBe(false);
    expect(testOriginFrom({})).toBeNull();
    expect(testOriginFrom({ REBOUND_EBAY_BASE_URL: '  ' })).toBeNull();
    expect(testOriginFrom({ REBOUND_EBAY_BASE_URL: 'file:///etc/passwd' })).toBeNull();
  });

  test('recognises the page eBay sends the seller to after agreeing or declining', () => {
    expect(
      consentStep(
        'https://auth2.ebay.com/oauth2/ThirdPartyAuthSucessFailure?isAuthSuccessful=true&code=v%5E1.1%23abc&expires_in=299',
      ),
    ).toBe('landed');
    expect(consentStep('https://merchant.example/ebay/accepted?state=&code=abc&expires_in=299')).toBe(
      'landed',
    );
    expect(consentStep('https://merchant.example/ebay/declined?error=access_denied')).toBe('landed');
  });

  test('lets eBay’s own pages through, and nothing that is not https', () => {
    expect(consentStep(AUTHORIZE)).toBe('allow');
    expect(consentStep('https://signin.ebay.com/ws/eBayISAPI.dll?SignIn')).toBe('allow');
    expect(consentStep('https://auth.ebay.com/oauth2/consents#code=abc')).toBe('allow');
    expect(consentStep('http://auth2.ebay.com/oauth2/ThirdPartyAuthSucessFailure?code=abc')).toBe('block');
    expect(consentStep('javascript:alert(1)')).toBe('block');
    expect(consentStep('file:///etc/passwd')).toBe('block');
    expect(consentStep('rebound://app/index.html')).toBe('block');
    expect(consentStep('')).toBe('block');
    const origin = 'http://127.0.0.1:4567';
    expect(consentStep('http://127.0.0.1:4567/accepted?code=abc', origin)).toBe('landed');
    expect(consentStep('http://127.0.0.1:4567/signin', origin)).toBe('allow');
    expect(consentStep('http://127.0.0.1:9999/signin', origin)).toBe('block');
  });
});
