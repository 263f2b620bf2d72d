import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { person } from './person.js';
import { assertFinds, assertNothing, scanWith, withInvisible } from './test-support.js';

/** [text, the names found in it, in order]. */
const FOUND: [string, ...string[]][] = [
  // French: cues
  ["Je m'appelle Youssef Alaoui et j'habite à Rabat.", 'Youssef Alaoui'],
  ['Mon nom est Zakaria Zniber.', 'Zakaria Zniber'],
  ['M. Bennani a déposé une demande.', 'Bennani'],
  ['Mme BENNANI Khadija, née le 12/03/1985', 'BENNANI Khadija'],
  ['Le Dr. Tazi est absent.', 'Tazi'],
  ['Madame Zahra Ouchen est convoquée.', 'Zahra Ouchen'],
  ['Nom : ALAOUI Prénom : Mohammed', 'ALAOUI', 'Mohammed'],
  ['Bonjour, je suis Fatima Zahra Bennani.', 'Fatima Zahra Bennani'],
  ['Moi c’est Soufiane.', 'Soufiane'],
  // French: gazetteer
  ['Youssef a perdu sa carte.', 'Youssef'],
  ['Le dossier de Rachid Ouhammou est incomplet.', 'Rachid Ouhammou'],
  ['Mohamed el Amrani et Ahmed ben Ali sont convoqués.', 'Mohamed el Amrani', 'Ahmed ben Ali'],
  ["M'hamed Ait Taleb a signé.", "M'hamed Ait Taleb"],
  ['ALAOUI Mohammed, CIN BK123456', 'ALAOUI Mohammed'],
  ['Fatima-Zahra Lamrani sollicite une attestation.', 'Fatima-Zahra Lamrani'],
  ['Signé : Abdel Aziz Benjelloun', 'Abdel Aziz Benjelloun'],
  ['Karim Benzema a marqué.', 'Karim Benzema'],
  // Arabic script
  ['اسمي محمد العلوي وأنا من الرباط', 'محمد العلوي'],
  ['سميتي فاطمة', 'فاطمة'],
  ['السيد عبد الله بنكيران', 'عبد الله بنكيران'],
  ['قال محمد الإدريسي إن الاجتماع تأجل', 'محمد الإدريسي'],
  ['أنا يوسف', 'يوسف'],
  ['اتصلت بالسيدة نعيمة بنعلي', 'نعيمة بنعلي'],
  ['حضر محمد الأمين الفاسي وزكرياء الوزاني', 'محمد الأمين الفاسي', 'زكرياء الوزاني'],
  ['تكلمت مع ومحمد العلوي', 'محمد العلوي'], // a proclitic stays out of the span
  // Darija in Latin script and English
  ['Salam, smiti youssef w ana mn casa', 'youssef'],
  ['ana smiti Reda Lahrichi, 3ndi mochkil', 'Reda Lahrichi'],
  ['smiya dyali hiya khadija', 'khadija'],
  ['My name is John Smith.', 'John Smith'],
  ['Mr Hamza Tazi called yesterday.', 'Hamza Tazi'],
];

const NOTHING: string[] = [
  'Monsieur le Ministre a présidé la séance.',
  'السيد الوزير',
  'السيد الوالي أو العامل',
  'كريم جدا هذا الرجل',
  'يوسف', // a lone Arabic-script given name: below the threshold
  'Amine est un composé chimique.',
  'les amines et les alcools',
  'Said the man to the officer.',
  'Salam, merci beaucoup',
  'Le 12 rue Allal Ben Abdellah à Fès',
  'Avenue Mohammed V, Rabat',
  'Université Mohammed V de Rabat',
  'Sa Majesté le Roi Mohammed VI a reçu',
  'شارع محمد الخامس',
  'مستشفى ابن سينا',
  'la loi 09-08 relative à la protection des personnes physiques',
  'المادة 12 من القانون 09.08',
  'Rabat et Casablanca accueillent le salon en mai.',
  'تسمى الوكالة الحضرية',
  'حامل أسمى درجة',
  'SI NECESSAIRE, ME CONSULTER',
  'SUR LA PROTECTION DES DONNEES A CARACTERE PERSONNEL',
  'youssef.alaoui@gmail.com',
];

describe('PERSON recognizer', () => {
  for (const [text, ...names] of FOUND) {
    it(`finds ${names.join(', ')} in "${text}"`, () => {
      const found = scanWith(person, text);
      let from = 0;
      const expected = names.map((name) => {
        const start = text.indexOf(name, from);
        assert.ok(start >= 0, `test row: ${name} is not in ${text}`);
        from = start + name.length;
        return { start, end: start + name.length, text: name };
      });
      assert.deepEqual(
        found.map((e) => ({ start: e.start, end: e.end, text: e.text })),
        expected,
      );
    });
  }
  for (const text of NOTHING) {
    it(`finds nothing in "${text}"`, () => assertNothing(person, text));
  }

  it('scores a cue with a name, a given and family pair, and a lone name', () => {
    assert.ok(assertFinds(person, "Je m'appelle Youssef", 'Youssef').score >= 0.85);
    assert.ok(assertFinds(person, 'Youssef Alaoui est venu', 'Youssef Alaoui').score >= 0.85);
    assert.ok(assertFinds(person, 'محمد العلوي', 'محمد العلوي').score >= 0.85);
    assert.equal(assertFinds(person, 'Youssef est venu', 'Youssef').score, 0.6);
    const arabic = scanWith(person, 'جاء يوسف', 0.3);
    assert.equal(arabic.length, 1);
    assert.ok(arabic[0]!.score < 0.5);
  });

  it('needs capitals in Latin script, unless a cue or a full known name says otherwise', () => {
    assertNothing(person, 'youssef est venu');
    assertFinds(person, 'smiti youssef', 'youssef');
    assertFinds(person, 'youssef alaoui est venu', 'youssef alaoui');
  });

  it('finds a name with invisible marks inside', () => {
    const name = withInvisible('Youssef', 3, '\u200F');
    assertFinds(person, `M. ${name} Alaoui`, `${name} Alaoui`);
  });

  it('stays linear on long runs of capitalized words and names', () => {
    const text = 'Youssef Alaoui Mohammed '.repeat(20000);
    const start = performance.now();
    scanWith(person, text);
    assert.ok(performance.now() - start < 2000);
  });
});
