import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toCitations, usedCitations } from './citations.js';
import { checkGrounding, citedSentences } from './grounding.js';
import type { Passage } from './types.js';

const passage = (text: string, n: number): Passage => ({
  chunkId: String(n),
  documentId: `doc_${n}`,
  version: 1,
  title: 'Loi n° 09-08',
  publisher: 'SGG',
  uri: 'https://example.ma/09-08',
  licence: 'Texte officiel',
  language: 'fra_Latn',
  demo: false,
  article: `Article ${n}`,
  headingPath: [],
  text,
  start: 0,
  end: text.length,
  sha256: 'abc',
  score: 1,
});

const citations = toCitations([
  passage('Toute personne a le droit d’accéder aux données qui la concernent, sans frais, dans un délai de 30 jours.', 1),
  passage('La Commission nationale de contrôle de la protection des données à caractère personnel reçoit les plaintes.', 2),
]);

describe('grounding check', () => {
  it('accepts sentences that say what the passages they cite say', () => {
    const answer = 'Vous avez le droit d’accéder à vos données sans frais [1]. La Commission nationale reçoit les plaintes [2].';
    const report = checkGrounding(answer, citations);
    assert.deepEqual(report, { supported: true, checked: 2, unsupported: [] });
  });

  it('flags an uncited claim, a number the source does not give, a name it does not name, and an unknown source', () => {
    const answer = [
      'La réponse arrive sous 15 jours [1].',
      'Le ministre Dupont reçoit les plaintes [2].',
      'Le droit d’accès est gratuit [7].',
      'Vous devez aussi payer un timbre.',
    ].join(' ');
    const reasons = checkGrounding(answer, citations).unsupported.map((u) => u.reason);
    assert.deepEqual(reasons, ['number_not_in_source', 'name_not_in_source', 'unknown_source', 'no_citation']);
  });

  it('flags a cited sentence whose words are not in the passage', () => {
    const report = checkGrounding('Les étrangers doivent présenter un visa touristique valide [1].', citations);
    assert.equal(report.unsupported[0]?.reason, 'low_overlap');
  });

  it('lets a quotation be cited once at the end of its paragraph, and lets an introduction claim nothing', () => {
    const answer = 'Voici ce que dit la loi :\n« Toute personne a le droit d’accéder aux données qui la concernent. Sans frais. » [1]';
    assert.deepEqual(
      citedSentences(answer).map((s) => s.cited),
      [[], [1], [1]],
    );
    assert.equal(checkGrounding(answer, citations).supported, true);
  });

  it('keeps only the citations the answer uses', () => {
    assert.deepEqual(
      usedCitations('Selon la loi [2].', citations).map((c) => c.n),
      [2],
    );
  });
});
