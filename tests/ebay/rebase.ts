/**
 * Points an `ebay-api` client at another origin (this test server), keeping eBay's paths.
 *
 * Why an interceptor: ebay-api v9 builds every URL itself — `https://` + subdomain (`api`, `apiz`,
 * `apim`, `apix`) + `.ebay.com` (or `.sandbox.ebay.com`) + base path, with `tld` fixed to `ebay.com` —
 * and its OAuth token endpoint is a constant (`https://api.ebay.com/identity/v1/oauth2/token`). There is
 * no base-URL option. What it does expose is its axios instance (`api.req.instance`), shared by the
 * REST APIs and OAuth2, so one request interceptor that swaps the origin covers every call.
 *
 * The eBay channel needs exactly this seam: production code leaves the client alone; the channel's
 * tests (or a "practice" mode) install the interceptor with the test server's `baseUrl`.
 */
import type eBayApi from 'ebay-api';

const EBAY_ORIGIN = /^https:\/\/(?:api|apiz|apim|apix)\.(?:sandbox\.)?ebay\.com(?=\/)/;

export function rebaseEbayApi(api: eBayApi, baseUrl: string): () => void {
  const origin = baseUrl.replace(/\/$/, '');
  const id = api.req.instance.interceptors.request.use((config) => {
    if (config.url) {
      if (!EBAY_ORIGIN.test(config.url)) {
        // Anything else would leave the machine: refuse rather than call a real host from a test.
        throw new Error(`ebay-api tried to call ${config.url}, which is not an eBay REST origin`);
      }
      config.url = config.url.replace(EBAY_ORIGIN, origin);
    }
    return config;
  });
  return () => api.req.instance.interceptors.request.eject(id);
}
