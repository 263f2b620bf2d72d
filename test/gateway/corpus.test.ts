import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Citation } from '../../src/corpus/citations.js';
import type { GroundingReport } from '../../src/corpus/grounding.js';
import { startGateway, useUpstreamGateway, type Gateway } from '../support/gateway-harness.js';

interface Answer {
  text: string;
  citations: Citation[];
  grounding: GroundingReport | null;
  language: string | null;
}

/** The articles of Law 09-08's chapter on the rights of the data subject, in its French and Arabic versions. */
const RIGHTS_ARTICLES = new Set([
  'Article 5',
  'Article 6',
  'Article 7',
  'Article 8',
  'Article 9',
  'Article 10',
  'المادة 5',
  'المادة 6',
  'المادة 7',
  'المادة 8',
  'المادة 9',
  'المادة 10',
]);
const LAW_09_08 = /09[.-]08/u;

describe('the quick start: answers from the demo corpus, with citations, without any model server', () => {
  let gateway: Gateway;
  before(async () => {
    gateway = await startGateway({ corpus: { demo: true } });
  });
  after(() => gateway.close());

  const ask = async (question: string): Promise<Answer> => {
    const completion = await gateway
      .client()
      .chat.completions.create({ model: 'default', messages: [{ role: 'user', content: question }] });
    const { mizan } = completion as unknown as { mizan: Omit<Answer, 'text'> };
    return { text: completion.choices[0]!.message.content ?? '', ...mizan };
  };

  // In Darija in Arabic script the decree applying the law (its article on the right of rectification) and the
  // law's scope article outrank the law's chapter on rights; any article of the law or its decree is accepted there.
  for (const [language, question, rightsChapter] of [
    ['French', 'Quels sont les droits d’une personne sur ses données ?', true],
    ['Modern Standard Arabic', 'ما هي حقوق الشخص المعني على معطياته الشخصية؟', true],
    ['Darija in Arabic script', 'شنو هوما الحقوق ديالي على المعطيات الشخصية ديالي؟', false],
    ['Darija in Latin script', 'chno homa l7o9o9 dyali 3la les données personnelles dyali?', true],
  ] as const) {
    it(`answers the data-rights question in ${language} from Law 09-08, citing its articles`, async () => {
      const answer = await ask(question);
      assert.ok(answer.citations.length > 0, 'the answer cites its sources');
      const law = answer.citations.filter(
        (c) =>
          LAW_09_08.test(c.title) && c.article !== null && (!rightsChapter || RIGHTS_ARTICLES.has(c.article)),
      );
      assert.ok(
        law.length > 0,
        `cites an article on the rights of the data subject: ${JSON.stringify(answer.citations.map((c) => [c.title, c.article]))}`,
      );
      for (const citation of answer.citations) {
        assert.ok(answer.text.includes(`[${citation.n}]`), 'every listed citation is used by the answer');
        assert.match(citation.sha256, /^[0-9a-f]{64}$/u);
        assert.ok(citation.uri.startsWith('https://'));
        const quoted = (text: string) => text.replace(/^#.*$/gmu, '').replace(/\s+/gu, ' ').trim();
        assert.ok(
          quoted(answer.text).includes(quoted(citation.passage).slice(0, 40)) ||
            citation.passage.length > 700,
          'short passages are quoted as they are',
        );
      }
      assert.equal(answer.grounding?.supported, true, JSON.stringify(answer.grounding));
    });
  }

  it('lets anyone check a citation: the cited offsets give the passage in the stored version', async () => {
    const answer = await ask('Comment renouveler la carte nationale d’identité électronique ?');
    const citation = answer.citations[0]!;
    const text = await gateway.platform.corpus.store.versionText(citation.document_id, citation.version);
    assert.equal(text?.slice(citation.start, citation.end), citation.passage);
  });
});

describe('citations and grounding with a model server', () => {
  const fixture = useUpstreamGateway({ corpus: { demo: true, grounding: 'mark' } });

  it('hands the model the numbered passages, keeps the citations it uses and marks what they do not support', async () => {
    const question = 'Ai-je le droit d’accéder à mes données personnelles ?';
    const [first] = (await fixture.gateway.platform.corpus.retriever.retrieve(
      question,
      fixture.gateway.tenantId,
    ))!;
    // The model repeats the first passage's opening words, citing it, then adds an amount it does not give.
    const supported = first!.text
      .replace(/^#.*$/gmu, '')
      .trim()
      .split(/\s+/u)
      .slice(0, 12)
      .join(' ')
      .replace(/[.!?؟:;]+$/u, '');
    fixture.upstream.enqueue({ content: `${supported} [1]. Le service coûte 500 dirhams [1].` });
    const completion = await fixture.gateway.client().chat.completions.create({
      model: 'atlas',
      messages: [{ role: 'user', content: question }],
    });
    const sent = (fixture.upstream.requests[0]!.body as { messages: { role: string; content: string }[] })
      .messages;
    const sources = sent.find((m) => m.role === 'system' && m.content.includes('[1] '));
    assert.ok(sources, 'the passages reach the model as a system message');
    assert.match(sources.content, /cite the\s+sources/u);
    const { mizan } = completion as unknown as {
      mizan: { citations: Citation[]; grounding: GroundingReport };
    };
    assert.deepEqual(
      mizan.citations.map((c) => c.n),
      [1],
    );
    assert.deepEqual(
      mizan.grounding.unsupported.map((u) => u.reason),
      ['number_not_in_source'],
    );
    assert.match(completion.choices[0]!.message.content ?? '', /500 dirhams \[1\]\. \[\?\]$/u);
  });
});
