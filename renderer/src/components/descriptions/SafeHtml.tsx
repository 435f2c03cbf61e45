import { Box, Text, Typography } from '@mantine/core';
import { createElement, type ReactNode } from 'react';
import { ALLOWED_TAGS, findHtmlProblems } from '../../../../shared/descriptions';

/**
 * Listing HTML shown as React elements, never as markup: the HTML must first pass
 * `findHtmlProblems` (allow-listed tags, no attributes but `lang`, no raw "<"), then each tag
 * becomes the same React element and each text run a text node, which React escapes. Anything
 * that fails the check is shown as plain text, so a bad row can never run or style anything.
 */

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s+[a-zA-Z-]+="[^"]*")*\s*\/?>|([^<]+)/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+|#39);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39')
      return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return NAMED[name] ?? whole;
  });
}

interface Node {
  readonly tag: string;
  readonly children: ReactNode[];
}

export function htmlToReact(html: string): ReactNode[] {
  const root: Node = { tag: 'root', children: [] };
  const stack: Node[] = [root];
  let key = 0;
  for (const match of html.matchAll(TOKEN)) {
    const [, slash, rawName, text] = match;
    const top = stack.at(-1) ?? root;
    if (text !== undefined) {
      if (text.trim() !== '' || top.tag !== 'ul') top.children.push(decodeEntities(text));
      continue;
    }
    const name = (rawName ?? '').toLowerCase();
    if (!(ALLOWED_TAGS as readonly string[]).includes(name)) continue;
    if (name === 'br') {
      top.children.push(createElement('br', { key: key++ }));
    } else if (slash === '/') {
      const done = stack.pop();
      const parent = stack.at(-1) ?? root;
      if (done) parent.children.push(createElement(done.tag, { key: key++ }, ...done.children));
    } else {
      stack.push({ tag: name, children: [] });
    }
  }
  return root.children;
}

export function SafeHtml({ html, testId }: { html: string; testId?: string }) {
  const safe = findHtmlProblems(html).length === 0;
  return (
    <Box data-testid={testId} fz="sm" style={{ overflowWrap: 'anywhere' }}>
      {safe ? (
        <Typography>{htmlToReact(html)}</Typography>
      ) : (
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {html}
        </Text>
      )}
    </Box>
  );
}
