/**
 * Instructions aimed at a model, hidden in content it will read (indirect prompt injection): a first line of
 * defence by phrase, in the platform's languages. A retrieved passage that matches is quarantined, never shown
 * to a model. The guardrails work grows this into a classifier; the phrases stay as its high-precision core.
 */
const PATTERNS: readonly RegExp[] = [
  // English
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(previous|prior|above|earlier|all|any|your)\b.{0,20}\b(instructions?|prompts?|rules|directives)\b/iu,
  /\byou are now\b.{0,60}\b(assistant|ai|model|chatbot|dan|unrestricted|jailbroken)\b/iu,
  /\b(reveal|print|show|repeat|output)\b.{0,30}\b(system prompt|hidden instructions|your instructions)\b/iu,
  /\bnew instructions?\s*:/iu,
  // French
  /\b(ignore[rz]?|oublie[rz]?|ne tiens pas compte)\b.{0,40}\b(instructions?|consignes?)\b.{0,30}(précédentes?|ci-dessus|antérieures?)/iu,
  /\b(révèle|affiche|répète)\b.{0,30}\b(prompt système|instructions? (cachées?|système))\b/iu,
  /\btu es (désormais|maintenant)\b.{0,40}\b(assistant|modèle|ia)\b/iu,
  // Arabic and Darija
  /(تجاهل|انس|اتجاهل|نسا)\s.{0,30}(التعليمات|الأوامر|التوجيهات|القواعد)/u,
  /(اكشف|اعرض|كرر)\s.{0,30}(التعليمات|موجه النظام)/u,
  /\b(nsa|tjahel)\b.{0,30}\b(ta3limat|lqawa3id)\b/iu,
  // Chat-template tokens have no business in an official text.
  /<\|(im_start|im_end|system|assistant|user)\|>|\[\/?INST\]|<<SYS>>/u,
];

/** The first phrase that looks like an instruction to a model, or undefined. */
export function findInjection(text: string): string | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0].slice(0, 80);
  }
  return undefined;
}
