import type MammothModule from 'mammoth';
import { ingestErrors } from './errors.js';
import { htmlToText, type HtmlText } from './html.js';

/**
 * DOCX text extraction: mammoth turns the document into semantic HTML (Word's heading styles become h1…h6, lists
 * become ul/ol), which the HTML converter turns into the Markdown-like text the chunker reads. Images are dropped,
 * linked external files are never read.
 */

type Mammoth = typeof MammothModule;
let mammoth: Promise<Mammoth> | undefined;
/** mammoth is loaded on first use. */
const loadMammoth = async (): Promise<Mammoth> => {
  mammoth ??= import('mammoth').then((module) => ('default' in module ? module.default : module) as Mammoth);
  return mammoth;
};

/** Word's Title and Subtitle paragraph styles, which mammoth leaves as plain paragraphs by default. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<HtmlText> {
  const { convertToHtml, images } = await loadMammoth();
  let html: string;
  try {
    const result = await convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw ingestErrors.corrupt(fileName, 'DOCX', error);
  }
  return htmlToText(html);
}
