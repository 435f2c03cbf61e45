import fs from 'node:fs';
import path from 'node:path';

/**
 * Keeps one run's figures in bench-results/<name>-<time>.json (git-ignored), with when and on
 * which Node they were taken, for comparing runs over time. Returns the file's path, relative.
 */
export function saveFigures(name: string, figures: Record<string, unknown>): string {
  const dir = path.resolve('bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  const file = path.join(dir, `${name}-${at.replaceAll(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ at, node: process.versions.node, ...figures }, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}

/**
 * A plain-text table: the columns padded to their widest cell, those from `rightAlign` on aligned
 * right (the figures), a rule under the headers.
 */
export function tableLines(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAlign = 1,
): string[] {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c >= rightAlign ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}
