import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createStreamRestorer, restoreJson, restoreText, type RestoreOptions } from './restore.js';
import { ConversationVault } from './vault.js';

/** A conversation where the user gave a name, a CIN, a phone number and a RIB, in Arabic and French. */
const conversationVault = (): ConversationVault => {
  const vault = new ConversationVault();
  vault.tokenFor('PERSON', 'فاطمة الزهراء');
  vault.tokenFor('MA_CIN', 'BK482913');
  vault.tokenFor('MA_PHONE', '06 12 34 56 78');
  vault.tokenFor('MA_RIB', '011 519 0000012050005349 21');
  vault.tokenFor('PERSON', 'Jean-Luc "JL" Martin');
  return vault;
};

const MODEL_OUTPUT =
  'مرحبا ⟦PERSON_1⟧، رقم بطاقتك ⟦MA_CIN_1⟧ مسجل.\n' +
  'Nous vous rappellerons au ⟦MA_PHONE_1⟧ ; virement sur ⟦MA_RIB_1⟧.⟦PERSON_2⟧⟦MA_CIN_1⟧ ' +
  '⟦MA_CIN_7⟧ ⟦PERSON⟧ ⟦MA_CIN:0a1b2c3d4e5f⟧ ⟦ fin ⟦MA_';
const RESTORED =
  'مرحبا فاطمة الزهراء، رقم بطاقتك BK482913 مسجل.\n' +
  'Nous vous rappellerons au 06 12 34 56 78 ; virement sur 011 519 0000012050005349 21.Jean-Luc "JL" MartinBK482913 ' +
  '⟦MA_CIN_7⟧ ⟦PERSON⟧ ⟦MA_CIN:0a1b2c3d4e5f⟧ ⟦ fin ⟦MA_';

/** Streams `chunks` through a restorer and returns the concatenated output. */
const streamed = (vault: ConversationVault, chunks: readonly string[], options?: RestoreOptions): string => {
  const restorer = createStreamRestorer(vault, options);
  return chunks.map((chunk) => restorer.push(chunk)).join('') + restorer.flush();
};

describe('restoreText', () => {
  it("replaces this vault's tokens and nothing else", () => {
    assert.equal(restoreText(MODEL_OUTPUT, conversationVault()), RESTORED);
  });

  it('leaves a token of another conversation untouched', () => {
    const other = new ConversationVault();
    other.tokenFor('MA_CIN', 'J456789');
    other.tokenFor('MA_CIN', 'AB123456');
    const mine = new ConversationVault();
    mine.tokenFor('MA_CIN', 'BK482913');
    // ⟦MA_CIN_2⟧ exists in the other conversation only: it is never re-identified here.
    assert.equal(restoreText('⟦MA_CIN_1⟧ et ⟦MA_CIN_2⟧', mine), 'BK482913 et ⟦MA_CIN_2⟧');
    assert.equal(restoreText('⟦MA_CIN_1⟧ et ⟦MA_CIN_2⟧', other), 'J456789 et AB123456');
  });

  it('returns text without tokens as is, and anything as is with an empty vault', () => {
    assert.equal(restoreText('Bonjour, pas de données.', conversationVault()), 'Bonjour, pas de données.');
    assert.equal(restoreText(MODEL_OUTPUT, new ConversationVault()), MODEL_OUTPUT);
  });

  it('inserts values literally, with no replacement patterns', () => {
    const vault = new ConversationVault();
    vault.tokenFor('PERSON', "$& $' $1");
    assert.equal(restoreText('x ⟦PERSON_1⟧ y', vault), "x $& $' $1 y");
  });

  it('writes values as JSON string content when asked', () => {
    assert.equal(
      restoreText('{"name":"⟦PERSON_2⟧"}', conversationVault(), { json: true }),
      '{"name":"Jean-Luc \\"JL\\" Martin"}',
    );
  });
});

describe('createStreamRestorer', () => {
  it('equals the one-shot restore when the text is split at every offset', () => {
    const vault = conversationVault();
    for (let i = 0; i <= MODEL_OUTPUT.length; i++) {
      const out = streamed(vault, [MODEL_OUTPUT.slice(0, i), MODEL_OUTPUT.slice(i)]);
      assert.equal(out, RESTORED, `split at ${i}`);
    }
  });

  it('equals the one-shot restore when the text is split at every pair of offsets', () => {
    const vault = conversationVault();
    const text = MODEL_OUTPUT.slice(0, 120);
    const expected = restoreText(text, vault);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        assert.equal(
          streamed(vault, [text.slice(0, i), text.slice(i, j), text.slice(j)]),
          expected,
          `${i}, ${j}`,
        );
      }
    }
  });

  it('equals the one-shot restore one character at a time', () => {
    assert.equal(streamed(conversationVault(), [...MODEL_OUTPUT]), RESTORED);
  });

  it('holds back only a suffix that can still become a token of the vault', () => {
    const restorer = createStreamRestorer(conversationVault());
    assert.equal(restorer.push('Votre CIN est ⟦MA_'), 'Votre CIN est ');
    assert.equal(restorer.push('CIN_1⟧, merci'), 'BK482913, merci');
    assert.equal(restorer.push(' ⟦MA_CIN_1'), ' ');
    assert.equal(restorer.push('⟧'), 'BK482913');
    // No token of the vault starts with ⟦MA_CIN_9: released at once.
    assert.equal(restorer.push(' ⟦MA_CIN_9'), ' ⟦MA_CIN_9');
    assert.equal(restorer.flush(), '');
  });

  it('releases a lone ⟦ as soon as plain text follows it', () => {
    const restorer = createStreamRestorer(conversationVault());
    assert.equal(restorer.push('Le symbole ⟦'), 'Le symbole ');
    assert.equal(restorer.push(' est rare.'), '⟦ est rare.');
    assert.equal(restorer.push('⟦'), '');
    assert.equal(restorer.flush(), '⟦');
  });

  it('never holds more than the longest token of the vault', () => {
    const vault = conversationVault();
    const restorer = createStreamRestorer(vault);
    let out = restorer.push('⟦');
    for (let i = 0; i < 100; i++) {
      out += restorer.push('A');
      assert.ok(i + 2 - out.length <= vault.longestTokenLength, 'held back too much');
    }
    assert.equal(out + restorer.flush(), `⟦${'A'.repeat(100)}`);
  });

  it('holds nothing with an empty vault', () => {
    const restorer = createStreamRestorer(new ConversationVault());
    assert.equal(restorer.push('⟦MA_CIN_'), '⟦MA_CIN_');
  });

  it('escapes values for streamed JSON tool-call arguments', () => {
    const json = '{"citizen":"⟦PERSON_2⟧","cin":"⟦MA_CIN_1⟧"}';
    for (let i = 0; i <= json.length; i++) {
      const out = streamed(conversationVault(), [json.slice(0, i), json.slice(i)], { json: true });
      assert.deepEqual(JSON.parse(out), { citizen: 'Jean-Luc "JL" Martin', cin: 'BK482913' });
    }
  });
});

describe('restoreJson', () => {
  it('restores a tool call whose arguments are a JSON-encoded string', () => {
    const toolCall = {
      id: 'call_1',
      type: 'function',
      function: {
        name: 'lookup_citizen',
        arguments: JSON.stringify({ name: '⟦PERSON_2⟧', cin: '⟦MA_CIN_1⟧', phones: ['⟦MA_PHONE_1⟧'], n: 3 }),
      },
    };
    const restored = restoreJson(toolCall, conversationVault());
    assert.deepEqual(JSON.parse(restored.function.arguments), {
      name: 'Jean-Luc "JL" Martin',
      cin: 'BK482913',
      phones: ['06 12 34 56 78'],
      n: 3,
    });
    assert.equal(restored.id, 'call_1');
    // The input is not modified.
    assert.ok(toolCall.function.arguments.includes('⟦MA_CIN_1⟧'));
  });

  it('restores JSON nested in a JSON string, keys, arrays and plain strings', () => {
    const inner = JSON.stringify({ note: 'appeler ⟦MA_PHONE_1⟧' });
    const value = { outer: JSON.stringify({ inner }), '⟦PERSON_1⟧': [1, null, true, 'CIN ⟦MA_CIN_1⟧'] };
    const restored = restoreJson(value, conversationVault());
    const outer = JSON.parse(restored.outer) as { inner: string };
    assert.deepEqual(JSON.parse(outer.inner), { note: 'appeler 06 12 34 56 78' });
    assert.deepEqual(restored['فاطمة الزهراء' as keyof typeof restored], [1, null, true, 'CIN BK482913']);
  });

  it('keeps strings without tokens of the vault exactly as they were', () => {
    const args = '{ "cin" : "⟦MA_CIN_9⟧" }';
    assert.equal(restoreJson({ arguments: args }, conversationVault()).arguments, args);
    assert.equal(restoreJson('{ broken ⟦MA_CIN_1⟧', conversationVault()), '{ broken BK482913');
  });
});
