import { errors } from '../errors.js';

/**
 * Structure-aware chunking of a document's text for retrieval and citation.
 *
 * Structure first: Markdown headings and the headings of legal texts (Livre, Titre, Chapitre, Section, Article in
 * French; الكتاب، الجزء، القسم، الباب، الفصل، الفرع، المادة in Arabic) cut the text into sections, each with the path of
 * headings enclosing it. A legal article is one chunk when it fits; a longer section is split at paragraph, then
 * sentence, clause, line and word boundaries, every part keeping the section's heading path and article. Lists stay
 * whole where they fit. Offsets are exact JavaScript string offsets (`chunk.text === text.slice(start, end)`),
 * chunks are in document order, never overlap, never start or end with whitespace, and are never empty.
 *
 * One pass over the lines and one over each oversized piece: linear in the length of the text, and no regular
 * expression here can backtrack over more than one line.
 */

export interface Chunk {
  /** 0, 1, 2… in document order. */
  ordinal: number;
  /** JavaScript string offsets into the document's text, end exclusive: `text === document.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** The enclosing headings, outermost first (e.g. ['Chapitre II — Droits de la personne concernée', 'Article 7']). */
  headingPath: string[];
  /** The normalized label of the legal article this chunk is (part of): 'Article 7', 'المادة 1', 'الفصل 12'. */
  article?: string;
}

export interface ChunkOptions {
  /** Largest chunk, in UTF-16 code units (default 1500). */
  maxChars?: number;
  /**
   * Smaller chunks take in the next piece of their section, or the next small section (default 200); an article is
   * never merged with another.
   */
  minChars?: number;
}

export const DEFAULT_MAX_CHARS = 1500;
export const DEFAULT_MIN_CHARS = 200;

/** A heading line this long or longer is a label followed by body text, not a title: the path keeps only the label. */
const MAX_TITLE_CHARS = 100;
/** An Arabic section heading whose label is not followed by a separator is taken as one only on a line this short. */
const MAX_BARE_ARABIC_HEADING_CHARS = 80;

export function chunkDocument(text: string, options: ChunkOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const minChars = Math.min(options.minChars ?? DEFAULT_MIN_CHARS, maxChars);
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    throw errors.invalidRequest('invalid_chunk_options', 'maxChars must be a positive integer', 'maxChars');
  }
  if (!Number.isInteger(minChars) || minChars < 0) {
    throw errors.invalidRequest(
      'invalid_chunk_options',
      'minChars must be a non-negative integer',
      'minChars',
    );
  }
  const sections = attachEmptyHeadings(parseSections(text));
  const pieces: Piece[] = [];
  for (const section of sections) pieces.push(...packSection(text, section, maxChars, minChars));
  return mergeSmallSections(pieces, maxChars, minChars).map((piece, ordinal) => ({
    ordinal,
    start: piece.start,
    end: piece.end,
    text: text.slice(piece.start, piece.end),
    headingPath: [...piece.headingPath],
    ...(piece.article === undefined ? {} : { article: piece.article }),
  }));
}

// --- Headings -----------------------------------------------------------------------------------------------------

type HeadingKind = 'markdown' | 'section' | 'article';

interface Heading {
  kind: HeadingKind;
  /** What the heading path shows. */
  title: string;
  /** Markdown level 1–6; undefined for a heading recognized in plain text. */
  markdownLevel?: number;
  /** For a section heading: its label ('chapitre', 'الباب'…), which ranks it among the others. */
  label?: string;
  /** For an article: the normalized label. */
  article?: string;
  /** A bare label ('Chapitre II' alone on its line): its title may be on the next line. */
  bare?: boolean;
}

/** Rank of each section label (1 outermost); see AMBIGUOUS_LABELS. */
const SECTION_RANK: Readonly<Record<string, number>> = {
  livre: 1,
  partie: 1,
  titre: 2,
  chapitre: 3,
  section: 4,
  'sous-section': 5,
  الكتاب: 1,
  الجزء: 2,
  القسم: 2,
  الباب: 3,
  الفصل: 4,
  الفرع: 5,
};

/**
 * Labels whose rank differs between texts: القسم is a Titre in some codes and a Section inside a الباب in others.
 * The first time one appears inside a division that would not contain it by its static rank, it ranks below that
 * division for the rest of the document.
 */
const AMBIGUOUS_LABELS = new Set(['القسم']);

const FRENCH_SECTION_LABELS = ['Livre', 'Partie', 'Titre', 'Chapitre', 'Section', 'Sous-section'];
const FRENCH_ORDINALS: Readonly<Record<string, string>> = {
  premier: '1',
  première: '1',
  premiere: '1',
  '1er': '1',
  '1re': '1',
  '1ère': '1',
  second: '2',
  seconde: '2',
  deuxième: '2',
  troisième: '3',
  quatrième: '4',
  cinquième: '5',
  sixième: '6',
  septième: '7',
  huitième: '8',
  neuvième: '9',
  dixième: '10',
};
/** Words that stand for a number without being one: kept as written, lower-cased. */
const FRENCH_SPECIAL = ['unique', 'préliminaire', 'preliminaire'];
const LATIN_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'nonies',
  'novies',
  'decies',
];

const caseVariants = (words: readonly string[]): string =>
  [...new Set(words.flatMap((w) => [w, w.toUpperCase(), w[0]?.toUpperCase() + w.slice(1)]))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

const FRENCH_NUMBER_WORDS = caseVariants([...Object.keys(FRENCH_ORDINALS), ...FRENCH_SPECIAL]);
/** Articles are numbered in digits (12, 12-1, 12.1) or words (premier, unique); divisions also in Roman numerals. */
const ARTICLE_NUMBER = `(?:\\d+(?:[-.]\\d+)*|${FRENCH_NUMBER_WORDS})`;
const SECTION_NUMBER = `(?:\\d+(?:[-.]\\d+)*|[IVXLCDM]+|${FRENCH_NUMBER_WORDS})`;
const FRENCH_SUFFIX = `(?:\\s+(${caseVariants(LATIN_SUFFIXES)}))?`;
const NOT_WORD = '(?![\\p{L}\\p{N}])';

const FRENCH_ARTICLE = new RegExp(
  `^(?:Article|ARTICLE|Art\\.|ART\\.)\\s*(${ARTICLE_NUMBER})${FRENCH_SUFFIX}${NOT_WORD}`,
  'u',
);
const FRENCH_SECTION = new RegExp(
  `^(${caseVariants(FRENCH_SECTION_LABELS)})\\s+(${SECTION_NUMBER})${FRENCH_SUFFIX}${NOT_WORD}`,
  'u',
);

const ARABIC_DIGITS = '0-9\u0660-\u0669\u06f0-\u06f9';
const ARABIC_WORD = '[\\u0621-\\u064a\\u0671]+';
const ARABIC_ARTICLE = new RegExp(
  `^(ال)?(مادة|فصل)(?:\\s*([${ARABIC_DIGITS}]+(?:[-.][${ARABIC_DIGITS}]+)*)|\\s+(${ARABIC_WORD}))(?:\\s+(مكرر[ةه]?|المكرر[ةه]?))?${NOT_WORD}`,
  'u',
);
const ARABIC_SECTION = new RegExp(
  `^(الكتاب|الجزء|القسم|الباب|الفصل|الفرع)\\s+(?:([${ARABIC_DIGITS}]+)|(${ARABIC_WORD}))${NOT_WORD}`,
  'u',
);

/** Arabic ordinals 1–10, masculine and feminine, folded by foldArabic. */
const ARABIC_ORDINALS: ReadonlyMap<string, number> = new Map(
  [
    ['الاول', 'الاولي'],
    ['الثاني', 'الثانيه'],
    ['الثالث', 'الثالثه'],
    ['الرابع', 'الرابعه'],
    ['الخامس', 'الخامسه'],
    ['السادس', 'السادسه'],
    ['السابع', 'السابعه'],
    ['الثامن', 'الثامنه'],
    ['التاسع', 'التاسعه'],
    ['العاشر', 'العاشره'],
  ].flatMap((forms, i) => forms.map((form): [string, number] => [form, i + 1])),
);
/** Words that name a unique or preliminary division instead of a number. */
const ARABIC_SPECIAL = new Set(['الفريده', 'فريده', 'الوحيده', 'التمهيدي', 'تمهيدي']);
/** Words that, right after a label and number, show a sentence rather than a heading: "المادة 12 من هذا القانون". */
const ARABIC_SENTENCE_WORDS = new Set([
  'من',
  'في',
  'على',
  'الى',
  'عن',
  'و',
  'او',
  'ان',
  'اعلاه',
  'المذكور',
  'المذكوره',
]);

/** A separator after a heading's label: `:`, `.`, a dash, a closing parenthesis, an Arabic comma or semicolon. */
const SEPARATOR = /^\s*[.:\-–—)،؛]/u;
const SENTENCE_END = /[.;:,،؛!?؟]$/u;
const MARKDOWN_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM =
  /^\s*(?:[-*+•●▪◦–]|\d{1,3}[.)]|[a-z][.)]|[A-Z]\)|[\u0660-\u0669]{1,3}[.)-]|[\u0621-\u064a][.)-])\s+\S/u;
const EMPHASIS_OPEN = /^[*_]{1,3}/;

/** Arabic letter folding for matching words: hamza forms of alif, taa marbuta, alif maqsura, diacritics, tatweel. */
function foldArabic(word: string): string {
  return word
    .replace(/[\u064b-\u0652\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/اا+/g, 'ا');
}

const toAsciiDigits = (digits: string): string =>
  digits.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

/** The number an Arabic ordinal or numeral stands for, '' when the word is neither. */
function arabicNumber(digits: string | undefined, word: string | undefined): string {
  if (digits !== undefined) return toAsciiDigits(digits);
  if (word === undefined) return '';
  const folded = foldArabic(word);
  const ordinal = ARABIC_ORDINALS.get(folded);
  if (ordinal !== undefined) return String(ordinal);
  return ARABIC_SPECIAL.has(folded) ? word : '';
}

/**
 * The normalized label of a legal article heading: 'Article premier' → 'Article 1', 'Art. 12 bis' → 'Article 12
 * bis', 'المادة الأولى' → 'المادة 1', 'الفصل ١٢' → 'الفصل 12'. Undefined when `heading` does not start with one.
 */
export function normalizeArticleLabel(heading: string): string | undefined {
  return matchArticle(stripEmphasis(heading.trim()), true)?.article;
}

interface LabelMatch {
  /** The matched label and number as written. */
  matched: string;
  rest: string;
}

function matchArticle(
  line: string,
  arabicFaslIsArticle: boolean,
): (LabelMatch & { article: string }) | undefined {
  const french = FRENCH_ARTICLE.exec(line);
  if (french) {
    const number = frenchNumber(french[1] ?? '');
    const suffix = french[2] ? ` ${french[2].toLowerCase()}` : '';
    return { matched: french[0], rest: line.slice(french[0].length), article: `Article ${number}${suffix}` };
  }
  const arabic = ARABIC_ARTICLE.exec(line);
  if (!arabic) return undefined;
  const isFasl = arabic[2] === 'فصل';
  if (isFasl && (!arabicFaslIsArticle || arabic[1] === undefined)) return undefined;
  const number = arabicNumber(arabic[3], arabic[4]);
  if (number === '') return undefined;
  const suffix = arabic[5] ? ` ${arabic[5]}` : '';
  return {
    matched: arabic[0],
    rest: line.slice(arabic[0].length),
    article: `${isFasl ? 'الفصل' : 'المادة'} ${number}${suffix}`,
  };
}

const frenchNumber = (word: string): string => {
  const lower = word.toLowerCase();
  return FRENCH_ORDINALS[lower] ?? (FRENCH_SPECIAL.includes(lower) ? lower : word);
};

function matchSection(line: string): (LabelMatch & { label: string }) | undefined {
  const french = FRENCH_SECTION.exec(line);
  if (french)
    return { matched: french[0], rest: line.slice(french[0].length), label: (french[1] ?? '').toLowerCase() };
  const arabic = ARABIC_SECTION.exec(line);
  if (!arabic || arabicNumber(arabic[2], arabic[3]) === '') return undefined;
  return { matched: arabic[0], rest: line.slice(arabic[0].length), label: arabic[1] ?? '' };
}

const stripEmphasis = (line: string): string =>
  line
    .replace(EMPHASIS_OPEN, '')
    .replace(/[*_]{1,3}$/, '')
    .trim();

/**
 * Whether what follows a label on its line lets the line be a heading: nothing, a separator ("Article 7 : …",
 * "المادة 7 -"), or a capitalized word in French ("Article 7 Le responsable…"); an Arabic section label also takes a
 * short title without separator ("الباب الثاني حقوق الشخص المعني") unless the next word shows a sentence.
 */
function restAllowsHeading(rest: string, line: string, arabicSection: boolean): boolean {
  if (rest.trim() === '' || SEPARATOR.test(rest)) return true;
  if (/^\s+\p{Lu}/u.test(rest)) return true;
  if (!arabicSection || line.length > MAX_BARE_ARABIC_HEADING_CHARS) return false;
  const firstWord = /^\s+([\u0621-\u064a]+)/u.exec(rest)?.[1];
  return firstWord !== undefined && !ARABIC_SENTENCE_WORDS.has(foldArabic(firstWord));
}

/** The title a heading line shows in the path: the whole line when it reads as a title, else the label alone. */
const headingTitle = (line: string, matched: string): string =>
  line.length <= MAX_TITLE_CHARS && !/[.;،؛]$/u.test(line) ? line : matched.trim();

function classifyLine(rawLine: string, faslIsArticle: boolean): Heading | undefined {
  const markdown = MARKDOWN_HEADING.exec(rawLine);
  if (markdown) {
    const title = stripEmphasis(stripClosingHashes(rawLine.slice(markdown[0].length)));
    if (title === '') return undefined;
    const level = markdown[1]?.length ?? 1;
    const article = matchArticle(title, faslIsArticle);
    if (article) return { kind: 'article', title, markdownLevel: level, article: article.article };
    const section = matchSection(title);
    if (section) return { kind: 'section', title, markdownLevel: level, label: section.label };
    return { kind: 'markdown', title, markdownLevel: level };
  }
  const first = rawLine.trimStart()[0];
  if (first === undefined || !/[*_A-ZÀ-Þ\u0621-\u064a]/u.test(first)) return undefined; // cheap rejection
  const line = stripEmphasis(rawLine);
  const article = matchArticle(line, faslIsArticle);
  if (article && restAllowsHeading(article.rest, line, false)) {
    return { kind: 'article', title: headingTitle(line, article.matched), article: article.article };
  }
  const section = matchSection(line);
  if (section && restAllowsHeading(section.rest, line, /[\u0600-\u06ff]/u.test(section.label))) {
    return {
      kind: 'section',
      title: headingTitle(line, section.matched),
      label: section.label,
      bare: section.rest.trim() === '',
    };
  }
  return undefined;
}

/** `Title ##` → `Title`: closing hashes must follow a space. */
function stripClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end--;
  if (end === trimmed.length) return trimmed;
  if (end === 0) return '';
  return /[ \t]/.test(trimmed[end - 1] ?? '') ? trimmed.slice(0, end).trimEnd() : trimmed;
}

// --- Sections -----------------------------------------------------------------------------------------------------

type BlockKind = 'heading' | 'paragraph' | 'list' | 'code';

interface Block {
  start: number;
  end: number;
  kind: BlockKind;
}

interface Section {
  headingPath: string[];
  article?: string;
  /** Started by an article heading. */
  isArticle: boolean;
  blocks: Block[];
}

interface PathEntry {
  title: string;
  kind: HeadingKind;
  /** Markdown level (1–6), or, for headings in plain text, 10 + the label's rank (articles deepest). */
  level: number;
  rank: number;
  article?: string;
}

const PLAIN_LEVEL_BASE = 10;
const ARTICLE_RANK = 1000;

interface Line {
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** In a text that numbers its articles المادة, الفصل is a chapter; otherwise الفصل N is an article. */
const USES_MADDA = /^[ \t*_#]*(?:ال)?مادة\s*(?:[0-9\u0660-\u0669\u06f0-\u06f9]|[\u0621-\u064a])/mu;

function parseSections(text: string): Section[] {
  const lines = splitLines(text);
  const faslIsArticle = !USES_MADDA.test(text);
  const sections: Section[] = [];
  const stack: PathEntry[] = [];
  const ranks = new Map<string, number>();
  let section: Section = { headingPath: [], isArticle: false, blocks: [] };
  let block: Block | undefined;
  let fence: string | undefined;

  const endBlock = (): void => {
    if (!block) return;
    const previous = section.blocks.at(-1);
    // A list joins the list or the introduction ("Pièces à fournir :") before it, across blank lines.
    if (
      block.kind === 'list' &&
      previous &&
      (previous.kind === 'list' ||
        (previous.kind === 'paragraph' && /[:：]$/.test(text.slice(previous.start, previous.end).trimEnd())))
    ) {
      previous.end = block.end;
      previous.kind = 'list';
    } else {
      section.blocks.push(block);
    }
    block = undefined;
  };

  const rankOf = (label: string): number => {
    const known = ranks.get(label);
    if (known !== undefined) return known;
    let rank = SECTION_RANK[label] ?? 1;
    if (AMBIGUOUS_LABELS.has(label)) {
      const deepest = Math.max(0, ...stack.filter((e) => e.kind === 'section').map((e) => e.rank));
      rank = Math.max(rank, deepest + 1);
    }
    ranks.set(label, rank);
    return rank;
  };

  const openSection = (heading: Heading, start: number, end: number): void => {
    endBlock();
    if (section.blocks.length > 0) sections.push(section);
    const rank =
      heading.kind === 'article'
        ? ARTICLE_RANK
        : heading.kind === 'section'
          ? rankOf(heading.label ?? '')
          : 0;
    const level = heading.markdownLevel ?? PLAIN_LEVEL_BASE + rank;
    // An article closes the previous article; a section closes the sections it does not rank above, and articles.
    const closeFrom = stack.findIndex(
      (entry) =>
        (heading.kind === 'article' && entry.kind === 'article') ||
        (heading.kind === 'section' &&
          (entry.kind === 'article' || (entry.kind === 'section' && entry.rank >= rank))),
    );
    if (closeFrom !== -1) stack.length = closeFrom;
    // Legal divisions nest by rank whatever their Markdown level: "## Article 7" under "## Chapitre II" stays in it.
    const containedBy = (entry: { kind: string; rank: number }) =>
      heading.kind !== 'markdown' && entry.kind === 'section' && entry.rank < rank;
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level && !containedBy(stack.at(-1)!)) stack.pop();
    stack.push({
      title: heading.title,
      kind: heading.kind,
      level,
      rank,
      ...(heading.article ? { article: heading.article } : {}),
    });
    const article = [...stack].reverse().find((entry) => entry.article !== undefined)?.article;
    section = {
      headingPath: stack.map((entry) => entry.title),
      ...(article === undefined ? {} : { article }),
      isArticle: heading.kind === 'article',
      blocks: [{ start, end, kind: 'heading' }],
    };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const content = text.slice(line.start, line.end);
    if (fence !== undefined) {
      if (block) block.end = line.end;
      const closing = FENCE.exec(content);
      if (closing && closing[1]?.[0] === fence && content.trim() === closing[1]) {
        fence = undefined;
        endBlock();
      }
      continue;
    }
    if (content.trim() === '') {
      endBlock();
      continue;
    }
    const opening = FENCE.exec(content);
    if (opening) {
      endBlock();
      fence = opening[1]?.[0];
      block = { start: line.start + leadingSpace(content), end: line.end, kind: 'code' };
      continue;
    }
    const heading = classifyLine(content, faslIsArticle);
    if (heading) {
      let end = line.end;
      let title = heading.title;
      if (heading.kind === 'section' && heading.bare) {
        const titleLine = headingTitleLine(text, lines, i, faslIsArticle);
        if (titleLine !== undefined) {
          title = `${title} — ${text.slice(lines[titleLine]?.start, lines[titleLine]?.end).trim()}`;
          end = lines[titleLine]?.end ?? end;
          i = titleLine;
        }
      }
      openSection({ ...heading, title }, line.start + leadingSpace(content), trimmedEnd(text, end));
      continue;
    }
    const isItem = LIST_ITEM.test(content);
    if (block) {
      block.end = line.end;
      if (isItem) block.kind = 'list';
    } else {
      block = {
        start: line.start + leadingSpace(content),
        end: line.end,
        kind: isItem ? 'list' : 'paragraph',
      };
    }
  }
  endBlock();
  if (section.blocks.length > 0) sections.push(section);
  for (const s of sections) for (const b of s.blocks) b.end = trimmedEnd(text, b.end);
  return sections;
}

/**
 * The line after a bare section label that is its title ("Chapitre II" / "Droits de la personne concernée"): the
 * next non-blank line (one blank line may come between), short, not a sentence, not a heading or a list item, and
 * standing alone (followed by a blank line, a heading or the end).
 */
function headingTitleLine(
  text: string,
  lines: readonly Line[],
  index: number,
  faslIsArticle: boolean,
): number | undefined {
  let candidate = index + 1;
  const isBlank = (i: number): boolean => {
    const line = lines[i];
    return line === undefined || text.slice(line.start, line.end).trim() === '';
  };
  if (candidate < lines.length && isBlank(candidate)) candidate++;
  const line = lines[candidate];
  if (line === undefined) return undefined;
  const content = text.slice(line.start, line.end).trim();
  if (
    content === '' ||
    content.length > MAX_TITLE_CHARS ||
    SENTENCE_END.test(content) ||
    LIST_ITEM.test(content) ||
    FENCE.test(content) ||
    classifyLine(content, faslIsArticle) !== undefined
  ) {
    return undefined;
  }
  const after = lines[candidate + 1];
  const standsAlone =
    after === undefined ||
    isBlank(candidate + 1) ||
    classifyLine(text.slice(after.start, after.end), faslIsArticle) !== undefined;
  return standsAlone ? candidate : undefined;
}

const leadingSpace = (line: string): number => line.length - line.trimStart().length;

function trimmedEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * A heading with nothing under it ("Chapitre II" right before "Article 7") joins the section that follows, so it is
 * retrieved with it; an article is never emptied this way: "Article 9 (abrogé)" stays its own chunk.
 */
function attachEmptyHeadings(sections: readonly Section[]): Section[] {
  const result: Section[] = [];
  let carried: Block[] = [];
  for (const [i, section] of sections.entries()) {
    const empty = section.blocks.every((b) => b.kind === 'heading');
    if (empty && !section.isArticle && i < sections.length - 1) {
      carried.push(...section.blocks);
      continue;
    }
    result.push({ ...section, blocks: [...carried, ...section.blocks] });
    carried = [];
  }
  return result;
}

// --- Splitting and packing ----------------------------------------------------------------------------------------

/** Boundaries to split at, from the coarsest. */
type Level = 'block' | 'item' | 'sentence' | 'clause' | 'line' | 'word' | 'hard';
const NEXT_LEVEL: Readonly<Record<Level, Level | undefined>> = {
  block: 'sentence',
  item: 'sentence',
  sentence: 'clause',
  clause: 'line',
  line: 'word',
  word: 'hard',
  hard: undefined,
};

interface Unit {
  start: number;
  end: number;
  level: Level;
}

interface Piece {
  start: number;
  end: number;
  headingPath: string[];
  article?: string;
  /** The section is a single chunk (a candidate for merging with a small neighbour). */
  wholeSection: boolean;
}

function packSection(text: string, section: Section, maxChars: number, minChars: number): Piece[] {
  const first = section.blocks[0];
  const last = section.blocks.at(-1);
  if (!first || !last) return [];
  const make = (start: number, end: number, wholeSection: boolean): Piece => ({
    start,
    end,
    headingPath: section.headingPath,
    ...(section.article === undefined ? {} : { article: section.article }),
    wholeSection: wholeSection && !section.isArticle && section.article === undefined,
  });
  const total = last.end - first.start;
  if (total <= maxChars) return [make(first.start, last.end, true)];

  // Aim at parts of even size: n parts of about total / n, never more than maxChars.
  const target = total / Math.ceil(total / maxChars);
  const stack: Unit[] = section.blocks
    .map((b): Unit => ({
      start: b.start,
      end: b.end,
      level: b.kind === 'list' ? 'item' : b.kind === 'code' ? 'clause' : 'block',
    }))
    .reverse();
  const parts: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | undefined;
  while (stack.length > 0) {
    const unit = stack.pop() as Unit;
    if (unit.end - unit.start > maxChars) {
      pushReversed(stack, refine(text, unit, maxChars));
      continue;
    }
    if (!current) {
      current = { start: unit.start, end: unit.end };
      continue;
    }
    const length = current.end - current.start;
    const joined = unit.end - current.start;
    // Take the unit while it fits and brings the part closer to the even size than leaving it out would.
    if (joined <= maxChars && (joined <= target || joined - target <= target - length)) {
      current.end = unit.end;
      continue;
    }
    // Too small to close: fill it with the next unit's sentences (or a sentence's clauses) rather than leave a scrap.
    if (length < minChars && (unit.level === 'block' || unit.level === 'item' || unit.level === 'sentence')) {
      pushReversed(stack, refine(text, unit, maxChars, 'clause'));
      continue;
    }
    parts.push(current);
    current = { start: unit.start, end: unit.end };
  }
  if (current) parts.push(current);
  // A scrap at the end joins the part before it when they fit together.
  const tail = parts.at(-1);
  const beforeTail = parts.at(-2);
  if (tail && beforeTail && tail.end - tail.start < minChars && tail.end - beforeTail.start <= maxChars) {
    beforeTail.end = tail.end;
    parts.pop();
  }
  return parts.map((p) => make(p.start, p.end, false));
}

function pushReversed(stack: Unit[], units: readonly Unit[]): void {
  for (let i = units.length - 1; i >= 0; i--) stack.push(units[i] as Unit);
}

/**
 * Splits a unit at the next level of boundaries that actually divides it (a paragraph of one sentence goes on to
 * clauses, and so on, down to `deepest`). Each part is trimmed and non-empty. The hard level cuts a unit with no
 * whitespace at all into maxChars-long parts, never inside a surrogate pair (nor, within a few characters, before a
 * combining mark).
 */
function refine(text: string, unit: Unit, maxChars: number, deepest: Level = 'hard'): Unit[] {
  let level: Level | undefined = unit.level === 'item' ? 'item' : NEXT_LEVEL[unit.level];
  while (level !== undefined) {
    const parts = splitAt(text, unit.start, unit.end, level, maxChars);
    if (parts.length > 1 || level === deepest) return parts.length > 0 ? parts : [{ ...unit, level }];
    level = NEXT_LEVEL[level];
  }
  return [{ ...unit, level: 'hard' }];
}

function splitAt(text: string, start: number, end: number, level: Level, maxChars: number): Unit[] {
  const cuts = level === 'hard' ? hardCuts(text, start, end, maxChars) : boundaries(text, start, end, level);
  const units: Unit[] = [];
  let from = start;
  for (const cut of [...cuts, end]) {
    const s = trimmedStart(text, from, cut);
    const e = trimmedEnd(text, cut);
    if (e > s) units.push({ start: s, end: e, level });
    from = cut;
  }
  return units;
}

function trimmedStart(text: string, start: number, end: number): number {
  let s = start;
  while (s < end && isSpace(text.charCodeAt(s))) s++;
  return s;
}

/** Positions (strictly inside [start, end)) where a unit of `level` may be cut. */
function boundaries(text: string, start: number, end: number, level: Level): number[] {
  switch (level) {
    case 'item':
      return itemBoundaries(text, start, end);
    case 'sentence':
      return sentenceBoundaries(text, start, end);
    case 'clause':
      return clauseBoundaries(text, start, end);
    case 'line': {
      const cuts: number[] = [];
      for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1))
        cuts.push(i + 1);
      return cuts;
    }
    case 'word': {
      const cuts: number[] = [];
      for (let i = start + 1; i < end; i++) {
        if (isBreakingSpace(text.charCodeAt(i)) && !isBreakingSpace(text.charCodeAt(i - 1))) cuts.push(i);
      }
      return cuts;
    }
    default:
      return [];
  }
}

/** Starts of list items (lines with a list marker) inside a list block. */
function itemBoundaries(text: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    const lineEnd = text.indexOf('\n', i + 1);
    const line = text.slice(i + 1, lineEnd === -1 || lineEnd > end ? end : lineEnd);
    if (LIST_ITEM.test(line)) cuts.push(i + 1);
  }
  return cuts;
}

const SENTENCE_PUNCTUATION = new Set(['.', '!', '?', '…', '؟', '۔', '。']);
const CLOSING_MARKS = new Set(['"', "'", '»', '”', '’', ')', ']', '›']);
/** Abbreviations after which a period does not end a sentence (lower-cased, without the period). */
const ABBREVIATIONS = new Set([
  'm',
  'mm',
  'mme',
  'mmes',
  'mlle',
  'mlles',
  'dr',
  'pr',
  'me',
  'st',
  'ste',
  'art',
  'arts',
  'al',
  'cf',
  'p',
  'pp',
  'n',
  'no',
  'vol',
  'ch',
  'chap',
  'sect',
  'ex',
  'av',
  'bd',
  'etc',
  'env',
  'hab',
  'tél',
  'tel',
  'fax',
  'réf',
  'ref',
  'vs',
  'ibid',
  'op',
  'cit',
  'min',
  'max',
  'nb',
  'ps',
  'bo',
  'jo',
]);

/**
 * Sentence ends: `.`, `!`, `?`, `…`, `؟` (and `۔`), with any closing quotes or brackets, followed by whitespace — a
 * period not after an abbreviation ("art.", "M."), an initial ("A. Benali") or before a lower-case word ("etc. et").
 * Also Arabic text extracted from PDFs with the period before the space (" .ويجب"): the cut goes after the period.
 */
function sentenceBoundaries(text: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  for (let i = start; i < end - 1; i++) {
    const c = text[i] as string;
    if (!SENTENCE_PUNCTUATION.has(c)) continue;
    let j = i + 1;
    while (j < end && (SENTENCE_PUNCTUATION.has(text[j] as string) || CLOSING_MARKS.has(text[j] as string)))
      j++;
    if (j >= end) break;
    const next = text.charCodeAt(j);
    if (isSpace(next)) {
      if (c === '.' && !periodEndsSentence(text, start, i, j, end)) {
        i = j - 1;
        continue;
      }
      cuts.push(j);
    } else if (i > start && isSpace(text.charCodeAt(i - 1)) && isArabicLetter(next) && c !== '…') {
      cuts.push(j); // " .ويجب": the period belongs to the sentence before
    }
    i = j - 1;
  }
  return cuts;
}

function periodEndsSentence(
  text: string,
  start: number,
  period: number,
  after: number,
  end: number,
): boolean {
  let w = period;
  while (w > start && isWordChar(text.charCodeAt(w - 1))) w--;
  const word = text.slice(w, period);
  if (word.length === 0) return true;
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (word.length === 1 && /\p{L}/u.test(word)) return false; // an initial
  let n = after;
  while (n < end && isSpace(text.charCodeAt(n))) n++;
  const nextChar = text[n] ?? '';
  return !/\p{Ll}/u.test(nextChar);
}

/**
 * Clause ends: `;`, `؛`, `,`, `،`, `:` followed by whitespace; or `،`/`؛` after a space and before a word (Arabic as
 * PDF extraction leaves it).
 */
function clauseBoundaries(text: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  for (let i = start; i < end - 1; i++) {
    const c = text[i];
    if (c !== ';' && c !== '؛' && c !== ',' && c !== '،' && c !== ':') continue;
    const next = text.charCodeAt(i + 1);
    if (isSpace(next)) cuts.push(i + 1);
    else if ((c === '،' || c === '؛') && i > start && isSpace(text.charCodeAt(i - 1))) cuts.push(i + 1);
  }
  return cuts;
}

/** How far back a hard cut looks for the start of a letter's combining marks. */
const MAX_MARK_BACKTRACK = 16;

function hardCuts(text: string, start: number, end: number, maxChars: number): number[] {
  const cuts: number[] = [];
  let from = start;
  while (end - from > maxChars) {
    const limit = from + maxChars;
    // Never split a surrogate pair, nor (within a few characters) a base letter from its combining marks.
    let cut = limit;
    while (cut > limit - MAX_MARK_BACKTRACK && /\p{M}/u.test(text[cut] ?? '')) cut--;
    if (/\p{M}/u.test(text[cut] ?? '')) cut = limit;
    if (isLowSurrogate(text.charCodeAt(cut)) && cut - 1 > from) cut--;
    cuts.push(cut);
    from = cut;
  }
  return cuts;
}

/**
 * Small whole sections (a short "Délai" paragraph under its own heading) join the next small section when both
 * fit in one chunk; the merged chunk's heading path is the part the two share. Articles are never merged.
 */
function mergeSmallSections(pieces: readonly Piece[], maxChars: number, minChars: number): Piece[] {
  const result: Piece[] = [];
  for (const piece of pieces) {
    const previous = result.at(-1);
    if (
      previous &&
      previous.wholeSection &&
      piece.wholeSection &&
      previous.end - previous.start < minChars &&
      piece.end - previous.start <= maxChars
    ) {
      result[result.length - 1] = {
        start: previous.start,
        end: piece.end,
        headingPath: commonPrefix(previous.headingPath, piece.headingPath),
        wholeSection: true,
      };
      continue;
    }
    result.push(piece);
  }
  return result;
}

function commonPrefix(a: readonly string[], b: readonly string[]): string[] {
  const prefix: string[] = [];
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) prefix.push(a[i] as string);
  return prefix;
}

// --- Characters ---------------------------------------------------------------------------------------------------

/** Whitespace as String.prototype.trim sees it (no-break spaces included). */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whitespace a line may break at: not the no-break spaces (U+00A0, U+2007, U+202F), which bind words together. */
const isBreakingSpace = (code: number): boolean =>
  isSpace(code) && code !== 0xa0 && code !== 0x2007 && code !== 0x202f;

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

const isArabicLetter = (code: number): boolean => code >= 0x0621 && code <= 0x064a;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return WORD_CHAR.test(String.fromCharCode(code));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
