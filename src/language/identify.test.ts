import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identifyLanguage } from './identify.js';

/** Requests as citizens write them, one per label, written for these tests. */
const EXAMPLES: Record<string, string[]> = {
  ary_Arab: [
    'واش ممكن تعاوني نجدد البطاقة ديالي؟ ضاعت ليا الأسبوع اللي فات',
    'بغيت نعرف فين نمشي باش ندير الباسبور',
  ],
  ary_Latn: [
    'salam, wach momkin t3awni nbeddel l3onwan dyali f la carte?',
    'khoya bghit n3ref ch7al khassni nkhalles 3la lpermis',
  ],
  arb_Arab: [
    'أرغب في معرفة الوثائق المطلوبة لتجديد جواز السفر.',
    'ما هي الإجراءات اللازمة للحصول على شهادة السكنى؟',
  ],
  zgh_Tfng: ['ⵔⵉⵖ ⴰⴷ ⵙⵙⵏⵖ ⵎⴰⵏⵉ ⵔⴰⴷ ⴰⵙⵉⵖ ⵜⴰⴽⴰⵔⴹⴰ ⵏ ⵜⵏⴰⵎⵓⵜ', 'ⴰⵣⵓⵍ, ⵎⴰⵏⵉ ⵉⵍⵍⴰ ⵓⵙⴰⵢⵙ ⵏ ⵜⵎⵏⴰⴹⵜ?'],
  zgh_Latn: [
    'Azul, riɣ ad ssneɣ mani ran ad asiɣ takarḍa n tnamut.',
    'Ur ssinɣ ma ilan ad skrɣ i tmassunt ad.',
  ],
  fra_Latn: [
    'Bonjour, je voudrais renouveler ma carte nationale.',
    'Quels documents faut-il fournir pour un acte de naissance ?',
  ],
  eng_Latn: [
    'Hello, I would like to renew my national identity card.',
    'Which documents do I need for a birth certificate?',
  ],
};

describe('identifyLanguage', () => {
  for (const [label, texts] of Object.entries(EXAMPLES)) {
    it(`recognizes ${label}`, () => {
      for (const text of texts) {
        const result = identifyLanguage(text);
        assert.equal(result.lang, label, text);
        assert.ok(result.confidence >= 0.5 && result.confidence <= 1, `${text}: ${result.confidence}`);
        const endOfLastWord = text.replace(/[^\p{L}\p{N}]+$/u, '').length;
        assert.deepEqual(result.spans, [{ start: 0, end: endOfLastWord, lang: label }]);
      }
    });
  }

  it('says und, with no spans, when there is nothing to identify', () => {
    for (const text of [
      '',
      '   ',
      '😀🎉👍',
      '12345 678',
      'ok',
      '؟؟',
      'https://www.service-public.ma/demarches?id=42',
      '+212 6 12 34 56 78',
    ]) {
      assert.deepEqual(
        identifyLanguage(text),
        { lang: 'und', confidence: 0, spans: [] },
        JSON.stringify(text),
      );
    }
  });

  it('says und for languages of other scripts rather than forcing a served label', () => {
    assert.equal(identifyLanguage('Здравствуйте, я хочу продлить паспорт.').lang, 'und');
    assert.equal(identifyLanguage('我想更新我的身份证。').lang, 'und');
  });

  it('finds where a message switches from Darija to French', () => {
    const darija = 'بغيت نجدد البطاقة ديالي ولكن ما عرفتش فين نمشي';
    const french = 'Je voudrais savoir quels documents il faut apporter.';
    const text = `${darija} ${french}`;
    const { spans } = identifyLanguage(text);
    assert.deepEqual(
      spans.map((s) => s.lang),
      ['ary_Arab', 'fra_Latn'],
    );
    assert.equal(text.slice(spans[0]!.start, spans[0]!.end), darija);
    assert.equal(text.slice(spans[1]!.start, spans[1]!.end), french.slice(0, -1));
  });

  it('labels a Tifinagh greeting before French as Tamazight, not as a language it rejects', () => {
    const text = 'ⴰⵣⵓⵍ! Je voudrais savoir où déposer mon dossier.';
    assert.deepEqual(
      identifyLanguage(text).spans.map((s) => [text.slice(s.start, s.end), s.lang]),
      [
        ['ⴰⵣⵓⵍ', 'zgh_Tfng'],
        ['Je voudrais savoir où déposer mon dossier', 'fra_Latn'],
      ],
    );
  });

  it('keeps a monolingual message in one span despite loanwords and names', () => {
    const text = 'wach n9der ndir rendez-vous f la commune dyal Casablanca ghda?';
    const result = identifyLanguage(text);
    assert.equal(result.lang, 'ary_Latn');
    assert.equal(result.spans.length <= 2, true, JSON.stringify(result.spans));
  });

  it('ignores web and e-mail addresses without moving offsets', () => {
    const text = 'Écrivez à contact@example.ma ou voyez https://example.ma/aide pour la procédure.';
    const result = identifyLanguage(text);
    assert.equal(result.lang, 'fra_Latn');
    assert.equal(result.spans[0]!.start, 0);
    assert.equal(
      text.slice(result.spans.at(-1)!.end - 'procédure'.length, result.spans.at(-1)!.end),
      'procédure',
    );
  });

  it('survives mixed scripts inside one word and lone surrogates', () => {
    for (const text of ['salamسلامⵙⵍⴰⵎ', 'b7al\uD800hadi', 'dyalديال']) {
      const result = identifyLanguage(text);
      assert.ok(result.confidence >= 0 && result.confidence <= 1);
      for (const span of result.spans) assert.ok(span.start < span.end && span.end <= text.length);
    }
  });

  it('identifies very long texts from windows, whatever their length', () => {
    const sentence =
      'Les citoyens peuvent déposer leur demande auprès de la commune de leur lieu de résidence. ';
    const text = sentence.repeat(20_000);
    const result = identifyLanguage(text);
    assert.equal(result.lang, 'fra_Latn');
    for (const span of result.spans) assert.ok(span.end <= text.length);
  });

  it('is deterministic', () => {
    const text = EXAMPLES.ary_Latn![0]!;
    assert.deepEqual(identifyLanguage(text), identifyLanguage(text));
  });
});
