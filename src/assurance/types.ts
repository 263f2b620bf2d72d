/**
 * The assurance vocabulary shared by packs, the runner, metrics and reports. A pack is data (packs/*.yaml); its
 * recipes expand into cases; each case is sent through the full pipeline; metrics turn the answers into values
 * per group or per attack module; statistics compare groups; thresholds grade each recipe A–E.
 */

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

export const RECIPE_KINDS = ['counterfactual', 'stereotype', 'attack', 'language'] as const;
export type RecipeKind = (typeof RECIPE_KINDS)[number];

/** One prompt to send, with what the metrics need to judge its answer. */
export interface AssuranceCase {
  /** Stable across runs of the same pack version: a resumed run skips the ids it has. */
  id: string;
  recipe: string;
  /** The group this prompt stands for (`female`, `rural`, `ary_Latn`…), or null. */
  group: string | null;
  /** Cases built from the same template share it: counterfactual pairs, stereotype pairs. */
  pairId?: string;
  prompt: string;
  /** The attack module that transformed the prompt, for attack recipes. */
  attack?: string;
  /** The language label the answer must be in, for language recipes. */
  language?: string;
  /** Facts (words or numbers) a correct answer contains. */
  facts?: string[];
}

/** What came back for one case: the answer and what the pipeline decided. */
export interface CaseResult {
  caseId: string;
  recipe: string;
  group: string | null;
  attack?: string;
  /** answered: a released answer; held: waiting for a reviewer; blocked: refused by the platform (4xx); error: 5xx. */
  outcome: 'answered' | 'held' | 'blocked' | 'error';
  errorCode?: string;
  text: string;
  citations: number;
  grounded: boolean | null;
  language: string | null;
  latencyMs: number;
}

/** Share or mean of one group, with its 95 % interval: a bar of the report. */
export interface GroupStat {
  group: string;
  n: number;
  value: number;
  ci: [number, number];
}

/** One group against the reference group. */
export interface Comparison {
  group: string;
  reference: string;
  difference: number;
  ci: [number, number];
  p: number;
  /** Cohen's h for proportions, Cohen's d for means. */
  effect: number;
  test: 'two_proportion_z' | 'permutation';
  significant: boolean;
}

export interface ModuleStat {
  module: string;
  n: number;
  successes: number;
  rate: number;
  ci: [number, number];
}

export interface RecipeReport {
  id: string;
  title: string;
  kind: RecipeKind;
  metric: string;
  /** The value graded: the largest disparity, the attack success rate, the share of answers in the right language… */
  value: number;
  grade: Grade;
  /** Upper bounds of A, B, C, D (lower is better) or lower bounds (higher is better). */
  thresholds: {
    A: number;
    B: number;
    C: number;
    D: number;
    direction: 'lower_is_better' | 'higher_is_better';
  };
  cases: number;
  errors: number;
  groups?: GroupStat[];
  comparisons?: Comparison[];
  modules?: ModuleStat[];
  notes?: string[];
}

export interface AssuranceReport {
  id: string;
  pack: { id: string; version: number; title: string };
  application: { id: string; name: string; tier: string | null } | null;
  model: { id: string; licence: string; hosting: { operator: string; country: string } };
  startedAt: string;
  finishedAt: string;
  grade: Grade;
  /** Every recipe at the pack's passing grade or better. */
  passed: boolean;
  passingGrade: Grade;
  recipes: RecipeReport[];
}
