import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { COMMAND_TIMEOUT_MS, isolatedEnv, runCli, startCli } from '../support/run-cli.js';

interface DetectLine {
  id: string | number;
  lang: string;
  confidence: number;
  spans: Array<{ start: number; end: number; lang: string }>;
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as DetectLine);

const TIFINAGH = 'ⵔⵉⵖ ⴰⴷ ⵙⵏⴼⵍⵖ ⵜⴰⴽⴰⵔⴹⴰ ⵏ ⵜⵎⴰⴳⵉⵜ ⵉⵏⵓ';
const DARIJA_ARABIC = 'بغيت نعرف واش الطلب ديالي ديال المنحة تقبل ولا لا';
const ARABIZI = 'bghit n3ref wach talab dyali dyal lmin7a t9bel wla la';
const FRENCH = 'Où dois-je déposer ma demande de bourse universitaire ?';
/** Darija in Arabic script, then French, as citizens write to an administration. */
const DARIJA_PART = 'واش خاصني نمشي للمقاطعة باش نصادق على الإمضاء';
const FRENCH_PART = "Merci de me dire aussi les horaires d'ouverture";
const CODE_SWITCHED = `${DARIJA_PART}؟ ${FRENCH_PART}.`;

describe('mizan lang on standard input', () => {
  const env = isolatedEnv();

  it('writes one JSON line per non-empty input line, with the line number as id', async () => {
    const input = `${TIFINAGH}\n\n${DARIJA_ARABIC}\n${ARABIZI}\n   \n${FRENCH}\n`;
    const run = await runCli(['lang', 'detect'], env, input);
    assert.equal(run.code, 0, run.stderr);
    const results = lines(run.stdout);
    assert.deepEqual(
      results.map(({ id, lang }) => ({ id, lang })),
      [
        { id: 1, lang: 'zgh_Tfng' },
        { id: 3, lang: 'ary_Arab' },
        { id: 4, lang: 'ary_Latn' },
        { id: 6, lang: 'fra_Latn' },
      ],
    );
    for (const result of results) {
      assert.ok(result.confidence > 0.5 && result.confidence <= 1, `confidence of line ${result.id}`);
      assert.equal(result.spans.length, 1, `line ${result.id} is in one language`);
      assert.equal(result.spans[0]!.lang, result.lang);
    }
  });

  it('gives code-switched spans whose offsets index into the input line', async () => {
    const run = await runCli(['lang', 'detect'], env, `${FRENCH}\n${CODE_SWITCHED}\n`);
    assert.equal(run.code, 0, run.stderr);
    const [, line] = lines(run.stdout);
    assert.equal(line!.id, 2);
    assert.deepEqual(
      line!.spans.map((span) => ({ lang: span.lang, text: CODE_SWITCHED.slice(span.start, span.end) })),
      [
        { lang: 'ary_Arab', text: DARIJA_PART },
        { lang: 'fra_Latn', text: FRENCH_PART },
      ],
    );
    assert.ok(['ary_Arab', 'fra_Latn'].includes(line!.lang));
  });

  it('counts span offsets in JavaScript string units when the line starts with emoji', async () => {
    const text = `🙏🙏 ${TIFINAGH}`;
    const run = await runCli(['lang', 'detect'], env, `${text}\n`);
    assert.equal(run.code, 0, run.stderr);
    const [line] = lines(run.stdout);
    assert.equal(line!.lang, 'zgh_Tfng');
    assert.deepEqual(
      line!.spans.map((span) => text.slice(span.start, span.end)),
      [TIFINAGH],
    );
  });

  it('answers und with no spans for emoji, digits and web addresses', async () => {
    const input = [
      '🙏😊👍',
      '0612 34 56 78 — 2024',
      'https://www.service-public.ma/demarches/etat-civil',
    ].join('\n');
    const run = await runCli(['lang', 'detect'], env, input);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(lines(run.stdout), [
      { id: 1, lang: 'und', confidence: 0, spans: [] },
      { id: 2, lang: 'und', confidence: 0, spans: [] },
      { id: 3, lang: 'und', confidence: 0, spans: [] },
    ]);
  });

  it('answers each {id, text} JSON line with its own id, string or number', async () => {
    const input = [
      { id: 'demande-17', text: ARABIZI },
      { id: 42, text: TIFINAGH },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const run = await runCli(['lang', 'detect', '--jsonl'], env, `${input}\n`);
    assert.equal(run.code, 0, run.stderr);
    const [first, second] = lines(run.stdout);
    assert.deepEqual(
      [first, second].map((line) => ({ id: line!.id, lang: line!.lang })),
      [
        { id: 'demande-17', lang: 'ary_Latn' },
        { id: 42, lang: 'zgh_Tfng' },
      ],
    );
    assert.deepEqual(Object.keys(first!).sort(), ['confidence', 'id', 'lang', 'spans']);
  });

  it('exits 2 with the line number of a malformed JSON line, after writing the lines before it', async () => {
    const input = `${JSON.stringify({ id: 'a', text: FRENCH })}\n\n{"id":"b","text":\n${JSON.stringify({ id: 'c', text: FRENCH })}\n`;
    const run = await runCli(['lang', 'detect', '--jsonl'], env, input);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /line 3\b/);
    assert.deepEqual(
      lines(run.stdout).map(({ id, lang }) => ({ id, lang })),
      [{ id: 'a', lang: 'fra_Latn' }],
    );
  });

  it('transliterates Tifinagh to Latin and back to the same text, one output line per line', async () => {
    // A blank line between paragraphs stays, so the output lines up with the input.
    const input = `${TIFINAGH}\n\nⵎⴰⵏⵉ ⵜⵍⵍⴰ ⵜⵏⴱⴹⴰⵍⵜ ⵏ ⵜⵖⵔⵎ?\n`;
    const latin = await runCli(['lang', 'translit', '--from', 'zgh_Tfng', '--to', 'zgh_Latn'], env, input);
    assert.equal(latin.code, 0, latin.stderr);
    const latinLines = latin.stdout.trimEnd().split('\n');
    assert.equal(latinLines.length, 3);
    assert.equal(latinLines[1], '');
    for (const line of latinLines) assert.doesNotMatch(line, /[\u2D30-\u2D7F]/u, 'no Tifinagh left');
    assert.match(latinLines[0]!, /^riɣ ad snfl/u);
    const back = await runCli(
      ['lang', 'translit', '--from', 'zgh_Latn', '--to', 'zgh_Tfng'],
      env,
      latin.stdout,
    );
    assert.equal(back.code, 0, back.stderr);
    assert.equal(back.stdout, input);
  });

  it('transliterates Arabizi into Arabic script', async () => {
    const run = await runCli(
      ['lang', 'translit', '--from', 'ary_Latn', '--to', 'ary_Arab'],
      env,
      `${ARABIZI}\n`,
    );
    assert.equal(run.code, 0, run.stderr);
    const [line, ...others] = run.stdout.trimEnd().split('\n');
    assert.deepEqual(others, []);
    assert.doesNotMatch(line!, /[A-Za-z0-9]/, 'no Latin letters or Arabizi digits left');
    assert.match(line!, /^بغيت نعرف/u);
    const detected = await runCli(['lang', 'detect'], env, run.stdout);
    assert.equal(lines(detected.stdout)[0]!.lang, 'ary_Arab');
  });

  it('transliterates {id, text} JSON lines, keeping their ids', async () => {
    const input = `${JSON.stringify({ id: 'n-1', text: TIFINAGH })}\n`;
    const run = await runCli(
      ['lang', 'translit', '--from', 'zgh_Tfng', '--to', 'zgh_Latn', '--jsonl'],
      env,
      input,
    );
    assert.equal(run.code, 0, run.stderr);
    const plain = await runCli(['lang', 'translit', '--from', 'zgh_Tfng', '--to', 'zgh_Latn'], env, TIFINAGH);
    assert.deepEqual(JSON.parse(run.stdout), { id: 'n-1', text: plain.stdout.trimEnd() });
  });

  it('exits 1 naming unsupported_transliteration for a pair it cannot convert, without waiting for input', async () => {
    // Standard input stays open and empty: the command must fail on its arguments alone.
    const child = startCli(['lang', 'translit', '--from', 'fra_Latn', '--to', 'ary_Arab'], env, 'pipe');
    const run = { code: null as number | null, stdout: '', stderr: '' };
    child.stdout!.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    const timeout = new AbortController();
    try {
      [run.code] = (await Promise.race([
        once(child, 'close'),
        delay(COMMAND_TIMEOUT_MS, undefined, { signal: timeout.signal }).then(() =>
          assert.fail('mizan lang translit waited for standard input'),
        ),
      ])) as [number | null];
    } finally {
      timeout.abort();
      child.stdin!.destroy();
      child.kill('SIGKILL');
    }
    assert.equal(run.code, 1);
    assert.match(run.stderr, /unsupported_transliteration/);
    assert.match(run.stderr, /zgh_Tfng → zgh_Latn/, 'lists the supported pairs');
    assert.equal(run.stdout, '');
  });

  it('exits 2 with the usage when --to is missing', async () => {
    const run = await runCli(['lang', 'translit', '--from', 'zgh_Tfng'], env, `${TIFINAGH}\n`);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /usage: mizan lang translit --from LABEL --to LABEL/);
    assert.equal(run.stdout, '');
  });
});
