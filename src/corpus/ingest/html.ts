/**
 * HTML to the Markdown-like text the chunker reads: `#` lines for headings, one line per paragraph, `- ` (or `1. ` in
 * an ordered list) per list item, ` | ` between table cells, entities decoded, whitespace collapsed; scripts, styles,
 * navigation, footers and hidden elements dropped. A single forward pass over the markup, linear in its length: no
 * DOM, no dependency, no backtracking regular expression over the document.
 */

export interface HtmlText {
  /** The converted text (not yet normalized: see normalizeText). */
  text: string;
  /** The `<title>`, whitespace collapsed. */
  title?: string;
  /** The first `<h1>`. */
  firstH1?: string;
  /** The first heading of any level. */
  firstHeading?: string;
}

/** Elements whose content is raw text up to the matching end tag. `true`: the content is dropped. */
const RAW_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['script', true],
  ['style', true],
  ['noscript', true],
  ['iframe', true],
  ['noembed', true],
  ['noframes', true],
  ['xmp', false],
  ['title', false],
  ['textarea', false],
]);

/** Elements dropped with everything inside them: page furniture, not content. */
const DROPPED = new Set(['nav', 'footer', 'template', 'svg', 'math', 'select', 'button', 'object']);

/** Dropped elements that are blocks: the text around them is not joined. */
const SECTIONING_DROPPED = new Set(['nav', 'footer', 'template', 'li', 'tr', 'ul', 'ol', 'table', 'pre']);

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements that end the current line of text. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'main',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
]);

const HEADING = /^h([1-6])$/;
const TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)/y;
/** ASCII whitespace, the only whitespace HTML collapses (a no-break space stays). */
const COLLAPSIBLE = /[ \t\n\r\f]+/g;
const HIDDEN_ATTRIBUTE =
  /(?:^|\s)(?:hidden(?:\s|=|$)|aria-hidden\s*=\s*["']?true|role\s*=\s*["']?(?:navigation|banner|contentinfo)\b)/i;

interface List {
  ordered: boolean;
  next: number;
}

interface Block {
  text: string;
  /** Joined to the previous block by a single line break rather than a blank line. */
  tight: boolean;
}

export function htmlToText(html: string): HtmlText {
  return new Converter(html).run();
}

class Converter {
  private readonly blocks: Block[] = [];
  private inline: string[] = [];
  /** Prefix of the next block written: a heading's `## `, a list item's `- `. */
  private prefix = '';
  private heading: number | undefined;
  private readonly lists: List[] = [];
  /** Blocks written since the outermost list (table) opened: its later items (rows) follow without a blank line. */
  private listBlocks = 0;
  private tableDepth = 0;
  private tableRows = 0;
  private cellDepth = 0;
  private rowHasCell = false;
  private preDepth = 0;
  private tightNext = false;
  private title: string | undefined;
  private firstH1: string | undefined;
  private firstHeading: string | undefined;
  /** Positions from which a quote character no longer occurs: each quote is searched for past them at most once. */
  private readonly quoteExhausted = new Map<string, number>();

  constructor(private readonly html: string) {}

  run(): HtmlText {
    const { html } = this;
    const n = html.length;
    let i = 0;
    while (i < n) {
      const lt = html.indexOf('<', i);
      if (lt === -1) {
        this.text(html.slice(i));
        break;
      }
      if (lt > i) this.text(html.slice(i, lt));
      i = this.markup(lt);
    }
    this.flush();
    const text = this.blocks
      .map((block, index) => (index === 0 ? '' : block.tight ? '\n' : '\n\n') + block.text)
      .join('');
    return {
      text,
      ...(this.title ? { title: this.title } : {}),
      ...(this.firstH1 ? { firstH1: this.firstH1 } : {}),
      ...(this.firstHeading ? { firstHeading: this.firstHeading } : {}),
    };
  }

  /** Reads the markup starting at `lt` (a `<`) and returns the position after it. */
  private markup(lt: number): number {
    const { html } = this;
    if (html.startsWith('<!--', lt)) return after(html, '-->', lt + 4);
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      this.text(html.slice(lt + 9, end === -1 ? html.length : end), true);
      return end === -1 ? html.length : end + 3;
    }
    const next = html[lt + 1];
    if (next === '!' || next === '?') return after(html, '>', lt + 2);
    TAG_NAME.lastIndex = lt;
    const match = TAG_NAME.exec(html);
    if (!match) {
      this.text('<');
      return lt + 1;
    }
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    const attributesStart = lt + match[0].length;
    const end = this.tagEnd(attributesStart);
    const attributes = html.slice(attributesStart, end);
    const position = Math.min(end + 1, html.length);
    if (closing) {
      this.close(name);
      return position;
    }
    const selfClosing = attributes.endsWith('/');
    const raw = RAW_TEXT.get(name);
    if (raw !== undefined && !selfClosing) return this.rawText(name, raw, position);
    if (DROPPED.has(name) || (!VOID.has(name) && HIDDEN_ATTRIBUTE.test(attributes))) {
      this.flushIfBlock(name);
      return VOID.has(name) || selfClosing ? position : this.skipElement(name, position);
    }
    this.open(name, attributes);
    if (selfClosing && !VOID.has(name)) this.close(name);
    return position;
  }

  /** The `>` closing a tag, skipping quoted attribute values (linear overall: see quoteExhausted). */
  private tagEnd(from: number): number {
    const { html } = this;
    let j = from;
    while (j < html.length) {
      const c = html[j];
      if (c === '>') return j;
      if ((c === '"' || c === "'") && html[previousNonSpace(html, j - 1)] === '=') {
        const closeQuote = this.findQuote(c, j + 1);
        if (closeQuote !== -1) {
          j = closeQuote + 1;
          continue;
        }
      }
      j++;
    }
    return html.length;
  }

  private findQuote(quote: string, from: number): number {
    const exhausted = this.quoteExhausted.get(quote);
    if (exhausted !== undefined && from >= exhausted) return -1;
    const found = this.html.indexOf(quote, from);
    if (found === -1) this.quoteExhausted.set(quote, from);
    return found;
  }

  /** Skips (or keeps as text) the content of a raw-text element, returning the position after its end tag. */
  private rawText(name: string, dropped: boolean, from: number): number {
    const endTag = new RegExp(`</${name}[\\s/>]`, 'ig');
    endTag.lastIndex = from;
    const match = endTag.exec(this.html);
    const contentEnd = match ? match.index : this.html.length;
    const content = this.html.slice(from, contentEnd);
    if (name === 'title') {
      const title = collapse(decodeEntities(content));
      if (title !== '' && this.title === undefined) this.title = title;
    } else if (!dropped) {
      this.open(name, '');
      this.text(content);
      this.close(name);
    }
    return match ? after(this.html, '>', match.index) : this.html.length;
  }

  /** Skips a dropped element and its content, nested elements of the same name included. */
  private skipElement(name: string, from: number): number {
    const tags = new RegExp(`<(/?)${name}(?=[\\s/>])|</(?:body|html)[\\s>]`, 'ig');
    tags.lastIndex = from;
    let depth = 1;
    for (let match = tags.exec(this.html); match; match = tags.exec(this.html)) {
      if (match[1] === undefined) return match.index; // the document ends first: stop skipping there
      depth += match[1] === '/' ? -1 : 1;
      if (depth === 0) return after(this.html, '>', match.index);
    }
    return this.html.length;
  }

  private flushIfBlock(name: string): void {
    if (BLOCK.has(name) || HEADING.test(name) || SECTIONING_DROPPED.has(name)) this.boundary();
    else this.inline.push(' ');
  }

  private open(name: string, attributes: string): void {
    const heading = HEADING.exec(name);
    if (heading) {
      this.boundary();
      this.heading = Number(heading[1]);
      this.prefix = `${'#'.repeat(this.heading)} `;
      return;
    }
    switch (name) {
      case 'br':
        if (this.preDepth > 0) this.inline.push('\n');
        else this.lineBreak();
        return;
      case 'ul':
      case 'ol':
        this.boundary();
        if (this.lists.length === 0) this.listBlocks = 0;
        this.lists.push({ ordered: name === 'ol', next: startNumber(attributes) });
        return;
      case 'li': {
        this.boundary();
        const list = this.lists.at(-1);
        const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
        this.prefix = indent + (list?.ordered ? `${list.next++}. ` : '- ');
        return;
      }
      case 'table':
        this.boundary();
        if (this.tableDepth === 0) this.tableRows = 0;
        this.tableDepth++;
        return;
      case 'tr':
        this.boundary();
        this.rowHasCell = false;
        return;
      case 'td':
      case 'th':
        if (this.rowHasCell) this.inline.push(' | ');
        this.rowHasCell = true;
        this.cellDepth++;
        return;
      case 'pre':
        this.boundary();
        this.preDepth++;
        return;
      default:
        if (BLOCK.has(name)) {
          // Inside a table cell or a heading, a block only separates words: the cell (heading) stays one line.
          if (this.cellDepth > 0 || this.heading !== undefined) this.inline.push(' ');
          else this.boundary();
        }
    }
  }

  private close(name: string): void {
    const heading = HEADING.exec(name);
    if (heading) {
      this.boundary();
      return;
    }
    switch (name) {
      case 'ul':
      case 'ol':
        this.boundary();
        this.lists.pop();
        return;
      case 'li':
        this.boundary();
        return;
      case 'table':
        this.boundary();
        this.tableDepth = Math.max(0, this.tableDepth - 1);
        return;
      case 'tr':
        this.boundary();
        return;
      case 'td':
      case 'th':
        this.cellDepth = Math.max(0, this.cellDepth - 1);
        return;
      case 'pre':
        this.boundary();
        this.preDepth = Math.max(0, this.preDepth - 1);
        return;
      default:
        if (BLOCK.has(name)) {
          // Inside a table cell or a heading, a block only separates words: the cell (heading) stays one line.
          if (this.cellDepth > 0 || this.heading !== undefined) this.inline.push(' ');
          else this.boundary();
        }
    }
  }

  private text(raw: string, verbatim = false): void {
    if (raw === '') return;
    this.inline.push(verbatim ? raw : decodeEntities(raw));
  }

  /** `<br>`: end the line, the next one follows it without a blank line. */
  private lineBreak(): void {
    if (this.flush()) this.tightNext = true;
  }

  /** A block boundary: write the pending text, if any. */
  private boundary(): void {
    const wrote = this.flush();
    if (!wrote && this.heading !== undefined) this.prefix = ''; // an empty heading marks nothing
    this.heading = undefined;
  }

  /** Writes the pending inline text as a block; returns whether anything was written. */
  private flush(): boolean {
    const raw = this.inline.join('');
    this.inline = [];
    const text = this.preDepth > 0 ? trimBlankLines(raw) : collapse(raw);
    if (text === '') return false;
    const inList = this.lists.length > 0;
    const inTable = this.tableDepth > 0;
    const tight =
      this.blocks.length > 0 &&
      (this.tightNext || (inList && this.listBlocks > 0) || (inTable && this.tableRows > 0));
    // Text inside a list item after its first line is indented under the item's marker.
    const prefix = this.prefix === '' && inList ? '  '.repeat(this.lists.length) : this.prefix;
    this.blocks.push({ text: prefix + text, tight });
    if (inList) this.listBlocks++;
    if (inTable) this.tableRows++;
    if (this.heading !== undefined) {
      if (this.firstHeading === undefined) this.firstHeading = text;
      if (this.heading === 1 && this.firstH1 === undefined) this.firstH1 = text;
    }
    this.prefix = '';
    this.tightNext = false;
    return true;
  }
}

const after = (html: string, token: string, from: number): number => {
  const found = html.indexOf(token, from);
  return found === -1 ? html.length : found + token.length;
};

const previousNonSpace = (html: string, from: number): number => {
  let k = from;
  while (k >= 0 && /\s/.test(html[k] ?? '')) k--;
  return k;
};

const startNumber = (attributes: string): number => {
  const start = /(?:^|\s)start\s*=\s*["']?(-?\d{1,9})/i.exec(attributes);
  return start ? Number(start[1]) : 1;
};

const collapse = (text: string): string => text.replace(COLLAPSIBLE, ' ').trim();

const trimBlankLines = (text: string): string => text.replace(/^\n+/, '').trimEnd();

// --- Entities -----------------------------------------------------------------------------------------------------

/** The HTML 4 Latin-1 entities, U+00A0 to U+00FF in order. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro ' +
  'para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil ' +
  'Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave ' +
  'Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml ' +
  'igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute ' +
  'thorn yuml';

const NAMED: ReadonlyMap<string, string> = new Map([
  ...LATIN1.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(0xa0 + i)]),
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['OElig', 'Œ'],
  ['oelig', 'œ'],
  ['Scaron', 'Š'],
  ['scaron', 'š'],
  ['Yuml', 'Ÿ'],
  ['fnof', 'ƒ'],
  ['circ', 'ˆ'],
  ['tilde', '˜'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['zwnj', '\u200c'],
  ['zwj', '\u200d'],
  ['lrm', '\u200e'],
  ['rlm', '\u200f'],
  ['ndash', '–'],
  ['mdash', '—'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['sbquo', '‚'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['bdquo', '„'],
  ['dagger', '†'],
  ['Dagger', '‡'],
  ['bull', '•'],
  ['hellip', '…'],
  ['permil', '‰'],
  ['prime', '′'],
  ['Prime', '″'],
  ['lsaquo', '‹'],
  ['rsaquo', '›'],
  ['oline', '‾'],
  ['euro', '€'],
  ['trade', '™'],
  ['larr', '←'],
  ['rarr', '→'],
  ['uarr', '↑'],
  ['darr', '↓'],
  ['harr', '↔'],
  ['le', '≤'],
  ['ge', '≥'],
  ['ne', '≠'],
  ['minus', '−'],
  ['nbhy', '\u2011'],
]);

/** Windows-1252 characters that numeric references in 0x80–0x9F mean, as browsers read them. */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

/** Decodes character references: numeric ones, and the named ones HTML text actually uses; others stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) {
      if (!whole.endsWith(';')) return whole;
      return NAMED.get(name) ?? whole;
    }
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    return fromCodePoint(code);
  });
}

function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80] ?? '\ufffd';
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}
