/**
 * A tiny llama-architecture chat model with random weights, for tests of the in-process engine: two layers, a
 * 64-wide embedding and a SentencePiece-style vocabulary of the ChatML control tokens, the 256 byte tokens (so any
 * text can be tokenized) and a few words. Its output head gives the control and byte tokens zero weight and the
 * words random ones: generation is a fluent-looking stream of words that never ends on its own, so `max_tokens`,
 * stop sequences and cancellation are what end it. It is generated, never downloaded; the weights come from a
 * seeded generator, so the same seed writes the same file.
 */

import { encodeGguf, type MetadataValue, type Tensor } from './gguf-writer.js';

/** The ChatML template, as Qwen and many fine-tunes ship it in `tokenizer.chat_template`. */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** SentencePiece's word-boundary marker, which decodes to a space. */
const WORD_START = '\u2581';

const WORDS = [
  'salam',
  'marhba',
  'bonjour',
  'merci',
  'service',
  'public',
  'bureau',
  'document',
  'demande',
  'citoyen',
  'commune',
  'formulaire',
  'rendez-vous',
  'guichet',
  'ouvert',
  'matin',
  'the',
  'office',
  'opens',
  'today',
  'please',
  'bring',
  'form',
  'and',
  'wait',
  'your',
  'turn',
  'de',
  'la',
  'le',
  'un',
  'une',
  'avec',
  'pour',
];

/** llama_token_type values, as llama.cpp reads them from `tokenizer.ggml.token_type`. */
const TokenType = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

const SPECIAL_TOKENS = [
  { text: '<unk>', type: TokenType.unknown },
  { text: '<s>', type: TokenType.control },
  { text: '</s>', type: TokenType.control },
  { text: '<|im_start|>', type: TokenType.control },
  { text: '<|im_end|>', type: TokenType.control },
] as const;
const UNKNOWN_ID = 0;
const BOS_ID = 1;
const END_OF_TURN_ID = 4;

export interface TinyModelShape {
  embedding: number;
  layers: number;
  heads: number;
  feedForward: number;
  /** The longest context the model declares (`llama.context_length`). */
  contextLength: number;
}

export const TINY_MODEL_SHAPE: TinyModelShape = {
  embedding: 64,
  layers: 2,
  heads: 4,
  feedForward: 128,
  contextLength: 2048,
};

interface Vocabulary {
  tokens: string[];
  scores: number[];
  types: number[];
  /** Tokens the output head may choose. */
  generable: boolean[];
}

function buildVocabulary(): Vocabulary {
  const vocabulary: Vocabulary = { tokens: [], scores: [], types: [], generable: [] };
  const add = (text: string, type: number, score: number, generable: boolean) => {
    vocabulary.tokens.push(text);
    vocabulary.types.push(type);
    vocabulary.scores.push(score);
    vocabulary.generable.push(generable);
  };
  for (const special of SPECIAL_TOKENS) add(special.text, special.type, 0, false);
  for (let byte = 0; byte < 256; byte++) {
    add(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`, TokenType.byte, 0, false);
  }
  // SentencePiece merges the best-scored pieces first: longer pieces score higher, so words win over letters.
  add(WORD_START, TokenType.normal, -10, false);
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') add(letter, TokenType.normal, -9, false);
  for (const word of WORDS) add(WORD_START + word, TokenType.normal, -1 / word.length, true);
  return vocabulary;
}

/** mulberry32: a small seeded generator, so that a seed always gives the same weights. */
function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Normal draws by the Box–Muller transform. */
function seededNormal(seed: number): (deviation: number) => number {
  const uniform = seededUniform(seed);
  return (deviation) => {
    const u = 1 - uniform();
    return deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** The metadata and tensors of the model, in the names llama.cpp's llama architecture loads. */
export function tinyChatModel(seed = 1, shape: TinyModelShape = TINY_MODEL_SHAPE) {
  const vocabulary = buildVocabulary();
  const vocabularySize = vocabulary.tokens.length;
  const normal = seededNormal(seed);
  const random = (dims: number[], deviation: number): Tensor['data'] =>
    Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => normal(deviation));
  const ones = (size: number) => new Float32Array(size).fill(1);
  const { embedding, feedForward } = shape;
  // Layer weights large enough that attention over earlier tokens shapes the next word, so the text varies.
  const layerDeviation = 0.3;
  // Output rows are the words' logits: a wide spread makes the choice nearly greedy even when sampling.
  const outputDeviation = 0.6;

  const output = new Float32Array(embedding * vocabularySize);
  vocabulary.generable.forEach((generable, token) => {
    if (!generable) return;
    for (let i = 0; i < embedding; i++) output[token * embedding + i] = normal(outputDeviation);
  });

  const tensors: Tensor[] = [
    {
      name: 'token_embd.weight',
      dims: [embedding, vocabularySize],
      data: random([embedding, vocabularySize], 1),
    },
    { name: 'output_norm.weight', dims: [embedding], data: ones(embedding) },
    { name: 'output.weight', dims: [embedding, vocabularySize], data: output },
  ];
  for (let layer = 0; layer < shape.layers; layer++) {
    const matrix = (name: string, inputs: number, outputs: number): Tensor => ({
      name: `blk.${layer}.${name}.weight`,
      dims: [inputs, outputs],
      // Scaled by 1/√inputs, so that each layer's outputs stay the size of its inputs.
      data: random([inputs, outputs], layerDeviation / Math.sqrt(inputs)),
    });
    tensors.push(
      { name: `blk.${layer}.attn_norm.weight`, dims: [embedding], data: ones(embedding) },
      matrix('attn_q', embedding, embedding),
      matrix('attn_k', embedding, embedding),
      matrix('attn_v', embedding, embedding),
      matrix('attn_output', embedding, embedding),
      { name: `blk.${layer}.ffn_norm.weight`, dims: [embedding], data: ones(embedding) },
      matrix('ffn_gate', embedding, feedForward),
      matrix('ffn_up', embedding, feedForward),
      matrix('ffn_down', feedForward, embedding),
    );
  }

  const u32 = (value: number): MetadataValue => ({ type: 'uint32', value });
  const metadata = new Map<string, MetadataValue>([
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: 'mizan-tiny-chat' }],
    ['general.file_type', u32(0)],
    ['llama.context_length', u32(shape.contextLength)],
    ['llama.embedding_length', u32(embedding)],
    ['llama.block_count', u32(shape.layers)],
    ['llama.feed_forward_length', u32(feedForward)],
    ['llama.attention.head_count', u32(shape.heads)],
    ['llama.attention.head_count_kv', u32(shape.heads)],
    ['llama.rope.dimension_count', u32(embedding / shape.heads)],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'float32', value: 1e-5 }],
    ['llama.vocab_size', u32(vocabularySize)],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'string[]', value: vocabulary.tokens }],
    ['tokenizer.ggml.scores', { type: 'float32[]', value: vocabulary.scores }],
    ['tokenizer.ggml.token_type', { type: 'int32[]', value: vocabulary.types }],
    ['tokenizer.ggml.bos_token_id', u32(BOS_ID)],
    ['tokenizer.ggml.eos_token_id', u32(END_OF_TURN_ID)],
    ['tokenizer.ggml.unknown_token_id', u32(UNKNOWN_ID)],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: false }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    ['tokenizer.chat_template', { type: 'string', value: CHATML_TEMPLATE }],
  ]);
  return { metadata, tensors };
}

/** The GGUF file of the tiny model. */
export function encodeTinyChatModel(seed = 1): Buffer {
  const { metadata, tensors } = tinyChatModel(seed);
  return encodeGguf(metadata, tensors);
}
