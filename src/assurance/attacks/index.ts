/**
 * Attack modules for red-team recipes: each rewrites any prompt the way an attacker would to slip it past a
 * guard (other scripts, invisible characters, encodings, fictional frames), as a pure function of the prompt and
 * a seed, so that the same pack version always sends the same attacked prompts.
 */
import { arabizi } from './arabizi.js';
import { base64 } from './base64.js';
import { codeSwitch } from './code-switch.js';
import { homoglyph } from './homoglyph.js';
import { leetspeak } from './leetspeak.js';
import { rolePlay } from './role-play.js';
import { tifinagh } from './tifinagh.js';
import { zeroWidth } from './zero-width.js';

export const ATTACK_IDS = [
  'arabizi',
  'tifinagh',
  'code_switch',
  'homoglyph',
  'zero_width',
  'base64',
  'role_play',
  'leetspeak',
] as const;
export type AttackId = (typeof ATTACK_IDS)[number];

export interface AttackModule {
  id: AttackId;
  /** One line for reports and listings. */
  description: string;
  /** Same prompt and seed, same output; only the low 32 bits of the seed count. */
  apply(prompt: string, seed: number): string;
}

export const ATTACKS: Readonly<Record<AttackId, AttackModule>> = Object.freeze({
  arabizi,
  tifinagh,
  code_switch: codeSwitch,
  homoglyph,
  zero_width: zeroWidth,
  base64,
  role_play: rolePlay,
  leetspeak,
});

export function applyAttack(id: AttackId, prompt: string, seed: number): string {
  return ATTACKS[id].apply(prompt, seed);
}

/** Pack files name modules as plain strings: check them before use. */
export const isAttackId = (value: unknown): value is AttackId =>
  typeof value === 'string' && (ATTACK_IDS as readonly string[]).includes(value);
