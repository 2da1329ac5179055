/**
 * Error classes shared by the whole library. Every message says where the problem is, what was
 * expected, what was found and, where one exists, how to fix it.
 *
 * @example
 * throw new ShapeError(`matmul: inner dimensions differ: [2, 3] x [4, 5]`);
 */

/** Base class, so that callers can catch everything the library throws on bad input. */
export class ConvnetError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A tensor has a shape (or rank) that does not fit the operation. */
export class ShapeError extends ConvnetError {}

/** An argument has a value outside what is accepted (unknown name, negative size...). */
export class ValueError extends ConvnetError {}

/** A file or stream could not be read or written, or its content is not what it should be. */
export class IoError extends ConvnetError {}

/** A feature that exists in Keras but not (yet) here; the message names what is missing. */
export class NotSupportedError extends ConvnetError {}
