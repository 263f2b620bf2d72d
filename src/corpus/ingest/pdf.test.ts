import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMizanError } from '../../errors.js';
import { detectFormat, extractDocument } from './extract.js';
import { pageText } from './pdf.js';

/** One line of text drawn at (x, y); Arabic lines use a composite font with a ToUnicode map, as real PDFs do. */
interface PdfLine {
  text: string;
  y: number;
  x?: number;
  size?: number;
  arabic?: boolean;
}

interface PdfOptions {
  title?: string;
  /** Entries appended to the trailer dictionary (an /Encrypt dictionary). */
  trailer?: string;
}

/**
 * A minimal, valid PDF written by hand: catalog, page tree, Helvetica for Latin text, a Type0 font whose ToUnicode
 * CMap maps its two-byte codes to Arabic letters (drawn right to left, in visual order, as a PDF producer would),
 * one content stream per page, and a cross-reference table with exact byte offsets.
 */
function buildPdf(pages: readonly (readonly PdfLine[])[], options: PdfOptions = {}): Uint8Array {
  const arabicChars = [...new Set(pages.flat().flatMap((line) => (line.arabic ? [...line.text] : [])))];
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Test-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${arabicChars.length} beginbfchar`,
    ...arabicChars.map((c, i) => `<${hex4(i + 1)}> <${hex4(c.charCodeAt(0))}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // 2: the page tree, once the pages are numbered
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestArabic /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /CIDToGIDMap /Identity /FontDescriptor 7 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /TestArabic /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 4 0 R >>',
    '<< /Type /FontDescriptor /FontName /TestArabic /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ];
  const kids: number[] = [];
  for (const lines of pages) {
    const operators = lines
      .map((line) => {
        const at = `${line.x ?? 72} ${line.y} Td`;
        if (line.arabic) {
          const codes = [...line.text].reverse().map((c) => hex4(arabicChars.indexOf(c) + 1));
          return `BT /F2 ${line.size ?? 12} Tf ${at} <${codes.join('')}> Tj ET`;
        }
        const escaped = line.text.replace(/[()\\]/g, '\\$&');
        return `BT /F1 ${line.size ?? 12} Tf ${at} (${escaped}) Tj ET`;
      })
      .join('\n');
    objects.push(`<< /Length ${Buffer.byteLength(operators, 'latin1')} >>\nstream\n${operators}\nendstream`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> /Contents ${objects.length} 0 R >>`,
    );
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  if (options.title !== undefined) objects.push(`<< /Title (${options.title}) >>`);
  let pdf = '%PDF-1.7\n';
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const info = options.title === undefined ? '' : ` /Info ${objects.length} 0 R`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${info}${options.trailer ?? ''} >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

const LAW_PAGES: PdfLine[][] = [
  [
    { text: 'Article premier', y: 720 },
    { text: 'La presente loi fixe les regles', y: 706 },
    { text: 'des registres.', x: 250, y: 706 },
    { text: 'Un second paragraphe.', y: 670 },
  ],
  [
    { text: 'المادة الأولى', arabic: true, x: 400, y: 720 },
    { text: 'يهدف هذا القانون إلى تنظيم السجلات', arabic: true, x: 300, y: 706 },
  ],
];

const expectCode = (status: number, code: string) => (error: unknown) =>
  isMizanError(error) && error.status === status && error.code === code;

describe('extractDocument with a PDF', () => {
  it('rebuilds lines and paragraphs, page by page, with the information Title', async () => {
    const document = await extractDocument(buildPdf(LAW_PAGES, { title: 'Loi 12-34' }), 'loi.pdf');
    assert.equal(document.format, 'pdf');
    assert.equal(document.title, 'Loi 12-34');
    assert.deepEqual(document.metadata, {});
    assert.equal(
      document.text,
      [
        'Article premier',
        'La presente loi fixe les regles des registres.',
        '',
        'Un second paragraphe.',
        '',
        'المادة الأولى',
        'يهدف هذا القانون إلى تنظيم السجلات',
      ].join('\n'),
    );
  });

  it('gives Arabic text in logical order', async () => {
    const document = await extractDocument(buildPdf([LAW_PAGES[1] ?? []]), 'ar.pdf');
    assert.ok(document.text.startsWith('المادة الأولى\n'));
  });

  it('leaves the bytes it was given usable (PDF.js gets a copy)', async () => {
    const bytes = buildPdf(LAW_PAGES);
    await extractDocument(bytes, 'loi.pdf');
    assert.equal(bytes.byteLength > 0, true);
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
  });

  it('is detected by its header whatever its name', () => {
    assert.equal(detectFormat(buildPdf(LAW_PAGES), 'upload.bin'), 'pdf');
  });

  it('refuses a PDF without a text layer as empty, saying OCR is not supported', async () => {
    await assert.rejects(extractDocument(buildPdf([[]]), 'scan.pdf'), (error: unknown) => {
      assert.ok(expectCode(422, 'empty_document')(error));
      assert.match((error as Error).message, /OCR is not supported/);
      return true;
    });
  });

  it('refuses a password-protected PDF with encrypted_document', async () => {
    const encrypt =
      ' /Encrypt << /Filter /Standard /V 1 /R 2 /O <' +
      'ab'.repeat(32) +
      '> /U <' +
      'cd'.repeat(32) +
      '> /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]';
    await assert.rejects(
      extractDocument(buildPdf(LAW_PAGES, { trailer: encrypt }), 'secret.pdf'),
      expectCode(422, 'encrypted_document'),
    );
  });

  it('refuses a truncated PDF with corrupt_document', async () => {
    const bytes = buildPdf(LAW_PAGES);
    await assert.rejects(
      extractDocument(bytes.subarray(0, 300), 'cut.pdf'),
      expectCode(422, 'corrupt_document'),
    );
  });

  it('refuses a file named .pdf that is not one with corrupt_document', async () => {
    const bytes = new TextEncoder().encode('not a pdf at all');
    await assert.rejects(extractDocument(bytes, 'fake.pdf'), expectCode(422, 'corrupt_document'));
  });
});

describe('pageText', () => {
  const run = (str: string, x: number, y: number, width: number, hasEOL = false) => ({
    str,
    dir: 'ltr',
    transform: [10, 0, 0, 10, x, y],
    width,
    height: 10,
    hasEOL,
  });

  it('joins runs on one baseline, with a space only where there is a gap', () => {
    assert.equal(
      pageText([run('Mi', 0, 100, 10), run('zan', 10, 100, 15), run('ok', 40, 100, 10)]),
      'Mizan ok',
    );
  });

  it('starts a line at hasEOL and at a new baseline, and leaves a blank line at a wide gap', () => {
    const text = pageText([
      run('un', 0, 100, 10, true),
      run('deux', 0, 88, 20),
      run('trois', 0, 70, 25),
      run('quatre', 0, 30, 30),
    ]);
    assert.equal(text, 'un\ndeux\ntrois\n\nquatre');
  });

  it('keeps space runs inside a line and never starts a line with one', () => {
    assert.equal(
      pageText([run('a', 0, 100, 5), run(' ', 5, 100, 3), run('b', 8, 100, 5), run(' ', 0, 50, 3, true)]),
      'a b',
    );
  });
});
