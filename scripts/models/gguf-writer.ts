/**
 * A writer for GGUF, the file format of llama.cpp models (version 3, little-endian), enough to write f32 tensors
 * and the metadata a model needs. Layout, per ggml's docs/gguf.md: header (magic, version, tensor count, metadata
 * count), metadata key-value pairs, tensor infos, padding to the alignment, then each tensor's data, aligned.
 */

const GGUF_MAGIC = 'GGUF';
const GGUF_VERSION = 3;
/** `general.alignment`'s default: tensor data starts, and each tensor begins, at a multiple of this. */
const ALIGNMENT = 32;

/** Value types of metadata (gguf_metadata_value_type). */
const ValueType = {
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
} as const;

/** ggml_type of a tensor's elements: only f32 is written here. */
const GGML_TYPE_F32 = 0;

export type MetadataValue =
  | { type: 'uint32'; value: number }
  | { type: 'float32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'string[]'; value: readonly string[] }
  | { type: 'float32[]'; value: readonly number[] }
  | { type: 'int32[]'; value: readonly number[] };

export interface Tensor {
  name: string;
  /** ggml order: the first dimension varies fastest (for a weight matrix, its input size). */
  dims: readonly number[];
  data: Float32Array;
}

/** Grows a buffer as values are appended. */
class ByteSink {
  private buffer = Buffer.alloc(1 << 16);
  length = 0;

  /** Returns where the bytes go; it may replace `buffer`, so callers take the offset before writing. */
  private reserve(bytes: number): number {
    if (this.length + bytes > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + bytes));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    const at = this.length;
    this.length += bytes;
    return at;
  }

  u32(value: number) {
    const at = this.reserve(4);
    this.buffer.writeUInt32LE(value, at);
  }
  i32(value: number) {
    const at = this.reserve(4);
    this.buffer.writeInt32LE(value, at);
  }
  u64(value: number) {
    const at = this.reserve(8);
    this.buffer.writeBigUInt64LE(BigInt(value), at);
  }
  f32(value: number) {
    const at = this.reserve(4);
    this.buffer.writeFloatLE(value, at);
  }
  bool(value: boolean) {
    const at = this.reserve(1);
    this.buffer.writeUInt8(value ? 1 : 0, at);
  }
  bytes(value: Uint8Array) {
    const at = this.reserve(value.length);
    this.buffer.set(value, at);
  }
  /** gguf_string_t: a u64 byte length, then UTF-8 without a terminator. */
  string(value: string) {
    const encoded = Buffer.from(value, 'utf8');
    this.u64(encoded.length);
    this.bytes(encoded);
  }
  padTo(alignment: number) {
    this.reserve((alignment - (this.length % alignment)) % alignment);
  }
  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

function writeValue(sink: ByteSink, value: MetadataValue) {
  switch (value.type) {
    case 'uint32':
      sink.u32(ValueType.uint32);
      return sink.u32(value.value);
    case 'float32':
      sink.u32(ValueType.float32);
      return sink.f32(value.value);
    case 'bool':
      sink.u32(ValueType.bool);
      return sink.bool(value.value);
    case 'string':
      sink.u32(ValueType.string);
      return sink.string(value.value);
    case 'string[]':
      writeArrayHeader(sink, ValueType.string, value.value.length);
      return value.value.forEach((item) => sink.string(item));
    case 'float32[]':
      writeArrayHeader(sink, ValueType.float32, value.value.length);
      return value.value.forEach((item) => sink.f32(item));
    case 'int32[]':
      writeArrayHeader(sink, ValueType.int32, value.value.length);
      return value.value.forEach((item) => sink.i32(item));
  }
}

function writeArrayHeader(sink: ByteSink, elementType: number, count: number) {
  sink.u32(ValueType.array);
  sink.u32(elementType);
  sink.u64(count);
}

const alignUp = (offset: number) => Math.ceil(offset / ALIGNMENT) * ALIGNMENT;

/** The bytes of a GGUF file holding `metadata` and `tensors` (f32), in the order given. */
export function encodeGguf(metadata: ReadonlyMap<string, MetadataValue>, tensors: readonly Tensor[]): Buffer {
  const sink = new ByteSink();
  sink.bytes(Buffer.from(GGUF_MAGIC, 'ascii'));
  sink.u32(GGUF_VERSION);
  sink.u64(tensors.length);
  sink.u64(metadata.size);
  for (const [key, value] of metadata) {
    sink.string(key);
    writeValue(sink, value);
  }

  let offset = 0;
  for (const tensor of tensors) {
    const elements = tensor.dims.reduce((product, dim) => product * dim, 1);
    if (elements !== tensor.data.length) {
      throw new Error(`tensor ${tensor.name}: dims hold ${elements} values, data has ${tensor.data.length}`);
    }
    sink.string(tensor.name);
    sink.u32(tensor.dims.length);
    for (const dim of tensor.dims) sink.u64(dim);
    sink.u32(GGML_TYPE_F32);
    sink.u64(offset);
    offset = alignUp(offset + tensor.data.byteLength);
  }

  sink.padTo(ALIGNMENT);
  for (const tensor of tensors) {
    sink.bytes(new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    sink.padTo(ALIGNMENT);
  }
  return sink.toBuffer();
}
