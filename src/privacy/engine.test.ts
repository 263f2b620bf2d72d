import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MizanError } from '../errors.js';
import {
  CONTEXT_BEFORE_CHARS,
  CONTEXT_BOOST,
  CONTEXT_FLOOR,
  DEFAULT_THRESHOLD,
  MAX_SCORE,
  compileContextWords,
  createScanner,
} from './engine.js';
import { PRIVACY_ERROR_CODES } from './errors.js';
import type { Recognizer } from './types.js';

/** Test recognizers: the engine's behaviour, apart from the real recognizers' data. */
const digits = (over: Partial<Recognizer> = {}): Recognizer => ({
  entity: 'MA_CNSS',
  patterns: [{ name: 'six-digits', regex: /(?<!\d)\d{6}(?!\d)/g, score: 0.5 }],
  context: ['dossier', 'téléphone', 'البطاقة', 'carte nationale', 'cin'],
  ...over,
});

const rejects = (fn: () => unknown, code: string) =>
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof MizanError, String(error));
    assert.equal(error.code, code);
    return true;
  });

describe('createScanner scoring', () => {
  it('scores validated matches MAX_SCORE, drops invalid ones and keeps the rest at the pattern score', () => {
    const scanner = createScanner([
      digits({ validate: (m) => (m.startsWith('1') ? true : m.startsWith('2') ? false : undefined) }),
    ]);
    const found = scanner.scan('100000 200000 300000');
    assert.deepEqual(
      found.map((e) => [e.text, e.score, e.explanation.validated]),
      [
        ['100000', MAX_SCORE, true],
        ['300000', 0.5, undefined],
      ],
    );
  });

  it('raises the score by CONTEXT_BOOST with a context word, and at least to CONTEXT_FLOOR', () => {
    const [boosted] = createScanner([digits()]).scan('dossier 123456');
    assert.equal(boosted?.score, 0.5 + CONTEXT_BOOST);
    assert.deepEqual(boosted?.explanation, {
      recognizer: 'MA_CNSS',
      pattern: 'six-digits',
      baseScore: 0.5,
      contextWord: 'dossier',
    });
    const low = digits({ patterns: [{ name: 'weak', regex: /\d{6}/g, score: 0.01 }] });
    assert.equal(createScanner([low]).scan('dossier 123456', { threshold: 0 })[0]?.score, CONTEXT_FLOOR);
  });

  it('counts a context word only within the window before the match', () => {
    const far = `dossier ${'x '.repeat(CONTEXT_BEFORE_CHARS / 2)}123456`;
    assert.equal(createScanner([digits()]).scan(far)[0]?.score, 0.5);
    assert.equal(createScanner([digits()], { contextBefore: 200 }).scan(far)[0]?.score, 0.5 + CONTEXT_BOOST);
  });

  it('matches context words regardless of case, accents, Arabic spelling variants and clitics', () => {
    const scanner = createScanner([digits()]);
    for (const text of [
      'TELEPHONE 123456',
      'Téléphones: 123456',
      'البطاقه 123456',
      'بالبطاقة 123456',
      'بطاقتي رقم 123456'.replace('بطاقتي', 'البطاقتي'),
      'Carte-Nationale 123456',
      'ltelephone 123456',
    ]) {
      assert.ok(scanner.scan(text)[0]?.explanation.contextWord, text);
    }
    for (const text of ['télévision 123456', 'dossiers123 123456', 'xcin 123456']) {
      assert.equal(scanner.scan(text)[0]?.explanation.contextWord, undefined, text);
    }
  });

  it('drops matches without context when the recognizer or the pattern requires it', () => {
    const scanner = createScanner([digits({ requiresContext: true })]);
    assert.deepEqual(scanner.scan('ticket 123456'), []);
    assert.equal(scanner.scan('dossier 123456').length, 1);
    const perPattern = digits({
      patterns: [
        { name: 'loose', regex: /(?<![\w])\d{6}(?!\d)/g, score: 0.6 },
        { name: 'needs-context', regex: /(?<![\w])[a-z]\d{6}(?!\d)/g, score: 0.6, requiresContext: true },
      ],
    });
    assert.deepEqual(
      createScanner([perPattern])
        .scan('ticket 123456 x654321')
        .map((e) => e.explanation.pattern),
      ['loose'],
    );
  });

  it('drops an unvalidated match right after a negative context word, unless a context word is near', () => {
    const scanner = createScanner([
      digits({ negativeContext: ['facture'], validate: (m) => (m === '999999' ? true : undefined) }),
    ]);
    assert.deepEqual(scanner.scan('facture 123456'), []);
    assert.equal(scanner.scan('facture dossier 123456').length, 1);
    assert.equal(scanner.scan('facture 999999').length, 1);
    assert.equal(scanner.scan(`facture ${'x'.repeat(40)} 123456`).length, 1);
  });

  it('validated matches need no context even when the recognizer requires it', () => {
    const scanner = createScanner([digits({ requiresContext: true, validate: () => true })]);
    assert.equal(scanner.scan('ticket 123456')[0]?.score, MAX_SCORE);
  });

  it('applies DEFAULT_THRESHOLD, a scanner threshold and a per-scan threshold', () => {
    const weak = digits({ patterns: [{ name: 'weak', regex: /\d{6}/g, score: DEFAULT_THRESHOLD - 0.05 }] });
    assert.deepEqual(createScanner([weak]).scan('ticket 123456'), []);
    assert.equal(createScanner([weak]).scan('ticket 123456', { threshold: 0.4 }).length, 1);
    assert.equal(createScanner([weak], { threshold: 0.4 }).scan('ticket 123456').length, 1);
    assert.deepEqual(createScanner([digits()]).scan('dossier 123456', { threshold: 0.9 }), []);
  });
});

describe('createScanner overlap resolution', () => {
  const other = (
    entity: Recognizer['entity'],
    regex: RegExp,
    score: number,
    validate?: Recognizer['validate'],
  ): Recognizer => ({
    entity,
    patterns: [{ name: entity.toLowerCase(), regex, score }],
    context: [],
    ...(validate ? { validate } : {}),
  });

  it('keeps the higher score when two types claim overlapping spans', () => {
    const a = other('MA_CIN', /AB\d{6}/g, 0.55);
    const b = other('MA_PASSPORT', /AB\d{6}/g, 0.8);
    assert.deepEqual(
      createScanner([a, b])
        .scan('n° AB123456')
        .map((e) => e.type),
      ['MA_PASSPORT'],
    );
  });

  it('prefers the longer span on equal scores, then the registry order', () => {
    const short = other('MA_CNSS', /\d{9}/g, 0.6);
    const long = other('MA_PHONE', /0\d{9}/g, 0.6);
    assert.deepEqual(
      createScanner([short, long])
        .scan('0612345678')
        .map((e) => [e.type, e.text]),
      [['MA_PHONE', '0612345678']],
    );
    const first = other('MA_ICE', /\d{15}/g, 0.6);
    const second = other('MA_CNSS', /\d{15}/g, 0.6);
    assert.deepEqual(
      createScanner([first, second])
        .scan('001561191000066')
        .map((e) => e.type),
      ['MA_ICE'],
    );
  });

  it('merges overlapping spans of one type into their union', () => {
    const r: Recognizer = {
      entity: 'MA_PLATE',
      patterns: [
        { name: 'left', regex: /12345-أ/g, score: 0.6 },
        { name: 'right', regex: /أ-6/g, score: 0.7 },
      ],
      context: [],
    };
    const found = createScanner([r]).scan('plaque 12345-أ-6');
    assert.deepEqual(
      found.map((e) => [e.text, e.score, e.explanation.pattern]),
      [['12345-أ-6', 0.7, 'right']],
    );
  });

  it('resolves long chains of overlapping candidates in linear time', () => {
    const a = other('MA_CNSS', /\d-\d/g, 0.6);
    const b = other('MA_ICE', /-\d-/g, 0.7);
    const text = '1-'.repeat(50_000);
    const found = createScanner([a, b]).scan(text);
    assert.ok(found.length > 0);
    for (let i = 1; i < found.length; i++)
      assert.ok(found[i]!.start >= found[i - 1]!.end, 'no overlaps remain');
  });

  it('returns entities sorted by start', () => {
    const a = other('MA_CNSS', /\d{3}/g, 0.6);
    const b = other('EMAIL', /[a-z]{3}/g, 0.6);
    const starts = createScanner([b, a])
      .scan('abc 123 def 456')
      .map((e) => e.start);
    assert.deepEqual(starts, [0, 4, 8, 12]);
  });
});

describe('createScanner offsets and inputs', () => {
  it('maps entities back to the original text across removed and folded characters', () => {
    const text = '\u200Fdossier: ١٢\u200B٣٤٥٦\u200E fin';
    const [entity] = createScanner([digits()]).scan(text);
    assert.ok(entity);
    assert.equal(entity.text, '١٢\u200B٣٤٥٦');
    assert.equal(text.slice(entity.start, entity.end), entity.text);
  });

  it('takes spans from a capture group, even one inside a lookbehind', () => {
    const r = digits({
      patterns: [{ name: 'lookbehind', regex: /(?<!\d)\d{6}(?<=([A-Z]{2}\d{6}))/g, group: 1, score: 0.6 }],
    });
    assert.deepEqual(
      createScanner([r])
        .scan('réf BK482913.')
        .map((e) => e.text),
      ['BK482913'],
    );
  });

  it('runs find() candidates through validation and context', () => {
    const r: Recognizer = {
      entity: 'PERSON',
      patterns: [],
      context: ['smiti'],
      find: (t) => [
        { start: t.indexOf('Amina'), end: t.indexOf('Amina') + 5, score: 0.3, pattern: 'gazetteer' },
        { start: 0, end: 3, score: 0.9, pattern: 'bad' },
      ],
      validate: (m) => (m === 'Amina' ? undefined : false),
    };
    const found = createScanner([r]).scan('smiti Amina');
    assert.deepEqual(
      found.map((e) => [e.text, e.score]),
      [['Amina', Math.round((0.3 + CONTEXT_BOOST) * 1e6) / 1e6]],
    );
  });

  it('filters by type and rejects unknown types or types nothing detects', () => {
    const scanner = createScanner([digits(), { ...digits(), entity: 'MA_ICE' }]);
    assert.deepEqual(
      scanner.scan('123456', { types: ['MA_ICE'] }).map((e) => e.type),
      ['MA_ICE'],
    );
    rejects(
      () => scanner.scan('x', { types: ['NOT_A_TYPE' as 'MA_CIN'] }),
      PRIVACY_ERROR_CODES.invalidOption,
    );
    rejects(() => scanner.scan('x', { types: ['PERSON'] }), PRIVACY_ERROR_CODES.noRecognizer);
    rejects(() => scanner.scan('x', { threshold: 2 }), PRIVACY_ERROR_CODES.invalidOption);
    rejects(() => scanner.scan(42 as unknown as string), PRIVACY_ERROR_CODES.invalidInput);
  });

  it('fails closed with a coded error that does not quote the text when a recognizer throws', () => {
    const broken = digits({
      validate: () => {
        throw new Error('boom');
      },
    });
    assert.throws(
      () => createScanner([broken]).scan('secret 123456'),
      (error: unknown) => {
        assert.ok(error instanceof MizanError);
        assert.equal(error.code, PRIVACY_ERROR_CODES.detectionFailed);
        assert.equal(error.status, 500);
        assert.ok(!error.message.includes('123456'));
        return true;
      },
    );
  });

  it('refuses malformed recognizers at creation', () => {
    rejects(
      () => createScanner([digits({ patterns: [{ name: 'no-g', regex: /\d/, score: 0.5 }] })]),
      PRIVACY_ERROR_CODES.invalidRecognizer,
    );
    rejects(
      () => createScanner([digits({ patterns: [{ name: 'score', regex: /\d/g, score: 2 }] })]),
      PRIVACY_ERROR_CODES.invalidRecognizer,
    );
    rejects(
      () => createScanner([digits({ entity: 'NOPE' as 'MA_CIN' })]),
      PRIVACY_ERROR_CODES.invalidRecognizer,
    );
    rejects(() => createScanner([digits({ prefilter: /\d/g })]), PRIVACY_ERROR_CODES.invalidRecognizer);
  });

  it('skips a recognizer whose prefilter fails, and a pattern whose own prefilter fails', () => {
    const r = digits({
      prefilter: /dossier/,
      patterns: [{ name: 'gated', regex: /\d{6}/g, score: 0.6, prefilter: /\d{6}/ }],
    });
    assert.deepEqual(createScanner([r]).scan('ticket 123456'), []);
    assert.equal(createScanner([r]).scan('dossier 123456').length, 1);
  });

  it('compiles no context regex for an empty word list', () => {
    assert.equal(compileContextWords([]), undefined);
  });
});
