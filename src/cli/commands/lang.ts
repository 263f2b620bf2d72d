import { identifyLanguage } from '../../language/identify.js';
import { TRANSLITERATION_PAIRS, transliterate } from '../../language/transliterate/index.js';
import { UsageError } from '../output.js';
import { stdinRecords } from '../stdin-records.js';

type Values = Record<string, string | boolean | undefined>;

/**
 * `mizan lang detect`: one JSON line per input line (`--jsonl`: per `{id, text}` object),
 * `{id, lang, confidence, spans:[{start, end, lang}]}` with JavaScript string offsets.
 */
export async function langDetect(values: Values): Promise<void> {
  for await (const { id, text } of stdinRecords(values.jsonl === true ? 'jsonl' : 'lines')) {
    const { lang, confidence, spans } = identifyLanguage(text);
    console.log(JSON.stringify({ id, lang, confidence, spans }));
  }
}

const PAIRS = TRANSLITERATION_PAIRS.map((p) => `--from ${p.from} --to ${p.to}`).join(' | ');

/**
 * `mizan lang translit --from A --to B`: stdin to stdout, line for line, blank lines kept (`--jsonl`: `{id, text}`
 * objects).
 */
export async function langTranslit(values: Values): Promise<void> {
  const { from, to } = values;
  if (typeof from !== 'string' || typeof to !== 'string') {
    throw new UsageError(`usage: mizan lang translit --from LABEL --to LABEL [--jsonl]\n  pairs: ${PAIRS}`);
  }
  // Checked before reading anything, so a wrong pair fails fast instead of after a long input.
  transliterate('', from, to);
  const jsonl = values.jsonl === true;
  for await (const { id, text } of stdinRecords(jsonl ? 'jsonl' : 'every-line')) {
    const converted = transliterate(text, from, to);
    console.log(jsonl ? JSON.stringify({ id, text: converted }) : converted);
  }
}
