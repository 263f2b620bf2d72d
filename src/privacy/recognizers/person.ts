import {
  ALL_CAPS,
  ARABIC,
  CAPITALIZED,
  DIGITS,
  LATIN,
  WATCH_PERSON,
  joinedHash,
  tokenize,
} from '../data/lexicon.js';
import type { Tokens } from '../data/lexicon.js';
import {
  BARE,
  CITY,
  COMPOUND,
  CUE,
  CUES,
  FAMILY,
  FAMILY_AMBIGUOUS,
  GIVEN,
  GIVEN_AMBIGUOUS,
  HONORIFIC,
  INFO,
  NOT_CUES,
  NOT_NAMES,
  PARTICLE,
  PARTICLE_CAPITAL,
  PLACE_WORD,
  REGNAL,
  STOP,
  ADDRESS_LEAD,
  type CueKind,
} from '../data/names.js';
import type { Candidate, Recognizer } from '../types.js';

/**
 * Person names in Latin and Arabic script, found by cue phrases ("je m'appelle", "M.", "السيد", "smiti") and by a
 * gazetteer of Moroccan given and family names (src/privacy/data). A name is a run of name units (a known name, a
 * particle with its name, a capitalized unknown word next to a known name); the run's make-up gives its score:
 * cue + name 0.85–0.9, given + family 0.9, a lone capitalized given name 0.6, a lone Arabic-script given name 0.4
 * (below the default threshold: Arabic has no capitals to tell "كريم" the name from "كريم" generous).
 */

/** Bits of token i without its Arabic proclitics, confirmed. */
function bareBits(t: Tokens, i: number): number {
  const bits = BARE.get(t.bare[i]!);
  return bits !== 0 && BARE.confirm(t.bare[i]!, t.key(i).slice(t.bareSkip[i]!)) ? bits : 0;
}
/** Confirmed bits of a folded key (compounds and cues: string lookups). */
const info = (key: string) => INFO.of(key);
/** Bits of token i; a hit beyond stop words is confirmed on the folded word. */
function bitsOf(t: Tokens, i: number): number {
  const bits = INFO.get(t.hash[i]!);
  if (bits === 0 || bits === STOP) return bits;
  return INFO.confirm(t.hash[i]!, t.key(i)) ? bits : 0;
}

/** Name classes: known given (ambiguous or not), known family, unknown capitalized, Arabic nisba, city. */
type Cls = 'G' | 'GA' | 'F' | 'FA' | 'U' | 'N' | 'C';
interface Unit {
  to: number;
  cls: Cls;
  /** Characters of an Arabic proclitic to leave out of the span ("ومحمد" → "محمد"). */
  skip: number;
}

// Reading modes, as bits.
/** Lower-case Latin words may be names (after a Darija cue, or a lower-case pair). */
const LOWER = 1;
/** Unknown Arabic-script words may be names (after a naming cue). */
const UNKNOWN_ARABIC = 2;
/** Strip an Arabic proclitic ("ومحمد"): first unit of a run only. */
const PROCLITIC = 4;
/** After a cue: unknown words in capitals may be names ("Nom : ZNIBER"). */
const CUED = 8;
/** Right after a particle ("آيت واكريم"): a word starting with "و" may be a name. */
const AFTER_PARTICLE = 16;

const NAME_GAP = /^(?:[ \t]{1,2}|[ \t]?-[ \t]?)$/;
const CUE_INNER_GAP = /^[ \t'’]{1,2}$/;
const CUE_NAME_GAP = /^[ \t]*[:.,-]?[ \t]*$/;
/** Arabic-script family names by their shape: a nisba ("الزموري", Darija "لمراني"), "بن…", "بو…", "أو…". */
const NISBA = /^(?:ال|ل).{2,}ي$/;
const FAMILY_PREFIX = /^(?:بن|بو|او).{3,}$/;
const HAS_DIGIT = /\d/;

function classify(bits: number): Cls | undefined {
  if (bits & GIVEN && !(bits & GIVEN_AMBIGUOUS)) return 'G';
  if (bits & FAMILY && !(bits & FAMILY_AMBIGUOUS)) return 'F';
  if (bits & GIVEN) return 'GA';
  if (bits & FAMILY) return 'FA';
  return undefined;
}

const isGiven = (c: Cls) => c === 'G' || c === 'GA';
const isKnown = (c: Cls) => c === 'G' || c === 'F' || c === 'GA' || c === 'FA';
const upper = (t: Tokens, i: number) => t.is(i, CAPITALIZED | ALL_CAPS);
const script = (t: Tokens, i: number) => t.kind[i]! & (LATIN | ARABIC);
const nameGap = (t: Tokens, j: number) =>
  j < t.count && t.gapLength(j) <= 3 && NAME_GAP.test(t.gapBefore(j)) && script(t, j) === script(t, j - 1);

/** A multi-word name or city starting at i ("Ben Jelloun", "عبد الله", "El Jadida"), longest first. */
function compoundAt(t: Tokens, i: number, mode: number): Unit | undefined {
  let n = 1;
  while (n < 4 && i + n < t.count && nameGap(t, i + n)) {
    const j = i + n;
    if (!(mode & LOWER) && t.is(j, LATIN) && !upper(t, j) && !(bitsOf(t, j) & PARTICLE)) break;
    n++;
  }
  for (; n >= 2; n--) {
    // Joined by a space ("ben jelloun") or not ("عبدالله"): hashed first, a string only for a hit.
    for (const joiner of [0x20, 0]) {
      const h = joinedHash(t, i, i + n, joiner);
      const bits = INFO.get(h);
      if (bits === 0) continue;
      const keys: string[] = [];
      for (let k = i; k < i + n; k++) keys.push(t.key(k));
      if (!INFO.confirm(h, keys.join(joiner ? ' ' : ''))) continue;
      if (bits & CITY && !(bits & FAMILY)) return { to: i + n, cls: 'C', skip: 0 };
      const cls = classify(bits);
      if (cls) return { to: i + n, cls, skip: 0 };
    }
  }
  return undefined;
}

/** The name unit starting at token i, if any. */
function unitAt(t: Tokens, i: number, mode: number): Unit | undefined {
  if (i >= t.count || t.is(i, DIGITS)) return undefined;
  const latin = t.is(i, LATIN);
  const bits = bitsOf(t, i);
  const cased = !latin || mode & LOWER || upper(t, i);
  if (cased && bits & COMPOUND) {
    const compound = compoundAt(t, i, mode);
    if (compound) return compound;
  }
  if (
    latin &&
    cased &&
    t.end[i]! - t.start[i]! === 1 &&
    t.key(i) === 'm' &&
    i + 1 < t.count &&
    t.gapBefore(i + 1) === "'"
  ) {
    const cls = classify(info('m' + t.key(i + 1))); // M'hamed, M'barek
    if (cls) return { to: i + 2, cls, skip: 0 };
  }
  const particle = bits & (PARTICLE | HONORIFIC) || (bits & PARTICLE_CAPITAL && upper(t, i));
  if (particle && nameGap(t, i + 1) && !(bitsOf(t, i + 1) & (PARTICLE | PARTICLE_CAPITAL))) {
    const inner = unitAt(t, i + 1, (mode | UNKNOWN_ARABIC | AFTER_PARTICLE) & ~PROCLITIC);
    if (inner && inner.cls !== 'C' && inner.cls !== 'N') {
      const cls = bits & HONORIFIC ? inner.cls : isKnown(inner.cls) ? 'F' : 'FA';
      return { to: inner.to, cls, skip: 0 };
    }
  }
  if (!cased || NOT_NAMES.has(t.word(i))) return undefined;
  if (bits & CITY && !(bits & (FAMILY | GIVEN))) return { to: i + 1, cls: 'C', skip: 0 };
  const cls = classify(bits);
  // An ambiguous name that is also a stop word ("الوالي", "said") is a name only when capitalized.
  if (cls && !(bits & STOP && (cls === 'GA' || cls === 'FA') && !(latin && upper(t, i))))
    return { to: i + 1, cls, skip: 0 };
  const skip = t.bareSkip[i]!;
  const bare = skip > 0 ? bareBits(t, i) : 0;
  // With the article stripped ("والعلوي"), only a family name: "العيشة" (living) is not "عيشة".
  const article = skip >= 2 && t.key(i).endsWith('ال', skip);
  const bareCls = bits & STOP ? undefined : classify(article ? bare & (FAMILY | FAMILY_AMBIGUOUS) : bare);
  const bareStop = bare & STOP && (bareCls === 'GA' || bareCls === 'FA');
  if (mode & PROCLITIC && bareCls && !bareStop && !NOT_NAMES.has(t.word(i).slice(skip))) {
    // Keep the article in the span: "والعلوي" → "العلوي".
    return { to: i + 1, cls: bareCls, skip: article ? skip - 2 : skip };
  }
  const key = t.key(i);
  if (bits & STOP || bare & STOP || particle || HAS_DIGIT.test(key)) return undefined;
  // An unknown Latin word: capitalized, two letters at least, and in capitals only after a cue ("Nom : ZNIBER").
  if (latin) {
    const caps = t.is(i, ALL_CAPS) && !(mode & CUED);
    return caps || t.end[i]! - t.start[i]! < 2 ? undefined : { to: i + 1, cls: 'U', skip: 0 };
  }
  if (NISBA.test(key) || FAMILY_PREFIX.test(key)) return { to: i + 1, cls: 'N', skip: 0 };
  // Not a name: "و" is the conjunction ("وأنا", "وصفته"); "ال" without a nisba, an adjective ("فاطمة العظيم").
  const waw = key.startsWith('و') && !(mode & AFTER_PARTICLE);
  const adjective = key.startsWith('ال') && !(mode & AFTER_PARTICLE);
  return mode & UNKNOWN_ARABIC && !waw && !adjective ? { to: i + 1, cls: 'U', skip: 0 } : undefined;
}

interface Run {
  from: number;
  to: number;
  skip: number;
  units: Cls[];
  regnal: boolean;
}

/** The longest run of name units from token i, at most `max` units. */
function runAt(t: Tokens, i: number, mode: number, max: number): Run | undefined {
  const first = unitAt(t, i, mode);
  if (!first || first.cls === 'C' || first.cls === 'N') return undefined;
  if (first.cls === 'U' && !(mode & CUED) && !t.is(i, LATIN)) return undefined;
  const run: Run = { from: i, to: first.to, skip: first.skip, units: [first.cls], regnal: false };
  const next = mode & ~PROCLITIC;
  let known = isKnown(first.cls);
  let unknown = first.cls === 'U' ? 1 : 0;
  while (run.units.length < max && nameGap(t, run.to)) {
    if (bitsOf(t, run.to) & REGNAL && (t.is(run.to, ARABIC) || upper(t, run.to))) {
      run.regnal = known;
      break;
    }
    const u = unitAt(t, run.to, next);
    if (!u || u.cls === 'C') break;
    if ((u.cls === 'N' || u.cls === 'U') && !known && !(mode & CUED)) break;
    if (u.cls === 'U' && unknown >= 2) break;
    // In Arabic script an unknown word only completes a given name: "السيد إدريس أملال", not "… بنحمو سيشرف".
    if (u.cls === 'U' && t.is(run.to, ARABIC) && (run.units.length > 1 || !isGiven(run.units[0]!))) break;
    run.units.push(u.cls);
    run.to = u.to;
    known ||= isKnown(u.cls);
    if (u.cls === 'U') unknown++;
  }
  // Without a cue, an unknown word may only lead a run when a family name follows ("Zaynab Alaoui").
  if (!(mode & CUED) && run.units[0] === 'U' && run.units[1] !== 'F') return undefined;
  return run;
}

/** Score of a run without a cue, from its make-up; 0 when it is not a name. */
function compositionScore(units: readonly Cls[], arabic: boolean, lower: boolean): number {
  let g = 0;
  let ga = 0;
  let f = 0;
  let fa = 0;
  let u = 0;
  let nisba = 0;
  for (const c of units) {
    if (c === 'G') g++;
    else if (c === 'GA') ga++;
    else if (c === 'F') f++;
    else if (c === 'FA') fa++;
    else if (c === 'U') u++;
    else if (c === 'N') nisba++;
  }
  if (lower) return g > 0 && f > 0 && u === 0 ? 0.55 : 0;
  if (units.length === 1) {
    if (g) return arabic ? 0.4 : 0.6;
    if (f) return arabic ? 0.45 : 0.55;
    return 0;
  }
  if ((g || ga) && f) return 0.9;
  if (g && (fa || nisba || ga)) return arabic ? 0.8 : 0.85;
  if (g >= 2) return arabic ? 0.6 : 0.8;
  if (g && u) return 0.8;
  if (f >= 2) return 0.8;
  if (f && (u || fa)) return 0.7;
  if (ga && !arabic && u) return 0.6;
  if (ga && (fa || ga >= 2) && u === 0) return arabic ? 0.45 : 0.6;
  return 0;
}

/** The cue phrase starting at token i, if any. */
function cueAt(t: Tokens, i: number): { kind: CueKind; next: number } | undefined {
  const bucket =
    CUES.get(t.key(i)) ?? (t.bareSkip[i]! > 0 ? CUES.get(t.key(i).slice(t.bareSkip[i])) : undefined);
  if (!bucket || NOT_CUES.has(t.word(i))) return undefined;
  for (const cue of bucket) {
    const n = cue.keys.length;
    if (i + n >= t.count) continue;
    if (cue.spelling !== undefined) {
      const w = t.word(i);
      if (w !== cue.spelling && !(w.length >= 3 && w === cue.spelling.toUpperCase())) continue;
    }
    let ok = true;
    for (let k = 1; k < n && ok; k++)
      ok = t.key(i + k) === cue.keys[k] && CUE_INNER_GAP.test(t.gapBefore(i + k));
    if (!ok) continue;
    const next = i + n;
    const gap = t.gapBefore(next);
    if (gap.length > 5 || !CUE_NAME_GAP.test(gap)) continue;
    if (cue.kind === 'form' && !gap.includes(':')) continue;
    if (cue.spelling === 'M' && !gap.startsWith('.')) continue;
    return { kind: cue.kind, next };
  }
  return undefined;
}

/** A place or institution word just before token i ("rue", "Bd.", "مستشفى", "سيدي"). */
function afterPlaceWord(t: Tokens, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    if (t.gapLength(k + 1) > 3 || !/^[ \t.]{1,3}$/.test(t.gapBefore(k + 1))) return false;
    if (bitsOf(t, k) & PLACE_WORD) return true;
  }
  return false;
}

/** A district in an address: after "au", "sakn f"…, before a street type ("au Yacoub El Mansour, rue 71"). */
function districtName(t: Tokens, run: Run): boolean {
  const lead = run.from - 1;
  if (lead < 0 || run.to >= t.count || !(bitsOf(t, lead) & ADDRESS_LEAD)) return false;
  return (
    t.gapLength(run.to) <= 2 &&
    /^[ \t]*,?[ \t]*$/.test(t.gapBefore(run.to)) &&
    (bitsOf(t, run.to) & PLACE_WORD) !== 0
  );
}

const candidate = (t: Tokens, run: Run, score: number, pattern: string): Candidate => ({
  start: t.start[run.from]! + run.skip,
  end: t.end[run.to - 1]!,
  score,
  pattern,
});

/** A name after a cue ending at token `next`. */
function afterCue(t: Tokens, kind: CueKind, next: number): Candidate | undefined {
  const arabic = t.is(next, ARABIC) || t.is(next - 1, ARABIC);
  const naming = kind === 'naming' || kind === 'darija' || kind === 'form';
  // Unknown Arabic-script words: after a naming cue, or after a title's known name ("السيد إدريس أملال").
  const mode =
    PROCLITIC |
    (kind === 'darija' ? LOWER : 0) |
    (naming || kind === 'title' || kind === 'role' ? UNKNOWN_ARABIC : 0) |
    (kind === 'weak' ? 0 : CUED);
  const run = runAt(t, next, mode, naming ? 3 : 5);
  if (!run || run.regnal) return undefined;
  const known = run.units.some(isKnown);
  if (((kind === 'title' && arabic) || kind === 'role') && !isKnown(run.units[0]!)) return undefined;
  // A weak cue needs a known name; in Latin script a capital makes an ambiguous one enough ("ana Said").
  const sure = (c: Cls) => c === 'G' || c === 'F' || (!arabic && isKnown(c) && upper(t, next));
  if (kind === 'weak' && !run.units.some(sure)) return undefined;
  const score = kind === 'title' && !known ? 0.85 : kind === 'weak' || kind === 'role' ? 0.85 : 0.9;
  return candidate(t, run, Math.max(score, compositionScore(run.units, arabic, false)), `cue-${kind}`);
}

/** Can token i start a name without a cue? A cheap test before reading units. */
function mayStart(t: Tokens, i: number, bits: number): boolean {
  if (t.is(i, DIGITS)) return false;
  if (bits & (GIVEN | FAMILY | PARTICLE | HONORIFIC | COMPOUND)) return true;
  if (t.is(i, LATIN)) return upper(t, i) && !(bits & STOP);
  return t.bareSkip[i]! > 0 && (BARE.get(t.bare[i]!) & (GIVEN | FAMILY)) !== 0;
}

export function findPersons(text: string): Candidate[] {
  const t = tokenize(text);
  const out: Candidate[] = [];
  let i = 0;
  while (i < t.count) {
    if (!(t.interest[i]! & WATCH_PERSON) && !(t.is(i, LATIN) && upper(t, i))) {
      i++;
      continue;
    }
    const bits = bitsOf(t, i);
    if (bits & CUE || (t.bareSkip[i]! > 0 && BARE.get(t.bare[i]!) & CUE)) {
      const cue = cueAt(t, i);
      const found = cue && (cue.kind !== 'title' || !afterPlaceWord(t, i)) && afterCue(t, cue.kind, cue.next);
      if (found) {
        out.push(found);
        while (i < t.count && t.start[i]! < found.end) i++;
        continue;
      }
    }
    if (!mayStart(t, i, bits)) {
      i++;
      continue;
    }
    const cased = !t.is(i, LATIN) || upper(t, i);
    const run = runAt(t, i, PROCLITIC | (cased ? 0 : LOWER), 5);
    if (!run) {
      i++;
      continue;
    }
    const score = compositionScore(run.units, t.is(i, ARABIC), !cased);
    if (score > 0 && !run.regnal && !afterPlaceWord(t, i) && !districtName(t, run))
      out.push(candidate(t, run, score, 'gazetteer'));
    i = run.to;
  }
  return out;
}

export const person: Recognizer = {
  entity: 'PERSON',
  patterns: [],
  context: [],
  find: findPersons,
};
