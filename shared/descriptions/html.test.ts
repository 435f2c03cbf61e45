import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, findHtmlProblems, listingHtml, paragraphsHtml } from './html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('makes any text safe, whatever it contains (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(findHtmlProblems(`<p>${escapeHtml(text)}</p>`)).toEqual([]);
      }),
    );
  });
});

describe('paragraphsHtml', () => {
  it('keeps paragraphs and line breaks of the catalogue text, escaped', () => {
    expect(paragraphsHtml('First line\r\nsecond <line>\n\n\n  Second  paragraph \n\n')).toBe(
      '<p>First line<br>second &lt;line&gt;</p>\n<p>Second paragraph</p>',
    );
    expect(paragraphsHtml('  \n \n')).toBe('');
  });
});

describe('findHtmlProblems', () => {
  it('accepts the allowed tags, nested properly', () => {
    expect(
      findHtmlProblems(
        '<h2>Why?</h2><p lang="fr">A <strong>b</strong> <em>c</em> <s>d</s> <del>e</del><br>f &amp; g &#39;</p><ul><li>x</li></ul><h3>y</h3>',
      ),
    ).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', 'tag <script>'],
    ['<img src=x onerror=alert(1)>', 'raw "<"'],
    ['<p onclick="x">a</p>', 'attribute onclick'],
    ['<p style="color:red">a</p>', 'attribute style'],
    ['<p>a', 'never closed'],
    ['<p>a</li>', 'closes <p>'],
    ['<li>a</li>', '<li> outside <ul>'],
    ['<ul>text</ul>', 'text directly inside <ul>'],
    ['<ul><p>a</p></ul>', 'directly inside <ul>'],
    ['<p><h2>a</h2></p>', '<h2> inside <p>'],
    ['<!-- x -->', 'raw "<"'],
    ['a > b', 'raw ">"'],
    ['a & b', 'stray "&"'],
    ['<a href="javascript:x">a</a>', 'tag <a>'],
    ['<svg/onload=alert(1)>', 'raw "<"'],
    ['<p/>', 'cannot close itself'],
  ])('rejects %s', (html, problem) => {
    const problems = findHtmlProblems(html);
    expect(problems.join('\n')).toContain(problem);
  });
});

describe('listingHtml', () => {
  it('puts the product text first, then the why section, leaving out empty parts', () => {
    expect(
      listingHtml({
        productDescription: 'Great <b>headphones</b>.',
        headingHtml: 'Why is it discounted?',
        priceLineHtml: '',
        introHtml: '',
        sentences: ['Small scratch <img src=x onerror=alert(1)>.', '=HYPERLINK("http://x","y")'],
        closingHtml: 'See the photos.',
      }),
    ).toBe(
      '<p>Great &lt;b&gt;headphones&lt;/b&gt;.</p>\n<h2>Why is it discounted?</h2>\n' +
        '<ul><li>Small scratch &lt;img src=x onerror=alert(1)&gt;.</li><li>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</li></ul>\n' +
        '<p>See the photos.</p>',
    );
  });
});
