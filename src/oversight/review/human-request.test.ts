import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asksForHuman } from './human-request.js';

/** Per language label: requests to talk to a person, then messages that only mention one. */
const CASES: Readonly<Record<string, { asks: readonly string[]; mentions: readonly string[] }>> = {
  fra_Latn: {
    asks: [
      "Je veux parler à quelqu'un",
      'je veux un humain',
      'Est-ce que je peux parler avec un conseiller ?',
      'Mettez-moi en contact avec un fonctionnaire svp',
      "J'aimerais être mis en relation avec un agent de la commune",
      'je ne veux pas parler à un robot',
    ],
    mentions: [
      "Un agent m'a dit de revenir demain",
      "L'agent m'a dit que je dois parler à un conseiller",
      "Je veux parler de l'agent qui m'a reçu hier",
      'Le conseiller m’a expliqué la procédure, merci',
    ],
  },
  eng_Latn: {
    asks: [
      'I want to talk to a human',
      'Can I speak with an agent please?',
      'talk to a real person',
      'Please transfer me to an operator',
      'I need a real person',
    ],
    mentions: [
      'The agent said my file was incomplete',
      'I spoke with an agent yesterday, what happens next?',
      'What did the agent mean by "pending"?',
    ],
  },
  arb_Arab: {
    asks: ['أريد التحدث إلى موظف', 'هل يمكنني التواصل مع شخص حقيقي؟', 'أفضل موظفاً من فضلك'],
    mentions: ['قال لي الموظف أن ملفي ناقص', 'تحدثت مع موظف أمس ولم أفهم', 'ما هي مهام الموظف الجماعي؟'],
  },
  ary_Arab: {
    asks: ['بغيت نهضر مع شي واحد', 'واش نقدر نتكلم مع الموظف؟', 'عافاك بغيت نهدر مع بنادم ماشي روبو'],
    mentions: ['الموظف قال ليا نرجع غدا', 'هضرت مع واحد الموظف البارح', 'بغيت نهضر على واحد الوثيقة'],
  },
  ary_Latn: {
    asks: [
      'bghit nhder m3a chi wa7ed',
      'bghit nhder m3a bnadem',
      'bghit nhder m3a l-muwaddaf',
      '3afak n9der ntkellem m3a chi 7ed?',
      'bghit nhdar m3a lmowadaf',
    ],
    mentions: [
      'lmuwaddaf gal liya nrj3 ghdda',
      "hdert m3a wa7ed l'agent lbare7",
      'bghit nhder 3la wa7ed lwatiqa',
    ],
  },
  zgh_Tfng: {
    asks: ['ⵔⵉⵖ ⴰⴷ ⵙⴰⵡⵍⵖ ⴷ ⵢⴰⵏ ⵓⴼⴳⴰⵏ', 'ⵉⵙ ⵣⵎⵎⵔⵖ ⴰⴷ ⵙⴰⵡⵍⵖ ⴷ ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⵏ ⵜⵏⴱⴰⴹⵜ?'],
    mentions: ['ⵙⴰⵡⵍⵖ ⴷ ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⵉⴹⵍⵍⵉ', 'ⵎⴰⵏ ⵉⵣⵔⴼⴰⵏ ⵏ ⵓⴼⴳⴰⵏ ⵅⴼ ⵉⵙⴼⴽⴰ ⵏⵏⵙ?'],
  },
  zgh_Latn: {
    asks: ['Riɣ ad sawleɣ d yan ufgan n tnbaḍt', 'righ ad sawlgh d yan ufgan', 'Riɣ yan ufgan'],
    mentions: ['Sawleɣ d yan ufgan iḍlli', 'Inna yi ufgan ad d uɣaleɣ azekka'],
  },
};

describe('asksForHuman', () => {
  for (const [label, { asks, mentions }] of Object.entries(CASES)) {
    for (const text of asks) {
      it(`${label}: hears a request in "${text}"`, () => assert.notEqual(asksForHuman(text), undefined));
    }
    for (const text of mentions) {
      it(`${label}: hears none in "${text}"`, () => assert.equal(asksForHuman(text), undefined));
    }
  }

  it('returns the words of the request as written', () => {
    assert.equal(
      asksForHuman('Bonjour. Je veux parler à un conseiller, merci'),
      'Je veux parler à un conseiller',
    );
    assert.equal(asksForHuman('slm, bghit nhder m3a chi wa7ed 3afak'), 'bghit nhder m3a chi wa7ed');
  });

  it('hears nothing in a plain question', () => {
    assert.equal(asksForHuman('Quels documents pour renouveler ma CIN ?'), undefined);
    assert.equal(asksForHuman(''), undefined);
  });
});
