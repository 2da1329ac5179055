/**
 * TensorBoard event files: the writer the TensorBoard callback uses, and the pieces under it
 * (TFRecord framing, masked CRC-32C, protobuf encoders, histogram buckets) for custom logging.
 *
 * @example
 * import { tensorboard } from 'convnet-ts';
 * const w = new tensorboard.EventFileWriter('runs/custom/train');
 * w.addScalar('my_metric', 0.5, 0);
 * w.close();
 */
export { EventFileWriter, type EventFileWriterOptions } from './event-file-writer.js';
export { crc32c, maskCrc, maskedCrc32c } from './crc32c.js';
export { encodeRecord } from './record.js';
export {
  encodeEvent, DataType, DataClass, type EventMessage, type ValueMessage, type TensorMessage,
  type HistogramMessage, type SummaryMetadataMessage,
} from './protos.js';
export { histogramBuckets, DEFAULT_BUCKET_COUNT, type HistogramBuckets } from './histogram.js';
export { scalarValue, histogramValue, kerasModelValue } from './summary.js';
