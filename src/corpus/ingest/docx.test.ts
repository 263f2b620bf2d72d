import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { isMizanError } from '../../errors.js';
import { detectFormat, extractDocument } from './extract.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Paragraph = { style?: string; bullet?: boolean; text: string };

const paragraphXml = ({ style, bullet, text }: Paragraph): string => {
  const properties = [
    style ? `<w:pStyle w:val="${style}"/>` : '',
    bullet ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : '',
  ].join('');
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
};

const styleXml = (id: string, name: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;

/** A minimal WordprocessingML package: content types, relationships, styles, a bullet numbering, the body. */
async function buildDocx(
  paragraphs: readonly Paragraph[],
  table?: readonly (readonly string[])[],
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">` +
      styleXml('Title', 'Title') +
      styleXml('Heading1', 'heading 1') +
      styleXml('Heading2', 'heading 2') +
      '</w:styles>',
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">` +
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '</w:numbering>',
  );
  const tableXml = table
    ? `<w:tbl>${table
        .map(
          (row) =>
            `<w:tr>${row.map((cell) => `<w:tc>${paragraphXml({ text: cell })}</w:tc>`).join('')}</w:tr>`,
        )
        .join('')}</w:tbl>`
    : '';
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>` +
      paragraphs.map(paragraphXml).join('') +
      tableXml +
      '</w:body></w:document>',
  );
  return zip.generateAsync({ type: 'uint8array' });
}

const expectCode = (status: number, code: string) => (error: unknown) =>
  isMizanError(error) && error.status === status && error.code === code;

describe('extractDocument with a DOCX', () => {
  it('keeps headings as # lines, lists as - items, table rows as lines', async () => {
    const bytes = await buildDocx(
      [
        { style: 'Title', text: 'Guide de la demande' },
        { text: 'La demande se dépose en ligne.' },
        { style: 'Heading1', text: 'Pièces à fournir' },
        { bullet: true, text: 'la carte nationale ;' },
        { bullet: true, text: 'un justificatif de domicile.' },
        { style: 'Heading2', text: 'المادة الأولى' },
        { text: 'يحق لكل مرتفق الاطلاع على ملفه.' },
      ],
      [
        ['Service', 'Coût'],
        ['CNIE', '75 DH'],
      ],
    );
    const document = await extractDocument(bytes, 'guide.docx');
    assert.equal(document.format, 'docx');
    assert.equal(document.title, 'Guide de la demande');
    assert.equal(
      document.text,
      [
        '# Guide de la demande',
        '',
        'La demande se dépose en ligne.',
        '',
        '# Pièces à fournir',
        '',
        '- la carte nationale ;',
        '- un justificatif de domicile.',
        '',
        '## المادة الأولى',
        '',
        'يحق لكل مرتفق الاطلاع على ملفه.',
        '',
        'Service | Coût',
        'CNIE | 75 DH',
      ].join('\n'),
    );
  });

  it('is detected by its package content whatever its name', async () => {
    const bytes = await buildDocx([{ text: 'x' }]);
    assert.equal(detectFormat(bytes, 'upload'), 'docx');
    assert.equal(detectFormat(bytes, 'misnamed.txt'), 'docx');
  });

  it('refuses a damaged package with corrupt_document', async () => {
    const bytes = await buildDocx([{ text: 'Texte.' }]);
    await assert.rejects(
      extractDocument(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.docx'),
      expectCode(422, 'corrupt_document'),
    );
  });

  it('refuses a zip without a Word document in it with corrupt_document', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await assert.rejects(extractDocument(bytes, 'other.docx'), expectCode(422, 'corrupt_document'));
  });

  it('refuses a document with no text as empty', async () => {
    const bytes = await buildDocx([{ text: '   ' }]);
    await assert.rejects(extractDocument(bytes, 'blank.docx'), expectCode(422, 'empty_document'));
  });
});
