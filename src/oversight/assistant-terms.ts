/**
 * `GET /v1/assistant`: what a citizen is told before their first message, and where their consent stands.
 * Dependency-free, so the web assistant reads the very shape the server sends.
 */
export interface AssistantTerms {
  object: 'mizan.assistant';
  application: string;
  risk_tier: string | null;
  ai_label: boolean;
  /** The transparency notice in the reader's language; null when the application's tier requires none. */
  notice: string | null;
  consent: { required: boolean; given_at: string | null };
}
