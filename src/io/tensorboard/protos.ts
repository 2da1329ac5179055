/**
 * Encoders for the few TensorBoard protobuf messages an event file needs: Event, Summary,
 * Summary.Value, SummaryMetadata, TensorProto and HistogramProto (field numbers from
 * tensorboard/compat/proto/*.proto). Only encoding is needed, so the messages are written
 * field by field with protobufjs' low-level Writer instead of generated classes.
 *
 * @example
 * const bytes = encodeEvent({ wallTime: 1700000000, step: 1, summary: [
 *   { tag: 'epoch_loss', tensor: { dtype: DataType.float, shape: [], floatVal: [0.5] } }] });
 */
import protobuf from 'protobufjs/minimal.js';

type Writer = protobuf.Writer;

/** TensorFlow DataType enum values used here. */
export const DataType = { float: 1, double: 2, int32: 3, string: 7, int64: 9 } as const;

/** SummaryMetadata.data_class values. */
export const DataClass = { unknown: 0, scalar: 1, tensor: 2, blobSequence: 3 } as const;

export interface TensorMessage {
  dtype: number;
  shape: readonly number[];
  /** Packed float_val (field 5). */
  floatVal?: readonly number[];
  /** Raw little-endian bytes (field 4). */
  tensorContent?: Uint8Array;
  /** string_val (field 8), e.g. a model config as JSON. */
  stringVal?: readonly Uint8Array[];
}

export interface SummaryMetadataMessage {
  pluginName: string;
  /** Plugin-specific serialized data; written even when empty, as TensorFlow does. */
  content?: Uint8Array;
  dataClass?: number;
}

export interface HistogramMessage {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  bucketLimit: readonly number[];
  bucket: readonly number[];
}

export interface ValueMessage {
  tag: string;
  simpleValue?: number;
  histo?: HistogramMessage;
  tensor?: TensorMessage;
  metadata?: SummaryMetadataMessage;
}

export interface EventMessage {
  /** Seconds since the Unix epoch. */
  wallTime: number;
  step?: number;
  fileVersion?: string;
  graphDef?: Uint8Array;
  summary?: readonly ValueMessage[];
}

// A field key is (field number << 3) | wire type: 0 varint, 1 64-bit, 2 length-delimited, 5 32-bit.
const key = (field: number, wire: number): number => (field << 3) | wire;

/** Serializes an Event (tensorboard/compat/proto/event.proto). */
export function encodeEvent(event: EventMessage): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32(key(1, 1)).double(event.wallTime);
  if (event.step !== undefined && event.step !== 0) w.uint32(key(2, 0)).int64(event.step);
  if (event.fileVersion !== undefined) w.uint32(key(3, 2)).string(event.fileVersion);
  if (event.graphDef !== undefined) w.uint32(key(4, 2)).bytes(event.graphDef);
  if (event.summary !== undefined) {
    w.uint32(key(5, 2)).fork();
    for (const value of event.summary) writeValue(w.uint32(key(1, 2)).fork(), value).ldelim();
    w.ldelim();
  }
  return w.finish();
}

function writeValue(w: Writer, v: ValueMessage): Writer {
  w.uint32(key(1, 2)).string(v.tag);
  if (v.simpleValue !== undefined) w.uint32(key(2, 5)).float(v.simpleValue);
  if (v.histo !== undefined) writeHistogram(w.uint32(key(5, 2)).fork(), v.histo).ldelim();
  if (v.tensor !== undefined) writeTensor(w.uint32(key(8, 2)).fork(), v.tensor).ldelim();
  if (v.metadata !== undefined) writeMetadata(w.uint32(key(9, 2)).fork(), v.metadata).ldelim();
  return w;
}

function writeTensor(w: Writer, t: TensorMessage): Writer {
  w.uint32(key(1, 0)).int32(t.dtype);
  // TensorShapeProto { repeated Dim dim = 2 { int64 size = 1 } }; a scalar has no dims
  w.uint32(key(2, 2)).fork();
  for (const size of t.shape) {
    w.uint32(key(2, 2)).fork();
    if (size !== 0) w.uint32(key(1, 0)).int64(size);
    w.ldelim();
  }
  w.ldelim();
  if (t.tensorContent !== undefined) w.uint32(key(4, 2)).bytes(t.tensorContent);
  if (t.floatVal !== undefined && t.floatVal.length > 0) {
    w.uint32(key(5, 2)).fork();
    for (const x of t.floatVal) w.float(x);
    w.ldelim();
  }
  for (const s of t.stringVal ?? []) w.uint32(key(8, 2)).bytes(s);
  return w;
}

function writeMetadata(w: Writer, m: SummaryMetadataMessage): Writer {
  w.uint32(key(1, 2)).fork();
  w.uint32(key(1, 2)).string(m.pluginName);
  w.uint32(key(2, 2)).bytes(m.content ?? new Uint8Array(0));
  w.ldelim();
  if (m.dataClass !== undefined && m.dataClass !== 0) w.uint32(key(4, 0)).int32(m.dataClass);
  return w;
}

function writeHistogram(w: Writer, h: HistogramMessage): Writer {
  w.uint32(key(1, 1)).double(h.min);
  w.uint32(key(2, 1)).double(h.max);
  w.uint32(key(3, 1)).double(h.num);
  w.uint32(key(4, 1)).double(h.sum);
  w.uint32(key(5, 1)).double(h.sumSquares);
  for (const [field, list] of [[6, h.bucketLimit], [7, h.bucket]] as const) {
    w.uint32(key(field, 2)).fork();
    for (const x of list) w.double(x);
    w.ldelim();
  }
  return w;
}
