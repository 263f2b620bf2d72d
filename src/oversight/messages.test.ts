import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGE_LABELS } from '../language/labels.js';
import {
  applicationSuspendedMessage,
  humanHandoffMessage,
  modelSuspendedMessage,
  reviewPendingMessage,
  reviewRejectedMessage,
  subjectObjectedMessage,
  transparencyNotice,
  useProhibitedMessage,
} from './messages.js';
import type { TransparencyFacts } from './messages.js';

/** 14:30 UTC is 15:30 in Casablanca (UTC+1 outside Ramadan). */
const EXPECTED_BY = new Date('2026-06-10T14:30:00Z');

const FACTS: TransparencyFacts = {
  controller: 'Commune de Rabat',
  purpose: 'Aide aux démarches',
  cndpReference: 'D-123/2025',
  cndpRegime: 'declaration',
  dpoContact: 'dpo@rabat.ma',
};

const MESSAGES: ReadonlyArray<readonly [string, (language: string | null | undefined) => string]> = [
  ['reviewPendingMessage', (l) => reviewPendingMessage(l, EXPECTED_BY)],
  ['reviewRejectedMessage', reviewRejectedMessage],
  ['applicationSuspendedMessage', applicationSuspendedMessage],
  ['modelSuspendedMessage', modelSuspendedMessage],
  ['useProhibitedMessage', useProhibitedMessage],
  ['transparencyNotice', (l) => transparencyNotice(l, FACTS)],
  ['humanHandoffMessage', (l) => humanHandoffMessage(l, EXPECTED_BY)],
  ['subjectObjectedMessage', subjectObjectedMessage],
];

const SCRIPT_LETTERS: Record<string, RegExp> = {
  Arab: /\p{Script=Arabic}/u,
  Tfng: /\p{Script=Tifinagh}/u,
  Latn: /\p{Script=Latin}/u,
};

/** The letters the message itself is written in: inserted facts and acronyms (CNDP, IA) left out. */
function ownLetters(message: string): string[] {
  let own = message;
  for (const fact of Object.values(FACTS)) if (fact) own = own.replaceAll(fact, ' ');
  return [...own.replace(/\b[A-Z]{2,}\b/g, ' ')].filter((ch) => /\p{L}/u.test(ch));
}

describe('oversight messages', () => {
  for (const [name, message] of MESSAGES) {
    for (const label of LANGUAGE_LABELS) {
      it(`${name} exists in ${label}, in its script`, () => {
        const text = message(label);
        const script = SCRIPT_LETTERS[label.slice(4)]!;
        const letters = ownLetters(text);
        assert.ok(letters.length > 20, text);
        assert.deepEqual(
          letters.filter((ch) => !script.test(ch)),
          [],
          text,
        );
      });
    }

    it(`${name} is different in each language label`, () => {
      const texts = new Set(LANGUAGE_LABELS.map((label) => message(label)));
      assert.equal(texts.size, LANGUAGE_LABELS.length);
    });

    it(`${name} falls back to French for und, unknown, null and undefined`, () => {
      const french = message('fra_Latn');
      for (const language of ['und', 'kab_Latn', 'fr', '', null, undefined]) {
        assert.equal(message(language), french, String(language));
      }
    });
  }

  it('derives Latin-script Tamazight from the Tifinagh text', () => {
    assert.match(reviewRejectedMessage('zgh_Tfng'), /^ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⴼⴳⴰⵏ/);
    assert.match(reviewRejectedMessage('zgh_Latn'), /^Ur izmir ufgan/);
  });
});

describe('deadlines', () => {
  for (const [name, message] of [
    ['reviewPendingMessage', reviewPendingMessage],
    ['humanHandoffMessage', humanHandoffMessage],
  ] as const) {
    it(`${name} gives the day and the time in Casablanca, for every label`, () => {
      for (const label of LANGUAGE_LABELS) {
        const text = message(label, EXPECTED_BY);
        assert.match(text, /\b10\b/, `${label}: ${text}`);
        assert.match(text, /15:30/, `${label}: ${text}`);
      }
    });
  }

  it('names the day and month in the reader’s language', () => {
    assert.match(reviewPendingMessage('fra_Latn', EXPECTED_BY), /mercredi 10 juin à 15:30/);
    assert.match(reviewPendingMessage('eng_Latn', EXPECTED_BY), /Wednesday 10 June at 15:30/);
    assert.match(reviewPendingMessage('arb_Arab', EXPECTED_BY), /الأربعاء، 10 يونيو/);
    assert.match(reviewPendingMessage('ary_Latn', EXPECTED_BY), /10\/06\/2026 15:30/);
    assert.match(reviewPendingMessage('zgh_Tfng', EXPECTED_BY), /ⴰⴽⵕⴰⵙ 10 ⵢⵓⵏⵢⵓ 15:30/);
    assert.match(reviewPendingMessage('zgh_Latn', EXPECTED_BY), /akṛas 10 yunyu 15:30/);
  });

  it('follows Moroccan time through Ramadan, when Casablanca is on UTC', () => {
    assert.match(humanHandoffMessage('fra_Latn', new Date('2026-03-01T14:30:00Z')), /1 mars à 14:30/);
  });
});

describe('transparencyNotice', () => {
  it('states the controller, purpose, CNDP regime and number, DPO contact and Law 09-08 in every label', () => {
    for (const label of LANGUAGE_LABELS) {
      const text = transparencyNotice(label, FACTS);
      for (const part of ['Commune de Rabat', 'Aide aux démarches', 'D-123/2025', 'dpo@rabat.ma', '09-08']) {
        assert.ok(text.includes(part), `${label} lacks ${part}: ${text}`);
      }
    }
  });

  it('says "declaration no." or "authorisation no." exactly, never "certified"', () => {
    const authorised = { ...FACTS, cndpRegime: 'authorisation' as const, cndpReference: 'A-45/2025' };
    assert.match(transparencyNotice('eng_Latn', FACTS), /declaration no\. D-123\/2025/);
    assert.match(transparencyNotice('eng_Latn', authorised), /authorisation no\. A-45\/2025/);
    assert.match(transparencyNotice('fra_Latn', FACTS), /déclaration n° D-123\/2025/);
    assert.match(transparencyNotice('fra_Latn', authorised), /autorisation n° A-45\/2025/);
    assert.match(transparencyNotice('arb_Arab', authorised), /الإذن رقم A-45\/2025/);
    for (const label of LANGUAGE_LABELS) {
      for (const facts of [FACTS, authorised]) {
        assert.doesNotMatch(transparencyNotice(label, facts), /certifi|certif|مصادق|معتمد/i, label);
      }
      const declared = transparencyNotice(label, { ...FACTS, cndpReference: 'X' });
      const allowed = transparencyNotice(label, { ...authorised, cndpReference: 'X' });
      assert.notEqual(declared, allowed, `${label} names both regimes alike`);
    }
  });

  it('claims no number when none is registered', () => {
    const text = transparencyNotice('eng_Latn', { ...FACTS, cndpReference: null });
    assert.match(text, /CNDP: declaration \(number not provided\)/);
    assert.doesNotMatch(text, /no\./);
  });

  it('tells the user they are talking to an AI system', () => {
    assert.match(transparencyNotice('fra_Latn', FACTS), /système d’intelligence artificielle/);
    assert.match(transparencyNotice('eng_Latn', FACTS), /artificial intelligence system/);
    assert.match(transparencyNotice('arb_Arab', FACTS), /ذكاء الاصطناعي/);
  });
});
