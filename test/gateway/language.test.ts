import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { answerInstruction } from '../../src/language/answer-instruction.js';
import { noModelMessage } from '../../src/providers/extractive/messages.js';
import { startGateway, useUpstreamGateway, type Gateway } from '../support/gateway-harness.js';

interface MizanChunk {
  choices: Array<{ delta: { content?: string } }>;
  mizan?: { language: string | null; model: { id: string } };
}

type Message = { role: 'system' | 'developer' | 'user' | 'assistant'; content: string };

/** Citizens' requests to a public service, one per way Moroccans write. */
const TIFINAGH = 'ⵎⴰⵏⵉ ⵖⴰ ⵙⵙⵏⵜⵍⵖ ⵜⴰⵍⵓⵍⵜ ⵏ ⵢⵉⵡⵉ ⴳ ⵜⵖⵔⵎ?';
const DARIJA_ARABIC = 'كيفاش نقدر نخرج عقد الازدياد ديال ولدي من الجماعة؟';
const ARABIZI = 'salam, bghit n3ref chno khassni bach nkhrej chahadat sokna';
const FRENCH = "Bonjour, quels documents faut-il fournir pour demander un extrait d'acte de naissance ?";
const EMOJI_ONLY = '🙏👍';

const languageOf = (completion: unknown) =>
  (completion as { mizan: { language: string | null } }).mizan.language;

describe('language layer in the gateway with one OpenAI-compatible upstream', () => {
  const atlas = useUpstreamGateway();

  const ask = (messages: Message[]) =>
    atlas.gateway.client().chat.completions.create({ model: 'atlas', messages });
  /** The messages the model received. */
  const forwarded = (index = 0) => (atlas.upstream.requests[index]!.body as { messages: Message[] }).messages;

  const reported = [
    { writing: 'Tifinagh', text: TIFINAGH, language: 'zgh_Tfng' },
    { writing: 'Darija in Arabic script', text: DARIJA_ARABIC, language: 'ary_Arab' },
    { writing: 'Darija in Latin script (Arabizi)', text: ARABIZI, language: 'ary_Latn' },
    { writing: 'French', text: FRENCH, language: 'fra_Latn' },
  ] as const;

  for (const { writing, text, language } of reported) {
    it(`reports mizan.language ${language} and asks the model to answer in it (${writing})`, async () => {
      const completion = await ask([{ role: 'user', content: text }]);
      assert.equal(languageOf(completion), language);
      assert.deepEqual(forwarded(), [
        { role: 'system', content: answerInstruction(language) },
        { role: 'user', content: text },
      ]);
    });
  }

  it('reports mizan.language null and adds no instruction for an emoji-only message', async () => {
    const completion = await ask([
      { role: 'system', content: 'Tu es l’assistant du guichet de la commune.' },
      { role: 'user', content: EMOJI_ONLY },
    ]);
    assert.equal(languageOf(completion), null);
    assert.deepEqual(forwarded(), [
      { role: 'system', content: 'Tu es l’assistant du guichet de la commune.' },
      { role: 'user', content: EMOJI_ONLY },
    ]);
  });

  it("places the instruction after the application's system and developer messages, before the user turns", async () => {
    const system: Message = { role: 'system', content: 'Tu es l’assistant du guichet de la commune.' };
    const developer: Message = { role: 'developer', content: 'Réponds en trois phrases au plus.' };
    await ask([system, developer, { role: 'user', content: DARIJA_ARABIC }]);
    assert.deepEqual(forwarded(), [
      system,
      developer,
      { role: 'system', content: answerInstruction('ary_Arab') },
      { role: 'user', content: DARIJA_ARABIC },
    ]);
  });

  it("follows the last user message's language in a multi-turn conversation", async () => {
    const conversation: Message[] = [
      { role: 'system', content: 'Tu es l’assistant du guichet de la commune.' },
      { role: 'user', content: FRENCH },
      { role: 'assistant', content: "Il vous faut le livret de famille et la CIN d'un des parents." },
      { role: 'user', content: 'بغيت نعرف واش نقدر نطلبها من الأنترنيت ولا خاصني نمشي للمقاطعة' },
    ];
    const completion = await ask(conversation);
    assert.equal(languageOf(completion), 'ary_Arab');
    const instructions = forwarded().filter((m) => m.content.startsWith('The user is writing in'));
    assert.deepEqual(instructions, [{ role: 'system', content: answerInstruction('ary_Arab') }]);
    assert.deepEqual(forwarded(), [
      conversation[0],
      { role: 'system', content: answerInstruction('ary_Arab') },
      ...conversation.slice(1),
    ]);
  });

  it('identifies a user message sent as content parts', async () => {
    const completion = await atlas.gateway.client().chat.completions.create({
      model: 'atlas',
      messages: [{ role: 'user', content: [{ type: 'text', text: TIFINAGH }] }],
    });
    assert.equal(languageOf(completion), 'zgh_Tfng');
    assert.deepEqual(forwarded()[0], { role: 'system', content: answerInstruction('zgh_Tfng') });
  });

  it('counts chat requests per detected language in /metrics', async () => {
    const metrics = async () => {
      const response = await fetch(`${atlas.gateway.origin}/metrics`);
      assert.equal(response.status, 200);
      return response.text();
    };
    const sample = (text: string, language: string) => {
      const series = `mizan_chat_requests_by_language_total{language="${language}"}`;
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? 0 : Number(line.slice(series.length + 1));
    };
    const before = await metrics();
    const tifinagh = ['ⵎⴰⵏⵉ ⵜⵍⵍⴰ ⵜⵏⴱⴹⴰⵍⵜ ⵏ ⵜⵖⵔⵎ?', 'ⵔⵉⵖ ⴰⴷ ⵙⵏⴼⵍⵖ ⵜⴰⴽⴰⵔⴹⴰ ⵏ ⵜⵎⴰⴳⵉⵜ ⵉⵏⵓ', TIFINAGH];
    for (const text of tifinagh) await ask([{ role: 'user', content: text }]);
    await ask([{ role: 'user', content: FRENCH }]);
    await ask([{ role: 'user', content: EMOJI_ONLY }]);
    const text = await metrics();
    assert.match(text, /^# TYPE mizan_chat_requests_by_language_total counter$/m);
    assert.equal(sample(text, 'zgh_Tfng'), sample(before, 'zgh_Tfng') + tifinagh.length);
    assert.equal(sample(text, 'fra_Latn'), sample(before, 'fra_Latn') + 1);
    assert.equal(sample(text, 'und'), sample(before, 'und') + 1);
  });

  it('reports the language in the mizan chunk that ends a stream', async () => {
    atlas.upstream.enqueue({ chunks: ['ⵜⴰⵍⵓⵍⵜ ', 'ⵜⵜⵓⵙⵏⵜⵍ ⴳ ⵜⵖⵔⵎ.'] });
    const stream = await atlas.gateway.client().chat.completions.create({
      model: 'atlas',
      messages: [{ role: 'user', content: TIFINAGH }],
      stream: true,
    });
    const chunks: MizanChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk as unknown as MizanChunk);
    const last = chunks.at(-1)!;
    assert.equal(last.mizan?.model.id, 'atlas');
    assert.equal(last.mizan?.language, 'zgh_Tfng');
    assert.equal(forwarded()[0]?.content, answerInstruction('zgh_Tfng'));
  });
});

describe('language layer in the gateway without any model configured', () => {
  let gateway: Gateway;

  before(async () => {
    gateway = await startGateway({});
  });
  after(() => gateway.close());

  const answer = async (content: string) => {
    const completion = await gateway.client().chat.completions.create({
      model: 'mizan-extractive',
      messages: [{ role: 'user', content }],
    });
    return { text: completion.choices[0]?.message.content, language: languageOf(completion) };
  };

  it('answers an Arabizi question with the no-model message in Arabizi', async () => {
    assert.deepEqual(await answer(ARABIZI), { text: noModelMessage('ary_Latn'), language: 'ary_Latn' });
  });

  it('answers a Tifinagh question with the no-model message in Tifinagh', async () => {
    assert.deepEqual(await answer(TIFINAGH), { text: noModelMessage('zgh_Tfng'), language: 'zgh_Tfng' });
  });

  it('answers a Darija question in Arabic script with the Darija message, not Modern Standard Arabic', async () => {
    const { text } = await answer(DARIJA_ARABIC);
    assert.equal(text, noModelMessage('ary_Arab'));
    assert.notEqual(text, noModelMessage('arb_Arab'));
  });

  it('falls back to French when the language is unknown', async () => {
    assert.deepEqual(await answer(EMOJI_ONLY), { text: noModelMessage('fra_Latn'), language: null });
  });

  it('streams the no-model message in the language of the question', async () => {
    const stream = await gateway.client().chat.completions.create({
      model: 'mizan-extractive',
      messages: [{ role: 'user', content: ARABIZI }],
      stream: true,
    });
    const chunks: MizanChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk as unknown as MizanChunk);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    assert.equal(text, noModelMessage('ary_Latn'));
    assert.equal(chunks.at(-1)?.mizan?.language, 'ary_Latn');
  });
});
