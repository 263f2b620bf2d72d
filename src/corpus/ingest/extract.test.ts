import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMizanError } from '../../errors.js';
import { chunkDocument } from '../chunk.js';
import { detectFormat, extractDocument } from './extract.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

const expectCode = (status: number, code: string) => (error: unknown) =>
  isMizanError(error) && error.status === status && error.code === code;

describe('detectFormat', () => {
  const cases: [string, Uint8Array, string, string | undefined][] = [
    ['a PDF header, whatever the name', utf8('%PDF-1.7\n...'), 'scan.txt', 'pdf'],
    ['a PDF header after some junk in the first KiB', utf8(`${' '.repeat(100)}%PDF-1.4`), 'x', 'pdf'],
    ['.md', utf8('# Titre'), 'guide.md', 'markdown'],
    ['.md that mentions a PDF header', utf8('# PDF\n\nA PDF starts with %PDF-1.7.'), 'pdf.md', 'markdown'],
    ['.markdown, upper case', utf8('x'), 'GUIDE.MARKDOWN', 'markdown'],
    ['.txt', utf8('x'), 'notes.txt', 'text'],
    ['.htm', utf8('x'), 'page.htm', 'html'],
    ['.html in a path', utf8('x'), 'site/a.b/page.html', 'html'],
    ['.pdf without a header', utf8('x'), 'fake.pdf', 'pdf'],
    ['.docx without a package', utf8('x'), 'fake.docx', 'docx'],
    ['an HTML start and no extension', utf8('\n<!DOCTYPE html><html>'), 'page', 'html'],
    ['an unknown extension', utf8('x'), 'image.png', undefined],
    ['no extension and no signature', utf8('bonjour'), 'README', undefined],
    ['a zip that is not a Word package', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'a.zip', undefined],
  ];
  for (const [name, bytes, fileName, expected] of cases) {
    it(`says ${String(expected)} for ${name}`, () => assert.equal(detectFormat(bytes, fileName), expected));
  }
});

describe('extractDocument with Markdown', () => {
  const source = [
    '---',
    'id: ma-loi-09-08',
    'title: Loi n° 09-08',
    'publisher: SGG',
    'version: 1.0',
    'valid_from: 2009-02-18',
    'demo: true',
    'language: [ar, fr]',
    '---',
    '',
    '# Protection des personnes physiques',
    '',
    'Article premier',
    'Texte.\r\n',
  ].join('\n');

  it('parses the front matter into metadata, verbatim, and keeps the Markdown body', async () => {
    const document = await extractDocument(utf8(source), 'loi.md');
    assert.equal(document.format, 'markdown');
    assert.deepEqual(document.metadata, {
      id: 'ma-loi-09-08',
      title: 'Loi n° 09-08',
      publisher: 'SGG',
      version: '1.0',
      valid_from: '2009-02-18',
      demo: true,
      language: ['ar', 'fr'],
    });
    assert.equal(document.title, 'Loi n° 09-08');
    assert.equal(document.text, '# Protection des personnes physiques\n\nArticle premier\nTexte.');
  });

  it('takes the first # heading as title when the front matter has none', async () => {
    const document = await extractDocument(utf8('Intro\n\n```\n# code\n```\n\n# Le vrai titre\n'), 'a.md');
    assert.equal(document.title, 'Le vrai titre');
    assert.deepEqual(document.metadata, {});
  });

  it('reads a leading --- without a closing one as Markdown, not front matter', async () => {
    const document = await extractDocument(utf8('---\nTexte sous un filet.'), 'a.md');
    assert.equal(document.text, '---\nTexte sous un filet.');
    assert.deepEqual(document.metadata, {});
  });

  it('refuses front matter that is not a YAML mapping', async () => {
    await assert.rejects(
      extractDocument(utf8('---\n- a\n- b\n---\nTexte'), 'a.md'),
      expectCode(422, 'invalid_front_matter'),
    );
    await assert.rejects(
      extractDocument(utf8('---\ntitle: [unclosed\n---\nTexte'), 'a.md'),
      expectCode(422, 'invalid_front_matter'),
    );
  });

  it('gives text the chunker reads: headings, articles, exact offsets', async () => {
    const document = await extractDocument(utf8(source), 'loi.md');
    const [chunk] = chunkDocument(document.text);
    assert.equal(chunk?.article, 'Article 1');
    assert.deepEqual(chunk?.headingPath, ['Protection des personnes physiques', 'Article premier']);
  });
});

describe('extractDocument with plain text', () => {
  it('strips the BOM, folds CRLF and CR, composes to NFC', async () => {
    const bytes = utf8('\ufeffLigne un\r\nLigne deux\rCafe\u0301\n\n');
    const document = await extractDocument(bytes, 'notes.txt');
    assert.equal(document.text, 'Ligne un\nLigne deux\nCafé');
    assert.equal(document.format, 'text');
    assert.equal(document.title, undefined);
    assert.deepEqual(document.metadata, {});
  });

  it('decodes UTF-16 with a byte-order mark', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('المادة 1', 'utf16le')]);
    assert.equal((await extractDocument(bytes, 'a.txt')).text, 'المادة 1');
  });

  it('refuses text that is not UTF-8 with unsupported_format', async () => {
    const latin1 = new Uint8Array(Buffer.from('Déclaration', 'latin1'));
    await assert.rejects(extractDocument(latin1, 'a.txt'), (error: unknown) => {
      assert.ok(expectCode(415, 'unsupported_format')(error));
      assert.match((error as Error).message, /UTF-8/);
      return true;
    });
  });

  it('refuses binary data named .txt with unsupported_format', async () => {
    await assert.rejects(
      extractDocument(new Uint8Array([0x41, 0x00, 0x42, 0x00]), 'a.txt'),
      expectCode(415, 'unsupported_format'),
    );
  });
});

describe('extractDocument with HTML', () => {
  it('converts the page and takes its <title>', async () => {
    const html = '<html><head><title>Démarches</title></head><body><h1>Carte</h1><p>Texte.</p></body></html>';
    const document = await extractDocument(utf8(html), 'page.html');
    assert.equal(document.format, 'html');
    assert.equal(document.title, 'Démarches');
    assert.equal(document.text, '# Carte\n\nTexte.');
  });

  it('takes the first <h1> as title without a <title>', async () => {
    const document = await extractDocument(utf8('<h1>Carte  nationale</h1><p>x</p>'), 'page.htm');
    assert.equal(document.title, 'Carte nationale');
  });

  it('decodes the charset the page declares (windows-1256 Arabic)', async () => {
    // "المادة" in windows-1256.
    const body = new Uint8Array([0xc7, 0xe1, 0xe3, 0xc7, 0xcf, 0xc9]);
    const head = utf8('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><p>');
    const document = await extractDocument(new Uint8Array([...head, ...body]), 'ar.html');
    assert.equal(document.text, 'المادة');
  });
});

describe('extractDocument refusals', () => {
  it('refuses a document over maxBytes with a 413 before reading it', async () => {
    await assert.rejects(
      extractDocument(utf8('%PDF-garbage'.repeat(10)), 'big.pdf', { maxBytes: 50 }),
      expectCode(413, 'document_too_large'),
    );
  });

  it('refuses an unknown format with a 415 naming the file', async () => {
    await assert.rejects(extractDocument(utf8('GIF89a'), 'photo.gif'), (error: unknown) => {
      assert.ok(expectCode(415, 'unsupported_format')(error));
      assert.match((error as Error).message, /photo\.gif/);
      return true;
    });
  });

  it('refuses an empty or blank document with a 422', async () => {
    for (const [bytes, name] of [
      [utf8(''), 'a.txt'],
      [utf8(' \n\t\r\n'), 'a.md'],
      [utf8('---\ntitle: Vide\n---\n\n'), 'b.md'],
      [utf8('<html><script>x()</script><nav>menu</nav></html>'), 'c.html'],
    ] as const) {
      await assert.rejects(extractDocument(bytes, name), expectCode(422, 'empty_document'), name);
    }
  });
});
