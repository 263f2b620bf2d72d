import type { ChatMessage } from './spec.js';

/** The text of a message, whether its content is a string or a list of parts (only text parts count). */
export function messageText(message: ChatMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => (typeof part.text === 'string' ? part.text : '')).join(' ');
}
