import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';
import {
  startGateway,
  upstreamProvider,
  useUpstreamGateway,
  UPSTREAM_ENV,
  type Gateway,
} from '../support/gateway-harness.js';
import { commission, MINIMAL_USE_CASE } from '../support/oversight-fixtures.js';

interface PrivacyExtension {
  entities: Record<string, Record<string, number>>;
  personal_data_forwarded: boolean;
  transfer: { country: string; decision: string };
  conversation_id: string | null;
}

// Synthetic identifiers: a CIN, a mobile number, and a RIB whose key is valid (the 24 digits ≡ 0 mod 97).
const CIN = 'BK482913';
const PHONE = '06 12 34 56 78';
const RIB = '011 519 0000012050005349 21';

const conversations = [
  {
    language: 'French',
    text: `Bonjour, ma CIN est ${CIN}, mon téléphone ${PHONE} et mon RIB ${RIB}. Pouvez-vous vérifier ?`,
  },
  {
    language: 'Arabic',
    text: `رقم البطاقة الوطنية ${CIN} ورقم الهاتف ${PHONE} ورقم الحساب البنكي ${RIB}، هل يمكنكم التحقق؟`,
  },
  {
    language: 'Darija in Latin script',
    text: `salam, la carte dyali ${CIN}, nmra dyali ${PHONE} o RIB dyali ${RIB}, wach t9dro tchofo?`,
  },
];

const sentToUpstream = (upstream: TestUpstream) => JSON.stringify(upstream.requests.map((r) => r.body));
/** The conversation as the model received it, without the answer-language instruction the gateway adds. */
const forwardedConversation = <M extends { role?: unknown; content?: unknown }>(
  upstream: TestUpstream,
): M[] =>
  (upstream.requests[0]!.body as { messages: M[] }).messages.filter(
    (m) => !(m.role === 'system' && String(m.content).startsWith('The user is writing in')),
  );

describe('privacy layer in the gateway with a Moroccan-hosted model', () => {
  const atlas = useUpstreamGateway();

  for (const { language, text } of conversations) {
    it(`pseudonymizes the CIN, phone and RIB before the model and restores them (${language})`, async () => {
      atlas.upstream.enqueue({ content: 'CIN ⟦MA_CIN_1⟧, tél ⟦MA_PHONE_1⟧, RIB ⟦MA_RIB_1⟧ : vérifiés.' });
      const completion = await atlas.gateway.client().chat.completions.create({
        model: 'atlas',
        messages: [{ role: 'user', content: text }],
      });
      const sent = sentToUpstream(atlas.upstream);
      for (const value of [CIN, PHONE, RIB, '0612345678', '482913']) assert.ok(!sent.includes(value), value);
      assert.match(sent, /⟦MA_CIN_1⟧/);
      assert.match(sent, /⟦MA_PHONE_1⟧/);
      assert.match(sent, /⟦MA_RIB_1⟧/);
      assert.equal(
        completion.choices[0]?.message.content,
        `CIN ${CIN}, tél ${PHONE}, RIB ${RIB} : vérifiés.`,
      );
      const privacy = (completion as unknown as { mizan: { privacy: PrivacyExtension } }).mizan.privacy;
      assert.deepEqual(privacy.entities.MA_CIN, { pseudonymize: 1 });
      assert.deepEqual(privacy.entities.MA_PHONE, { pseudonymize: 1 });
      assert.deepEqual(privacy.entities.MA_RIB, { pseudonymize: 1 });
      assert.equal(privacy.personal_data_forwarded, false);
      assert.deepEqual(privacy.transfer, { country: 'MA', decision: 'domestic' });
      assert.ok(!JSON.stringify(privacy).includes(CIN), 'the summary carries counts, never values');
    });

    it(`restores pseudonyms split across streamed chunks (${language})`, async () => {
      atlas.upstream.enqueue({ chunks: ['Votre CIN ⟦MA_', 'CIN_1⟧ et le ⟦', 'MA_PHONE_1', '⟧ sont notés.'] });
      const stream = await atlas.gateway.client().chat.completions.create({
        model: 'atlas',
        messages: [{ role: 'user', content: text }],
        stream: true,
      });
      let answer = '';
      for await (const chunk of stream) answer += chunk.choices[0]?.delta.content ?? '';
      assert.equal(answer, `Votre CIN ${CIN} et le ${PHONE} sont notés.`);
      assert.ok(!sentToUpstream(atlas.upstream).includes(CIN));
    });
  }

  it('gives one value the same pseudonym in every message, whatever its writing', async () => {
    await atlas.gateway.client().chat.completions.create({
      model: 'atlas',
      messages: [
        { role: 'system', content: 'Tu es un assistant administratif.' },
        { role: 'user', content: `Mon numéro est ${PHONE}.` },
        { role: 'assistant', content: 'Noté.' },
        { role: 'user', content: 'Je répète : 0612345678, et celui de ma mère est 0698765432.' },
      ],
    });
    const messages = forwardedConversation<{ content: string }>(atlas.upstream);
    assert.equal(messages[1]!.content, 'Mon numéro est ⟦MA_PHONE_1⟧.');
    assert.equal(messages[3]!.content, 'Je répète : ⟦MA_PHONE_1⟧, et celui de ma mère est ⟦MA_PHONE_2⟧.');
  });

  it('never restores a pseudonym the user did not provide in this conversation', async () => {
    atlas.upstream.enqueue({ content: 'Le dossier ⟦MA_CIN_1⟧ et ⟦MA_CIN_7⟧.' });
    const completion = await atlas.gateway.client().chat.completions.create({
      model: 'atlas',
      messages: [{ role: 'user', content: `CIN ${CIN}` }],
    });
    assert.equal(completion.choices[0]?.message.content, `Le dossier ${CIN} et ⟦MA_CIN_7⟧.`);
  });

  it('keeps pseudonyms across the requests of a named conversation and never across conversations', async () => {
    const client = atlas.gateway.client();
    const ask = (conversation: string, content: string) =>
      client.chat.completions.create(
        { model: 'atlas', messages: [{ role: 'user', content }] },
        { headers: { 'x-mizan-conversation-id': conversation } },
      );
    await ask('conv-a', `Ma CIN est ${CIN}.`);
    atlas.upstream.enqueue({ content: 'Rappel : ⟦MA_CIN_1⟧.' });
    const later = await ask('conv-a', 'Quelle CIN ai-je donnée ?');
    assert.equal(later.choices[0]?.message.content, `Rappel : ${CIN}.`);
    atlas.upstream.enqueue({ content: 'Rappel : ⟦MA_CIN_1⟧.' });
    const other = await ask('conv-b', 'Quelle CIN ai-je donnée ?');
    assert.equal(other.choices[0]?.message.content, 'Rappel : ⟦MA_CIN_1⟧.');
  });

  it('pseudonymizes identifiers in tool-call arguments and restores them in the tool calls it returns', async () => {
    await atlas.gateway.client().chat.completions.create({
      model: 'atlas',
      messages: [
        { role: 'user', content: 'Vérifie mon dossier.' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: `{"cin":"${CIN}"}` } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: `Dossier de ${CIN} : complet.` },
      ],
    });
    const sent = sentToUpstream(atlas.upstream);
    assert.ok(!sent.includes(CIN));
    const messages = forwardedConversation<Record<string, unknown>>(atlas.upstream);
    const call = (messages[1]!.tool_calls as Array<{ function: { arguments: string } }>)[0]!;
    assert.deepEqual(JSON.parse(call.function.arguments), { cin: '⟦MA_CIN_1⟧' });
    assert.equal(messages[2]!.content, 'Dossier de ⟦MA_CIN_1⟧ : complet.');
  });

  it('refuses an invalid conversation id with 400', async () => {
    const response = await fetch(`${atlas.gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${atlas.gateway.key}`, 'x-mizan-conversation-id': 'a b/../c' },
      body: JSON.stringify({ model: 'atlas', messages: [{ role: 'user', content: 'x' }] }),
    });
    assert.equal(response.status, 400);
    assert.equal(
      ((await response.json()) as { error: { code: string } }).error.code,
      'invalid_conversation_id',
    );
  });
});

describe('transfer control with a model hosted abroad', () => {
  let upstream: TestUpstream;
  let gateway: Gateway;
  const keyFor = async (name: string, privacyPolicy: object | null, authorisedTransfers: string[]) => {
    const tenancy = gateway.platform.tenancy;
    const application = await tenancy.createApplication({
      tenantId: gateway.tenantId,
      name,
      privacyPolicy,
      authorisedTransfers,
    });
    // The register entry is where a transfer is authorised, with its basis.
    await commission(gateway.platform, application.id, {
      useCase: { ...MINIMAL_USE_CASE, transfers: { countries: authorisedTransfers, basis: 'cndp_list' } },
    });
    return (await tenancy.createKey({ applicationId: application.id })).key;
  };
  const ask = (key: string) =>
    fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'foreign',
        messages: [{ role: 'user', content: `Appelez-moi au ${PHONE}, CIN ${CIN}.` }],
      }),
    });
  const allowPhones = { operators: { MA_PHONE: 'allow' }, defaultOperator: 'pseudonymize' };

  before(async () => {
    upstream = await startTestUpstream();
    gateway = await startGateway(
      {
        providers: [
          upstreamProvider('abroad', upstream.url, {
            hosting: { operator: 'cloud-eu', country: 'FR', sovereign: false },
          }),
        ],
        models: [{ id: 'foreign', provider: 'abroad' }],
      },
      UPSTREAM_ENV,
    );
  });
  after(async () => {
    await gateway.close();
    await upstream.close();
  });
  beforeEach(() => upstream.reset());

  it('sends pseudonymized text abroad: no personal data leaves', async () => {
    const response = await ask(gateway.key);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { mizan: { privacy: PrivacyExtension } };
    assert.deepEqual(body.mizan.privacy.transfer, { country: 'FR', decision: 'no_personal_data' });
    assert.ok(!sentToUpstream(upstream).includes('0612345678'));
  });

  it('refuses with 403 transfer_not_authorised when the policy leaves personal data in clear', async () => {
    const response = await ask(await keyFor('allows-phones', allowPhones, []));
    assert.equal(response.status, 403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'transfer_not_authorised');
    assert.match(body.error.message, /FR/);
    assert.ok(!body.error.message.includes(PHONE));
    assert.equal(upstream.requests.length, 0, 'nothing reached the foreign model');
  });

  it('lets personal data go abroad when the application records an authorised transfer there', async () => {
    const response = await ask(await keyFor('authorised-fr', allowPhones, ['FR']));
    assert.equal(response.status, 200);
    const body = (await response.json()) as { mizan: { privacy: PrivacyExtension } };
    assert.deepEqual(body.mizan.privacy.transfer, { country: 'FR', decision: 'authorised' });
    assert.equal(body.mizan.privacy.personal_data_forwarded, true);
    assert.match(sentToUpstream(upstream), /06 12 34 56 78/);
    assert.ok(!sentToUpstream(upstream).includes(CIN), 'the CIN is still pseudonymized');
  });

  it('refuses with 422 personal_data_blocked naming the type, never the value, when the policy blocks it', async () => {
    const key = await keyFor(
      'blocks-cin',
      { operators: { MA_CIN: 'block' }, defaultOperator: 'pseudonymize' },
      [],
    );
    const response = await ask(key);
    assert.equal(response.status, 422);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'personal_data_blocked');
    assert.match(body.error.message, /MA_CIN/);
    assert.ok(!body.error.message.includes(CIN));
    assert.equal(upstream.requests.length, 0);
  });
});
