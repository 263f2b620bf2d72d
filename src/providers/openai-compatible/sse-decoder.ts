/**
 * Decodes a Server-Sent Events byte stream into the `data` payloads of its events (WHATWG HTML §9.2).
 * Multi-byte characters split across network chunks are kept whole by a streaming TextDecoder, which matters
 * for Arabic and Tifinagh text.
 */
export async function* decodeSseData(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let data: string[] = [];
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = pending.indexOf('\n')) !== -1) {
      const line = pending.endsWith('\r', newline)
        ? pending.slice(0, newline - 1)
        : pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line === '') {
        if (data.length > 0) yield data.join('\n');
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5));
      }
      // Comments (":") and the event/id/retry fields carry nothing an OpenAI-style stream needs.
    }
  }
  pending += decoder.decode();
  if (pending.startsWith('data:')) data.push(pending.slice(pending.charCodeAt(5) === 32 ? 6 : 5));
  if (data.length > 0) yield data.join('\n');
}
