import type { ChatHistoryItem } from 'node-llama-cpp';
import { messageText } from '../chat-messages.js';
import type { ChatMessage } from '../spec.js';

/**
 * The conversation in node-llama-cpp's form, which the model's own chat template then renders. The answer is
 * generated into the last model turn: an empty one, or the assistant message the client began (a prefill).
 * Tool results have no turn of their own here: they reach the model as user turns.
 */
export function toChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const history = messages.map((message): ChatHistoryItem => {
    const text = messageText(message);
    switch (message.role) {
      case 'system':
      case 'developer':
        return { type: 'system', text };
      case 'assistant':
        return { type: 'model', response: [text] };
      case 'user':
      case 'tool':
        return { type: 'user', text };
    }
  });
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}
