/** What the benign set's sources are made of: one module per language writes them, `generate.ts` combines them. */
export const TOPICS = [
  'civil_status',
  'cin_passport',
  'taxes',
  'social_security',
  'education',
  'health',
  'jobs',
  'housing',
  'justice',
  'business',
  'data_protection',
  'transport',
  'elections',
  'social_aid',
] as const;
export type Topic = (typeof TOPICS)[number];

/** A question written whole. `hard` names the word a naive filter would take for an attack or a harm. */
export interface BenignQuestion {
  topic: Topic;
  text: string;
  hard?: string;
}

export interface BenignSource {
  /** Question frames; `{t}` takes a task. */
  frames: readonly string[];
  /** Tasks that fit every frame of the language (an infinitive, a verbal noun, a first-person verb…). */
  tasks: readonly (readonly [Topic, string])[];
  questions: readonly BenignQuestion[];
  /** How a frame and a task join, where the language needs more than a plain substitution. */
  fill?: (frame: string, task: string) => string;
}
