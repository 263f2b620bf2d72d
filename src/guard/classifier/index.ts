/**
 * The guard's compact classifier: scores a text for prompt injection, jailbreak and harmful content in the
 * platform's languages, in process, in well under a millisecond. Its model card, with data, licences and
 * held-out scores, is models/guard-classifier.md; it is trained by scripts/guard/train-classifier.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLASSIFIER_LABELS, GuardModel, sigmoid, type ClassifierScores } from './model.js';

export { CLASSIFIER_LABELS, type ClassifierLabel, type ClassifierScores } from './model.js';

export interface GuardClassifier {
  /** The model's version, as findings cite it (`classifier@<version>`). */
  version: string;
  /** Calibrated probabilities per label; deterministic, synchronous. */
  classify(text: string): ClassifierScores;
}

/** The shipped model. The path holds from src/ (tsx) and from dist/ (compiled) alike. */
export const DEFAULT_MODEL_FILE = fileURLToPath(
  new URL('../../../models/guard-classifier.bin', import.meta.url),
);

export function guardClassifierFrom(model: GuardModel): GuardClassifier {
  const logits = new Float64Array(CLASSIFIER_LABELS.length);
  const { slope, intercept } = model.header;
  const probability = (l: number) => sigmoid(slope[l]! * logits[l]! + intercept[l]!);
  return {
    version: model.header.version,
    classify(text) {
      model.logits(text, logits);
      return { prompt_injection: probability(0), jailbreak: probability(1), harmful_content: probability(2) };
    },
  };
}

const loaded = new Map<string, GuardClassifier>();

/** The classifier of a model file (the shipped one by default), read once per file on first use. */
export function loadGuardClassifier(file: string = DEFAULT_MODEL_FILE): GuardClassifier {
  let classifier = loaded.get(file);
  if (!classifier) {
    classifier = guardClassifierFrom(GuardModel.fromBuffer(readFileSync(file)));
    loaded.set(file, classifier);
  }
  return classifier;
}
