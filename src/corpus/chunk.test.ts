import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isMizanError } from '../errors.js';
import { chunkDocument, normalizeArticleLabel, type Chunk, type ChunkOptions } from './chunk.js';

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** The invariants every chunking must keep, whatever the document. */
function assertWellFormed(
  text: string,
  chunks: readonly Chunk[],
  options: ChunkOptions = {},
  wordSafe = true,
): void {
  const maxChars = options.maxChars ?? 1500;
  let previousEnd = 0;
  for (const [i, chunk] of chunks.entries()) {
    assert.equal(chunk.ordinal, i, 'ordinals follow document order');
    assert.equal(
      chunk.text,
      text.slice(chunk.start, chunk.end),
      `chunk ${i}: text is the slice at its offsets`,
    );
    assert.ok(chunk.start >= previousEnd, `chunk ${i} starts after chunk ${i - 1} ends`);
    assert.ok(chunk.end > chunk.start, `chunk ${i} is not empty`);
    assert.ok(chunk.text.trim() !== '', `chunk ${i} has text`);
    assert.equal(chunk.text, chunk.text.trim(), `chunk ${i} neither starts nor ends with whitespace`);
    assert.ok(chunk.text.length <= maxChars, `chunk ${i} is ${chunk.text.length} > ${maxChars}`);
    if (wordSafe) {
      const cutInWord = (at: number) => WORD.test(text[at - 1] ?? '') && WORD.test(text[at] ?? '');
      assert.ok(!cutInWord(chunk.start), `chunk ${i} starts inside a word`);
      assert.ok(!cutInWord(chunk.end), `chunk ${i} ends inside a word`);
    }
    previousEnd = chunk.end;
  }
}

const FRENCH_LAW = `# Loi n° 12-34 relative aux registres communaux

Chapitre premier
Dispositions générales

Article premier
La présente loi fixe les règles applicables à la tenue des registres communaux.

Article 2 : Définitions
Au sens de la présente loi, on entend par :
- registre : tout recueil tenu par la commune ;
- usager : toute personne qui demande un extrait.

Chapitre II — Droits des usagers

Article 3
Tout usager peut obtenir un extrait du registre qui le concerne. La demande est adressée au président du conseil communal.

Art. 3 bis. - Les extraits sont délivrés gratuitement.

Article 4
(Abrogé)

Article 5 de la présente loi : cette phrase est un renvoi et non un titre, car elle suit l'article 4.
`;

const ARABIC_LAW = `الباب الأول: أحكام عامة

المادة الأولى
يهدف هذا القانون إلى تنظيم السجلات الجماعية.

المادة ٢
يراد في مدلول هذا القانون بالسجل كل مجموعة من المعطيات تمسكها الجماعة.

الباب الثاني
حقوق المرتفقين

الفرع الأول: الحق في الاطلاع

المادة 3
يحق لكل مرتفق الاطلاع على المعطيات التي تخصه. المادة 12 من هذا القانون تحدد الآجال.

المادة العاشرة
تدخل هذه المادة حيز التنفيذ فور نشرها.
`;

const PROCEDURE = `# Renouveler la carte nationale d'identité électronique

La demande se fait au bureau de la Sûreté nationale le plus proche du domicile.

## Pièces à fournir

Le dossier comprend :

- l'ancienne carte nationale ;
- deux photographies d'identité récentes ;
- un justificatif de domicile de moins de trois mois ;
- le timbre fiscal.

## Délai

Quinze jours.

## Coût

75 dirhams.

## Étapes

1. Prendre rendez-vous en ligne.
2. Se présenter avec le dossier complet.
3. Retirer la carte après le SMS de confirmation.
`;

describe('chunkDocument with a French law', () => {
  const chunks = chunkDocument(FRENCH_LAW);

  it('keeps the invariants', () => assertWellFormed(FRENCH_LAW, chunks));

  it('makes one chunk per article, labelled and normalized', () => {
    assert.deepEqual(
      chunks.map((c) => c.article),
      ['Article 1', 'Article 2', 'Article 3', 'Article 3 bis', 'Article 4'],
    );
  });

  it('gives each article the chapters and the law enclosing it', () => {
    assert.deepEqual(chunks[0]?.headingPath, [
      'Loi n° 12-34 relative aux registres communaux',
      'Chapitre premier — Dispositions générales',
      'Article premier',
    ]);
    assert.deepEqual(chunks[2]?.headingPath, [
      'Loi n° 12-34 relative aux registres communaux',
      'Chapitre II — Droits des usagers',
      'Article 3',
    ]);
    assert.equal(chunks[3]?.headingPath.at(-1), 'Art. 3 bis', 'a heading line with its body keeps the label');
  });

  it('puts a chapter heading with no text of its own in the first article under it', () => {
    assert.ok(chunks[0]?.text.startsWith('# Loi n° 12-34'));
    assert.ok(chunks[2]?.text.startsWith('Chapitre II — Droits des usagers\n\nArticle 3'));
  });

  it('keeps an article and its list in one chunk', () => {
    assert.ok(chunks[1]?.text.includes('- usager : toute personne qui demande un extrait.'));
  });

  it('keeps a repealed article as its own chunk', () => {
    assert.equal(chunks[4]?.text.split('\n')[0], 'Article 4');
  });

  it('does not take a sentence that starts with "Article 5 de" for a heading', () => {
    assert.ok(chunks[4]?.text.endsWith("suit l'article 4."));
  });
});

describe('chunkDocument with an Arabic law', () => {
  const chunks = chunkDocument(ARABIC_LAW);

  it('keeps the invariants', () => assertWellFormed(ARABIC_LAW, chunks));

  it('normalizes ordinal words and Eastern Arabic digits, keeping the Arabic label', () => {
    assert.deepEqual(
      chunks.map((c) => c.article),
      ['المادة 1', 'المادة 2', 'المادة 3', 'المادة 10'],
    );
  });

  it('nests الفرع under الباب and joins a bare label to its title line', () => {
    assert.deepEqual(chunks[2]?.headingPath, [
      'الباب الثاني — حقوق المرتفقين',
      'الفرع الأول: الحق في الاطلاع',
      'المادة 3',
    ]);
    assert.deepEqual(chunks[1]?.headingPath, ['الباب الأول: أحكام عامة', 'المادة ٢']);
  });

  it('does not take "المادة 12 من هذا القانون" for a heading', () => {
    assert.ok(chunks[2]?.text.includes('المادة 12 من هذا القانون تحدد الآجال.'));
  });

  it('reads الفصل as an article in a text without المادة, and as a chapter otherwise', () => {
    const code = 'الفصل 1\nنص الفصل الأول.\n\nالفصل ٢\nنص الفصل الثاني.';
    assert.deepEqual(
      chunkDocument(code).map((c) => c.article),
      ['الفصل 1', 'الفصل 2'],
    );
    const law = 'الفصل الأول: تعاريف\n\nالمادة 1\nنص.';
    const [only] = chunkDocument(law);
    assert.equal(only?.article, 'المادة 1');
    assert.deepEqual(only?.headingPath, ['الفصل الأول: تعاريف', 'المادة 1']);
  });
});

describe('chunkDocument with a procedure page', () => {
  const options = { maxChars: 300, minChars: 60 };
  const chunks = chunkDocument(PROCEDURE, options);

  it('keeps the invariants', () => assertWellFormed(PROCEDURE, chunks, options));

  it('keeps a list whole with its introduction', () => {
    const list = chunks.find((c) => c.text.includes('le timbre fiscal.'));
    assert.ok(list?.text.includes('Le dossier comprend :'));
    assert.ok(list?.text.includes("- l'ancienne carte nationale ;"));
    assert.deepEqual(list?.headingPath, [
      "Renouveler la carte nationale d'identité électronique",
      'Pièces à fournir',
    ]);
  });

  it('merges small sections with the next, under the headings they share', () => {
    const merged = chunks.find((c) => c.text.includes('Quinze jours.'));
    assert.ok(merged?.text.includes('75 dirhams.'));
    assert.deepEqual(merged?.headingPath, ["Renouveler la carte nationale d'identité électronique"]);
    assert.equal(merged?.article, undefined);
  });

  it('keeps numbered steps together', () => {
    const steps = chunks.find((c) => c.text.includes('1. Prendre rendez-vous'));
    assert.ok(steps?.text.includes('3. Retirer la carte'));
  });
});

describe('chunkDocument with an article longer than maxChars', () => {
  const sentences = Array.from(
    { length: 24 },
    (_, i) =>
      `Le responsable du traitement informe la personne concernée de la finalité numéro ${i + 1}, conformément à l'art. 5 et aux dispositions de M. le ministre.`,
  );
  const text = [
    'Chapitre III — Obligations du responsable',
    '',
    'Article 12',
    sentences.slice(0, 12).join(' '),
    '',
    sentences.slice(12).join(' '),
    '',
    'Article 13',
    'Texte court.',
  ].join('\n');
  const options = { maxChars: 800, minChars: 200 };
  const chunks = chunkDocument(text, options);
  const parts = chunks.filter((c) => c.article === 'Article 12');

  it('keeps the invariants', () => assertWellFormed(text, chunks, options));

  it('splits it into parts that all keep the article and its heading path', () => {
    assert.ok(parts.length >= 3, `${parts.length} parts`);
    for (const part of parts) {
      assert.deepEqual(part.headingPath, ['Chapitre III — Obligations du responsable', 'Article 12']);
    }
    assert.equal(chunks.at(-1)?.article, 'Article 13');
  });

  it('splits at sentence ends, not after "art." or "M."', () => {
    for (const part of parts) {
      assert.match(part.text, /\.$/);
      assert.doesNotMatch(part.text, /^(?:5 et|le ministre)/);
    }
  });

  it('evens the parts out rather than leaving a scrap', () => {
    for (const part of parts) assert.ok(part.text.length >= 200, `a part of ${part.text.length} characters`);
  });
});

describe('chunkDocument sentence and clause boundaries', () => {
  it('splits Arabic at ؟ and ., then a sentence too long at ،', () => {
    const text =
      'هل يحق للمرتفق الاطلاع على ملفه؟ نعم يحق له ذلك. ويقدم الطلب كتابة، ويرفق بنسخة من البطاقة الوطنية، ويودع لدى المصلحة المختصة';
    const options = { maxChars: 40, minChars: 0 };
    const chunks = chunkDocument(text, options);
    assertWellFormed(text, chunks, options);
    assert.deepEqual(
      chunks.map((c) => c.text),
      [
        'هل يحق للمرتفق الاطلاع على ملفه؟',
        'نعم يحق له ذلك. ويقدم الطلب كتابة،',
        'ويرفق بنسخة من البطاقة الوطنية،',
        'ويودع لدى المصلحة المختصة',
      ],
    );
  });

  it('cuts after a period that PDF extraction put before the space (" .ويجب")', () => {
    const text = 'المعلوميات في خدمة المواطن وتتطور في إطار التعاون الدولي .ويجب أال تمس بالهوية والحقوق';
    const chunks = chunkDocument(text, { maxChars: 60, minChars: 0 });
    assert.equal(chunks[0]?.text, 'المعلوميات في خدمة المواطن وتتطور في إطار التعاون الدولي .');
    assert.equal(chunks[1]?.text, 'ويجب أال تمس بالهوية والحقوق');
  });

  it('does not split inside a word, even without punctuation', () => {
    const text = Array.from({ length: 200 }, (_, i) => `mot${i}`).join(' ');
    const options = { maxChars: 97, minChars: 10 };
    assertWellFormed(text, chunkDocument(text, options), options);
  });
});

describe('chunkDocument with Markdown', () => {
  it('does not read a # line inside fenced code as a heading', () => {
    const text = '# Guide\n\n```sh\n# not a heading\nmizan serve\n```\n\nFin.';
    const chunks = chunkDocument(text);
    assert.equal(chunks.length, 1);
    assert.deepEqual(chunks[0]?.headingPath, ['Guide']);
  });

  it('reads articles in Markdown headings and bold lines', () => {
    const text = '## Chapitre I\n\n### Article 7 — Droit d’accès\n\nTexte.\n\n**Article 8**\n\nAutre texte.';
    const chunks = chunkDocument(text);
    assert.deepEqual(
      chunks.map((c) => [c.article, c.headingPath]),
      [
        ['Article 7', ['Chapitre I', 'Article 7 — Droit d’accès']],
        ['Article 8', ['Chapitre I', 'Article 8']],
      ],
    );
  });

  it('returns no chunk for an empty or blank text', () => {
    assert.deepEqual(chunkDocument(''), []);
    assert.deepEqual(chunkDocument(' \n\t\n  '), []);
  });

  it('refuses options that are not positive integers with a coded 400', () => {
    assert.throws(
      () => chunkDocument('x', { maxChars: 0 }),
      (error: unknown) =>
        isMizanError(error) && error.status === 400 && error.code === 'invalid_chunk_options',
    );
  });
});

describe('normalizeArticleLabel', () => {
  const cases: [string, string | undefined][] = [
    ['Article premier', 'Article 1'],
    ['ARTICLE PREMIER', 'Article 1'],
    ['Article 1er', 'Article 1'],
    ['Art. 12', 'Article 12'],
    ['Article 12 bis', 'Article 12 bis'],
    ['Article 12-1', 'Article 12-1'],
    ['Article unique', 'Article unique'],
    ['المادة 7', 'المادة 7'],
    ['المادة الأولى', 'المادة 1'],
    ['المادة الاولى', 'المادة 1'],
    ['المادة الثانية', 'المادة 2'],
    ['المادة العاشرة', 'المادة 10'],
    ['المادة ١٢', 'المادة 12'],
    ['المادة 5 مكررة', 'المادة 5 مكررة'],
    ['الفصل 12', 'الفصل 12'],
    ['الفصل الأول', 'الفصل 1'],
    ['Chapitre II', undefined],
    ['المادة', undefined],
    ['Le présent article', undefined],
  ];
  for (const [heading, expected] of cases) {
    it(`${JSON.stringify(heading)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizeArticleLabel(heading), expected);
    });
  }
});

describe('chunkDocument with a megabyte of text', () => {
  // No timing assertion: these finish in well under a second when chunking is linear, and never when it is not.
  const inputs: [string, string, boolean][] = [
    ['one line of words', 'données personnelles '.repeat(50_000), true],
    ['one line of sentences', 'Le responsable traite les données. '.repeat(30_000), true],
    ['one line without whitespace', 'x'.repeat(1_000_000), false],
    ['one line of dots', '. '.repeat(500_000), true],
    ['many heading lines', 'Article 5\n'.repeat(20_000), true],
  ];
  for (const [name, text, wordSafe] of inputs) {
    it(`keeps the invariants on ${name}`, () => {
      const chunks = chunkDocument(text);
      assert.ok(chunks.length > 0);
      assertWellFormed(text, chunks, {}, wordSafe);
    });
  }
});

const LAW_09_08 = new URL(
  '../../../shared/data/moroccan-law-corpus/curated/adala-electronic-38.json',
  import.meta.url,
);

describe(
  'chunkDocument with Law 09-08 (Arabic, from the shared corpus)',
  { skip: !existsSync(LAW_09_08) },
  () => {
    it('labels every provision with its article and keeps the invariants', () => {
      const law = JSON.parse(readFileSync(LAW_09_08, 'utf8')) as {
        title: string;
        provisions: { title: string; content: string }[];
      };
      let text = `# ${law.title}\n\n`;
      const ranges: { title: string; start: number; end: number }[] = [];
      for (const provision of law.provisions) {
        const start = text.length;
        text += `${provision.title}\n${provision.content}\n\n`;
        ranges.push({ title: provision.title, start, end: text.length });
      }
      const chunks = chunkDocument(text);
      assertWellFormed(text, chunks);
      // A division heading at the end of a provision's text (the source's layout) opens the next article's chunk.
      const rangeAt = (offset: number) => ranges.find((r) => r.start <= offset && offset < r.end);
      for (const chunk of chunks) assert.equal(chunk.article, rangeAt(chunk.end - 1)?.title);
      for (const range of ranges) {
        const first = chunks.find((c) => c.start <= range.start && range.start < c.end);
        assert.equal(first?.article, range.title, `${range.title} starts in a chunk of its own`);
        assert.equal(first?.headingPath.at(-1), range.title);
        assert.equal(first?.headingPath[0], law.title);
      }
    });
  },
);
