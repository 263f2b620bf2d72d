/** Markdown helpers for the benchmark reports. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const f3 = (x: number | undefined): string =>
  x === undefined || Number.isNaN(x) ? '—' : x.toFixed(3);
export const f2 = (x: number | undefined): string =>
  x === undefined || Number.isNaN(x) ? '—' : x.toFixed(2);
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
export const met = (ok: boolean): string => (ok ? 'met' : 'missed');
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
/** Milliseconds, or seconds from 1,000 ms on. */
export const duration = (n: number): string =>
  Number.isNaN(n) ? '—' : n < 1000 ? `${n.toFixed(1)} ms` : `${(n / 1000).toFixed(2)} s`;

/** A markdown table; `align` per column: 'l' or 'r'. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align?: string,
): string {
  const a = align ?? 'l' + 'r'.repeat(headers.length - 1);
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '↵');
  const lines = [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${headers.map((_, i) => (a[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** A string for a code span: backticks inside are replaced, newlines shown as ↵, long texts cut. */
export function quote(text: string, max = 220): string {
  const shown = text.length > max ? text.slice(0, max) + '…' : text;
  return shown.replace(/`/g, "'").replace(/\n/g, '↵');
}

/** Invisible characters made visible in examples. */
export const visible = (text: string): string =>
  text
    .replace(/\u200b/g, '⟨ZWSP⟩')
    .replace(/\u200e/g, '⟨LRM⟩')
    .replace(/\u061c/g, '⟨ALM⟩');

/**
 * Writes a report (formatted by prettier when it is installed, so it passes `npm run lint`) and prints it.
 * `log` takes progress messages, on stderr.
 */
export async function writeMarkdownReport(
  out: string,
  lines: readonly string[],
  log: (message: string) => void,
  startedAt: number,
): Promise<void> {
  let text = lines.join('\n');
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(out)) ?? {};
    text = await prettier.format(text, { ...config, parser: 'markdown' });
  } catch (error) {
    log(`prettier unavailable, writing unformatted markdown: ${String(error)}`);
  }
  writeFileSync(out, text);
  console.log(text);
  log(`wrote ${path.relative(process.cwd(), out)} in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
}

/**
 * `next`, followed by the sections other benchmarks keep in the same results file between `<!-- name: … -->` and
 * `<!-- /name -->` markers in `previous` (the scale benchmark's in bench/RESULTS.md), so that rewriting a file
 * does not drop them.
 */
export function withMarkedSections(next: string, previous: string): string {
  const sections = previous.match(/<!-- (\w+):[^]*?<!-- \/\1 -->\n?/g) ?? [];
  return sections.length > 0 ? `${next.trimEnd()}\n\n${sections.join('\n')}` : next;
}
