/**
 * Keras-style automatic names: the first Conv2D is 'conv2d', the next 'conv2d_1', and so on,
 * counted per snake_case prefix for the whole process until {@link resetNames}.
 *
 * @example
 * uniqueName('conv2d'); // 'conv2d', then 'conv2d_1'
 * resetNames();         // tests start from 'conv2d' again
 */
const counters = new Map<string, number>();

/** The next free name for `prefix`: the prefix itself, then prefix_1, prefix_2... */
export function uniqueName(prefix: string): string {
  const n = counters.get(prefix) ?? 0;
  counters.set(prefix, n + 1);
  return n === 0 ? prefix : `${prefix}_${n}`;
}

/** Forgets every name handed out so far (Keras' clear_session, for names). */
export function resetNames(): void {
  counters.clear();
}

/** 'MaxPooling2D' -> 'max_pooling2d', 'BatchNormalization' -> 'batch_normalization'. */
export function toSnakeCase(className: string): string {
  const spaced = className.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2');
  return spaced.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}
