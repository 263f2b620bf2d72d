import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGrounding } from '../../corpus/grounding.js';
import { toCitations } from '../../corpus/citations.js';
import type { Passage } from '../../corpus/types.js';
import { composeAnswer, excerpt } from './compose.js';
import { notFoundMessage, noModelMessage, quotingPreface, untranslatedNote } from './messages.js';

const passage = (text: string, overrides: Partial<Passage> = {}): Passage => ({
  chunkId: '1',
  documentId: 'doc_1',
  version: 1,
  title: 'Loi n° 09-08',
  publisher: 'SGG',
  uri: 'https://example.ma',
  licence: 'Texte officiel',
  language: 'fra_Latn',
  demo: false,
  article: 'Article 7',
  headingPath: ['Article 7'],
  text,
  start: 0,
  end: text.length,
  sha256: 'abc',
  score: 10,
  ...overrides,
});

const ACCESS =
  '## Article 7\nToute personne justifiant de son identité a le droit d’obtenir la confirmation que des données la concernant sont traitées.';

describe('the built-in answerer', () => {
  it('quotes the passages with their source and citation number, after an honest preface', () => {
    const answer = composeAnswer('Ai-je un droit d’accès ?', [passage(ACCESS)], 'fra_Latn');
    const lines = answer.split('\n');
    assert.equal(lines[0], quotingPreface('fra_Latn'));
    assert.ok(lines.includes('[1] Loi n° 09-08, Article 7 :'));
    assert.ok(
      answer.includes('« Toute personne justifiant de son identité'),
      'the text is quoted without its heading',
    );
    assert.ok(!answer.includes('## Article 7'));
  });

  it('says the quotations are not translated when the sources are in another language than the question', () => {
    const answer = composeAnswer('chno homa l7o9o9 dyali?', [passage(ACCESS)], 'ary_Latn');
    assert.equal(answer.split('\n')[1], untranslatedNote('ary_Latn'));
    assert.ok(
      !composeAnswer('شنو هوما الحقوق؟', [passage('نص', { language: 'arb_Arab' })], 'ary_Arab').includes(
        untranslatedNote('ary_Arab'),
      ),
    );
  });

  it('leaves out passages far weaker than the best one', () => {
    const answer = composeAnswer(
      'accès',
      [passage(ACCESS), passage('Texte voisin.', { score: 2, article: 'Article 40' })],
      'fra_Latn',
    );
    assert.ok(!answer.includes('Article 40'));
  });

  it('writes an answer whose every quotation passes the grounding check', () => {
    const passages = [
      passage(ACCESS),
      passage('La rectification est gratuite.', { article: 'Article 8', score: 9 }),
    ];
    const answer = composeAnswer('accès et rectification', passages, 'fra_Latn');
    assert.deepEqual(checkGrounding(answer, toCitations(passages)).unsupported, []);
  });

  it('does not quote a passage that is only a heading and a blockquoted note, such as a demo warning', () => {
    const warning = passage('# Renouveler sa CNIE\n\n> Contenu de démonstration, à remplacer.', {
      article: null,
    });
    const answer = composeAnswer('CNIE', [warning, passage(ACCESS, { score: 9 })], 'fra_Latn');
    assert.ok(
      !answer.includes('[1]') && answer.includes('[2]') && !answer.includes('Contenu de démonstration'),
    );
  });

  it('says nothing was found, or that there is no corpus at all', () => {
    assert.equal(composeAnswer('?', [], 'arb_Arab'), notFoundMessage('arb_Arab'));
    assert.equal(composeAnswer('?', undefined, 'zgh_Tfng'), noModelMessage('zgh_Tfng'));
  });

  it('quotes the most relevant sentences of a long passage, marking the cuts', () => {
    const filler = 'Cette phrase parle d’autre chose que la question posée. '.repeat(20);
    const quote = excerpt(
      `${filler}La CNDP reçoit les plaintes des personnes concernées. ${filler}`,
      'plaintes CNDP',
    );
    assert.ok(quote.startsWith('… La CNDP reçoit les plaintes'));
    assert.ok(quote.endsWith(' …'));
  });
});
