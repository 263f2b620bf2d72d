/**
 * The systems compared: Mizan's `identifyLanguage()` and the npm peers, each run offline from node_modules. A
 * system gives a raw answer (its own code) and maps it to one of our labels or `und`; the raw call is what the
 * speed test times.
 *
 * Mapping of the peers' codes (ISO 639-1, 639-3, or Lingua's English names), the same for every peer:
 * - `ary` → `ary_Arab` or `ary_Latn` by the dominant script of the text (no peer has Darija, so none says it);
 * - Arabic (`ar`, `ara`, `arb`, Lingua's `Arabic`) → `arb_Arab` on Arabic-script text, `und` otherwise (a peer
 *   has no romanized-Arabic class, and saying "Arabic" on Latin text is no claim of either of ours);
 * - Berber languages (`ber`, `tzm`, `zgh`, `kab`, `shi`, `rif`, `tmh`, `taq`, `thv`, `ttq`) → `zgh_Tfng` or
 *   `zgh_Latn` by the dominant script (`und` on Arabic-script text: we have no Tamazight-in-Arabic label);
 * - `fr`/`fra`/`fre`/`French` → `fra_Latn`, `en`/`eng`/`English` → `eng_Latn`;
 * - anything else, and no answer, → `und`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LABELS, dominantScript, repoRoot, type Label, type ScoredLabel } from './data.js';

export interface System {
  /** Name in the report. */
  name: string;
  version: string;
  /** Settings used, for the report. */
  settings: string;
  /** The scored labels its mapped answers can take (the others it can never get right). */
  labels: readonly ScoredLabel[];
  /** The library's own answer for `text` (its code, `''` for none). */
  detect(text: string): string;
  /** That answer as one of our labels or `und`. */
  map(raw: string, text: string): Label;
}

export const OURS = 'Mizan' as const;

/** Names accepted by `loadSystem`, in report order. */
export const SYSTEM_NAMES = [
  OURS,
  'franc-all',
  'franc-all (only)',
  'eld',
  'tinyld',
  'cld3-asm',
  '@bluzzi/lingua',
] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

const WITH_BERBER: readonly ScoredLabel[] = ['arb_Arab', 'zgh_Tfng', 'zgh_Latn', 'fra_Latn', 'eng_Latn'];
const WITHOUT_BERBER: readonly ScoredLabel[] = ['arb_Arab', 'fra_Latn', 'eng_Latn'];

const ARABIC_CODES = new Set(['ar', 'ara', 'arb', 'arabic']);
const BERBER_CODES = new Set(['ber', 'tzm', 'zgh', 'kab', 'shi', 'rif', 'tmh', 'taq', 'thv', 'ttq']);
const FRENCH_CODES = new Set(['fr', 'fra', 'fre', 'french']);
const ENGLISH_CODES = new Set(['en', 'eng', 'english']);

/** A peer's code (ISO 639-1/639-3 or an English language name) → our label, as described at the top. */
export function mapPeerCode(raw: string, text: string): Label {
  const code = raw.trim().toLowerCase();
  if (code === '') return 'und';
  if (FRENCH_CODES.has(code)) return 'fra_Latn';
  if (ENGLISH_CODES.has(code)) return 'eng_Latn';
  const script = dominantScript(text);
  if (code === 'ary') return script === 'Arab' ? 'ary_Arab' : script === 'Latn' ? 'ary_Latn' : 'und';
  if (ARABIC_CODES.has(code)) return script === 'Arab' ? 'arb_Arab' : 'und';
  if (BERBER_CODES.has(code)) return script === 'Tfng' ? 'zgh_Tfng' : script === 'Latn' ? 'zgh_Latn' : 'und';
  return 'und';
}

export function packageVersion(name: string): string {
  try {
    const json = JSON.parse(
      readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'),
    ) as {
      version?: string;
    };
    return json.version ?? '?';
  } catch {
    return '?';
  }
}

/** The languages of our label set that franc-all knows, for its `only` variant. */
export const FRANC_ONLY_CANDIDATES = ['ary', 'arb', 'zgh', 'tzm', 'kab', 'shi', 'rif', 'fra', 'eng'];

async function francLanguages(): Promise<Set<string>> {
  const { data } = await import('franc-all/data.js');
  const { expressions } = await import('franc-all/expressions.js');
  return new Set([...Object.values(data).flatMap((o) => Object.keys(o)), ...Object.keys(expressions)]);
}

/** Mizan's identifier; its model loads on the first call, so that call's time is part of its load time. */
async function loadOurs(): Promise<System> {
  const mod = await import('../../src/language/identify.js');
  return {
    name: OURS,
    version: 'working tree',
    settings: '`identifyLanguage(text)`',
    labels: LABELS,
    detect: (text) => mod.identifyLanguage(text).lang,
    map: (raw) => raw as Label,
  };
}

/** Loads one system (import and model set-up); throws when its package is missing or fails offline. */
export async function loadSystem(name: SystemName): Promise<System> {
  switch (name) {
    case OURS:
      return loadOurs();
    case 'franc-all': {
      const { franc } = await import('franc-all');
      return {
        name,
        version: packageVersion('franc-all'),
        labels: WITH_BERBER,
        settings: '`franc(text, { minLength: 1 })`, all 414 languages',
        detect: (text) => franc(text, { minLength: 1 }),
        map: mapPeerCode,
      };
    }
    case 'franc-all (only)': {
      const { franc } = await import('franc-all');
      const known = await francLanguages();
      const only = FRANC_ONLY_CANDIDATES.filter((c) => known.has(c));
      return {
        name: `franc-all (only: ${only.join(', ')})`,
        version: packageVersion('franc-all'),
        labels: WITH_BERBER,
        settings: `\`franc(text, { minLength: 1, only: [${only.map((c) => `'${c}'`).join(', ')}] })\`: of ${FRANC_ONLY_CANDIDATES.join(', ')}, the ones franc-all knows`,
        detect: (text) => franc(text, { minLength: 1, only }),
        map: mapPeerCode,
      };
    }
    case 'eld': {
      const { eld } = await import('eld/large');
      return {
        name,
        version: packageVersion('eld'),
        labels: WITHOUT_BERBER,
        settings:
          '`eld.detect(text).language`, the `eld/large` database (its most accurate), text clean-up off',
        detect: (text) => eld.detect(text).language,
        map: mapPeerCode,
      };
    }
    case 'tinyld': {
      const tiny = await import('tinyld/heavy');
      return {
        name,
        version: packageVersion('tinyld'),
        labels: WITH_BERBER,
        settings: '`detect(text)` of `tinyld/heavy` (its most accurate build, with Berber `ber`)',
        detect: (text) => tiny.detect(text),
        map: mapPeerCode,
      };
    }
    case 'cld3-asm': {
      const { loadModule } = await import('cld3-asm');
      const factory = await loadModule();
      const identifier = factory.create(0, 1024);
      return {
        name,
        version: packageVersion('cld3-asm'),
        labels: WITHOUT_BERBER,
        settings: '`create(0, 1024).findLanguage(text).language`, reliable or not',
        detect: (text) => identifier.findLanguage(text).language,
        map: mapPeerCode,
      };
    }
    case '@bluzzi/lingua': {
      const lingua = await import('@bluzzi/lingua');
      const builder = lingua.LanguageDetectorBuilder.fromAllLanguages().withPreloadedLanguageModels();
      const detector = builder.build();
      return {
        name,
        version: packageVersion('@bluzzi/lingua'),
        labels: WITHOUT_BERBER,
        settings:
          '`detectLanguageOf(text)`, all 75 languages, high-accuracy mode, models preloaded, minimum relative distance 0',
        detect: (text) => detector.detectLanguageOf(text) ?? '',
        map: mapPeerCode,
      };
    }
  }
}
