import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSseData } from './sse-decoder.js';

const encoder = new TextEncoder();

/** Feeds the decoder the given byte chunks, as a network body would, and collects every event's data. */
async function decode(chunks: Uint8Array[]): Promise<string[]> {
  async function* body(): AsyncGenerator<Uint8Array> {
    for (const chunk of chunks) yield chunk;
  }
  const events: string[] = [];
  for await (const data of decodeSseData(body())) events.push(data);
  return events;
}

const decodeText = (text: string) => decode([encoder.encode(text)]);

/** An OpenAI-style stream whose payloads hold Arabic (2-byte), Tifinagh (3-byte) and emoji (4-byte) text. */
const MULTILINGUAL_STREAM =
  'data: {"delta":"باش تجدد البطاقة"}\n\n' +
  ': keep-alive comment\n\n' +
  'data: {"delta":"ⵜⴰⵎⴰⵣⵉⵖⵜ ✓ 🇲🇦"}\n\n' +
  'data: [DONE]\n\n';
const MULTILINGUAL_EVENTS = ['{"delta":"باش تجدد البطاقة"}', '{"delta":"ⵜⴰⵎⴰⵣⵉⵖⵜ ✓ 🇲🇦"}', '[DONE]'];

describe('decodeSseData with an OpenAI-style stream', () => {
  it('yields each event data when the stream arrives in one chunk', async () => {
    assert.deepEqual(await decodeText(MULTILINGUAL_STREAM), MULTILINGUAL_EVENTS);
  });

  it('yields the same events when the bytes are split in two at every offset', async () => {
    const bytes = encoder.encode(MULTILINGUAL_STREAM);
    for (let at = 0; at <= bytes.length; at++) {
      const events = await decode([bytes.subarray(0, at), bytes.subarray(at)]);
      assert.deepEqual(events, MULTILINGUAL_EVENTS, `split at byte ${at}`);
    }
  });

  it('yields the same events when every byte arrives alone, multi-byte characters included', async () => {
    const bytes = encoder.encode(MULTILINGUAL_STREAM);
    const events = await decode(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)));
    assert.deepEqual(events, MULTILINGUAL_EVENTS);
  });

  it('strips the carriage returns when lines end in CRLF, even when CR and LF arrive apart', async () => {
    const text = 'data: {"delta":"سلام"}\r\n\r\ndata: [DONE]\r\n\r\n';
    assert.deepEqual(await decodeText(text), ['{"delta":"سلام"}', '[DONE]']);
    const bytes = encoder.encode(text);
    for (let at = 0; at <= bytes.length; at++) {
      const events = await decode([bytes.subarray(0, at), bytes.subarray(at)]);
      assert.deepEqual(events, ['{"delta":"سلام"}', '[DONE]'], `split at byte ${at}`);
    }
  });

  it('joins data lines with a newline when one event has several data lines', async () => {
    assert.deepEqual(await decodeText('data: first\ndata: second\ndata:third\n\n'), ['first\nsecond\nthird']);
  });

  it('removes only one leading space when a data value starts with spaces', async () => {
    assert.deepEqual(await decodeText('data:   indented\n\n'), ['  indented']);
  });

  it('ignores comments and event, id and retry fields when they surround the data', async () => {
    const text = ': ping\nevent: message\nid: 7\nretry: 1000\ndata: kept\n\n:only a comment\n\n';
    assert.deepEqual(await decodeText(text), ['kept']);
  });

  it('yields nothing for an event without data when only blank lines separate events', async () => {
    assert.deepEqual(await decodeText('\n\n\ndata: a\n\n\n\ndata: b\n\n'), ['a', 'b']);
  });

  it('yields the last event when the stream ends without its blank line', async () => {
    assert.deepEqual(await decodeText('data: a\n\ndata: last'), ['a', 'last']);
    assert.deepEqual(await decodeText('data: a\n\ndata: last\n'), ['a', 'last']);
    assert.deepEqual(await decodeText('data: one\ndata: two'), ['one\ntwo']);
  });

  it('yields nothing when the stream is empty', async () => {
    assert.deepEqual(await decode([]), []);
    assert.deepEqual(await decodeText(''), []);
  });
});
