import type { ChatMessage } from './spec.js';

/** The text of a message, whether its content is a string or a list of parts (only text parts count). */
export function messageText(message: ChatMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => (typeof part.text === 'string' ? part.text : '')).join(' ');
}

/**
 * Adds a system message of the platform's after the application's own leading system and developer messages:
 * its instructions come first, and ours sit closest to the conversation.
 */
export function withPlatformInstruction(messages: readonly ChatMessage[], content: string): ChatMessage[] {
  const at = messages.findIndex((m) => m.role !== 'system' && m.role !== 'developer');
  const position = at < 0 ? messages.length : at;
  return [...messages.slice(0, position), { role: 'system', content }, ...messages.slice(position)];
}
