/**
 * Listing descriptions as HTML for eBay and the shops. Everything that comes from data (the
 * catalogue text, staff notes, accessory names, the merchant's template) is escaped; the only
 * markup is the handful of tags written here, without attributes. `findHtmlProblems` checks
 * exactly that, so tests (and the drafting code itself) can prove it.
 */

export const ALLOWED_TAGS = ['p', 'h2', 'h3', 'ul', 'li', 'strong', 'em', 's', 'del', 'br'] as const;
export type AllowedTag = (typeof ALLOWED_TAGS)[number];

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text: safe between tags and inside a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/**
 * Catalogue text as paragraphs: a blank line starts a new paragraph, a single line break stays a
 * line break. Control characters go; the text itself is escaped.
 */
export function paragraphsHtml(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
      .split(/\n[ \t]*\n\s*/)
      .map((paragraph) =>
        paragraph
          .split('\n')
          .map((lineText) => lineText.replace(/[ \t]+/g, ' ').trim())
          .filter((lineText) => lineText !== '')
          .map(escapeHtml)
          .join('<br>'),
      )
      .filter((paragraph) => paragraph !== '')
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join('\n')
  );
}

export function tag(name: AllowedTag, innerHtml: string): string {
  return `<${name}>${innerHtml}</${name}>`;
}

export function listHtml(items: readonly string[]): string {
  return items.length === 0 ? '' : tag('ul', items.map((item) => tag('li', escapeHtml(item))).join(''));
}

export interface ListingHtmlParts {
  /** The catalogue's plain text. */
  readonly productDescription: string;
  /** Already HTML (built with `fillTemplate` in html mode), or '' for none. */
  readonly priceLineHtml: string;
  readonly headingHtml: string;
  readonly introHtml: string;
  /** Plain-text sentences, escaped here. */
  readonly sentences: readonly string[];
  readonly closingHtml: string;
}

/** Product text, then the "why is it discounted" section: heading, price (shop), intro, list, closing. */
export function listingHtml(parts: ListingHtmlParts): string {
  const blocks = [
    paragraphsHtml(parts.productDescription),
    parts.headingHtml.trim() === '' ? '' : tag('h2', parts.headingHtml),
    parts.priceLineHtml.trim() === '' ? '' : tag('p', parts.priceLineHtml),
    parts.introHtml.trim() === '' ? '' : tag('p', parts.introHtml),
    listHtml(parts.sentences),
    parts.closingHtml.trim() === '' ? '' : tag('p', parts.closingHtml),
  ];
  return blocks.filter((block) => block !== '').join('\n');
}

// ---------------------------------------------------------------------------------------------
// The checker: a tiny tokenizer, enough for the HTML this module writes and for anything that
// tries to sneak past it.

const VOID: ReadonlySet<string> = new Set(['br']);
const BLOCK: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'ul']);
const ENTITIES: ReadonlySet<string> = new Set(['amp', 'lt', 'gt', 'quot', '#39', 'nbsp']);
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*="[^"<>&]*")*)\s*(\/?)>/;
const ATTRIBUTE = /([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/g;

/**
 * Problems with `html` as a listing description, or [] when it is safe: only the allowed tags,
 * no attribute but `lang`, properly nested (li only in ul, no block inside a paragraph), no raw
 * "<", ">" or stray "&" in text, and no comment, doctype or processing instruction.
 */
export function findHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === '<') {
      const match = TAG.exec(html.slice(i));
      if (!match) {
        problems.push(`raw "<" at ${i}: ${JSON.stringify(html.slice(i, i + 20))}`);
        i++;
        continue;
      }
      const [whole, slash = '', rawName = '', attributes = '', selfClose = ''] = match;
      const name = rawName.toLowerCase();
      if (!(ALLOWED_TAGS as readonly string[]).includes(name)) problems.push(`tag <${name}> is not allowed`);
      for (const [, attr = ''] of attributes.matchAll(ATTRIBUTE)) {
        if (attr.toLowerCase() !== 'lang') problems.push(`attribute ${attr} on <${name}> is not allowed`);
      }
      if (slash === '/') {
        if (attributes !== '') problems.push(`closing tag </${name}> has attributes`);
        const top = open.pop();
        if (top !== name) problems.push(`</${name}> closes <${top ?? 'nothing'}>`);
      } else if (VOID.has(name)) {
        // <br> and <br/> are both fine.
      } else {
        if (selfClose === '/') problems.push(`<${name}/> cannot close itself`);
        const parent = open.at(-1);
        if (name === 'li' && parent !== 'ul') problems.push('<li> outside <ul>');
        if (parent === 'ul' && name !== 'li') problems.push(`<${name}> directly inside <ul>`);
        if (BLOCK.has(name) && parent !== undefined && parent !== 'li') {
          problems.push(`<${name}> inside <${parent}>`);
        }
        open.push(name);
      }
      i += whole.length;
      continue;
    }
    if (ch === '>') problems.push(`raw ">" at ${i}`);
    if (ch === '&') {
      const entity = /^&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/.exec(html.slice(i));
      if (!entity || !(ENTITIES.has(entity[1] ?? '') || /^#/.test(entity[1] ?? ''))) {
        problems.push(`stray "&" at ${i}`);
      }
    }
    if (open.at(-1) === 'ul' && ch !== undefined && !/\s/.test(ch))
      problems.push('text directly inside <ul>');
    i++;
  }
  for (const name of open) problems.push(`<${name}> is never closed`);
  return [...new Set(problems)];
}
