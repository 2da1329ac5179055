/**
 * The kernel interface. Ops (src/ops) check shapes, allocate outputs and record gradients;
 * kernels only compute, on flat row-major typed arrays, and assume valid arguments.
 *
 * The reference backend (reference/) implements every kernel in plain TypeScript and is the
 * oracle in tests. A fast backend (WebAssembly SIMD on worker threads) overrides the kernels
 * where it pays and inherits the rest. Arrays passed in are views of the shared tensor heap,
 * so a WebAssembly kernel finds its operands at `array.byteOffset` with no copy.
 */

/** Geometry of a 2-D convolution, NHWC input, HWIO filter, NHWC output. */
export interface Conv2DGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  kernelHeight: number;
  kernelWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  /** Zero rows added above the input ('same' padding puts the smaller half here). */
  padTop: number;
  /** Zero columns added left of the input. */
  padLeft: number;
}

/** Geometry of 2-D pooling over NHWC input; windows never include padding values. */
export interface Pool2DGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  channels: number;
  outHeight: number;
  outWidth: number;
  poolHeight: number;
  poolWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

export type UnaryKernel =
  | 'neg' | 'exp' | 'log' | 'sqrt' | 'square' | 'abs' | 'relu' | 'sigmoid' | 'tanh'
  | 'sign' | 'reciprocal' | 'floor' | 'round' | 'elu' | 'selu' | 'softplus' | 'softsign'
  | 'gelu' | 'swish' | 'log1p' | 'expm1' | 'step';

export type BinaryKernel = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum'
  | 'equal' | 'greater' | 'less' | 'squaredDifference';

export type ReduceKernel = 'sum' | 'max' | 'min' | 'prod';

export interface Backend {
  readonly name: string;

  /** out[i] = f(x[i]). `out` may be `x`. */
  unary(kind: UnaryKernel, x: Float32Array, out: Float32Array): void;

  /**
   * out = a (op) b with NumPy broadcasting. Shapes are already broadcast-compatible and
   * `outShape` is their broadcast shape. All three arrays are row-major.
   */
  binary(kind: BinaryKernel, a: Float32Array, aShape: readonly number[], b: Float32Array,
    bShape: readonly number[], out: Float32Array, outShape: readonly number[]): void;

  /**
   * Reduces x viewed as [outer, axisLen, inner] over the middle axis into out [outer, inner].
   * Multi-axis reductions are done by the ops as a sequence of these.
   */
  reduce(kind: ReduceKernel, x: Float32Array, outer: number, axisLen: number, inner: number,
    out: Float32Array): void;

  /** Index of the maximum over the middle axis of x [outer, axisLen, inner] (first wins). */
  argMax(x: Float32Array, outer: number, axisLen: number, inner: number, out: Int32Array): void;

  /**
   * Batched matrix product: for each of `batch` matrices, out[m,n] = op(a)[m,k] · op(b)[k,n],
   * where op transposes when the flag is set (a is then stored [k,m], b [n,k]). A batch
   * stride of 0 reuses the same matrix for every batch entry (broadcast).
   */
  matmul(a: Float32Array, b: Float32Array, out: Float32Array, batch: number, m: number, k: number,
    n: number, transposeA: boolean, transposeB: boolean, strideA: number, strideB: number): void;

  /** out = x with axes permuted: out.shape[i] = shape[perm[i]]. */
  transpose(x: Float32Array | Int32Array, shape: readonly number[], perm: readonly number[],
    out: Float32Array | Int32Array): void;

  /** y [n,oh,ow,cOut] = conv(x [n,h,w,cIn], w [kh,kw,cIn,cOut]) (cross-correlation). */
  conv2d(x: Float32Array, w: Float32Array, y: Float32Array, g: Conv2DGeometry): void;

  /** dx [n,h,w,cIn] from dy [n,oh,ow,cOut] and w [kh,kw,cIn,cOut]. Overwrites dx. */
  conv2dBackpropInput(dy: Float32Array, w: Float32Array, dx: Float32Array, g: Conv2DGeometry): void;

  /** dw [kh,kw,cIn,cOut] from x [n,h,w,cIn] and dy [n,oh,ow,cOut]. Overwrites dw. */
  conv2dBackpropFilter(x: Float32Array, dy: Float32Array, dw: Float32Array, g: Conv2DGeometry): void;

  /**
   * y [n,oh,ow,c] = max over each window; `argMax` receives, per output, the flat index into
   * x of the winning element (first maximum in row-major window order), for the backward pass.
   */
  maxPool2d(x: Float32Array, y: Float32Array, argMax: Int32Array, g: Pool2DGeometry): void;

  /** dx = 0, then dx[argMax[i]] += dy[i]. */
  maxPool2dBackprop(dy: Float32Array, argMax: Int32Array, dx: Float32Array): void;

  /** y = mean over each window, counting only positions inside the input. */
  avgPool2d(x: Float32Array, y: Float32Array, g: Pool2DGeometry): void;

  /** dx from dy for {@link avgPool2d}. Overwrites dx. */
  avgPool2dBackprop(dy: Float32Array, dx: Float32Array, g: Pool2DGeometry): void;

  /** Row-wise softmax of x [rows, cols]; numerically stable (max subtracted). */
  softmax(x: Float32Array, out: Float32Array, rows: number, cols: number): void;

  /** Row-wise log-softmax of x [rows, cols]; numerically stable. */
  logSoftmax(x: Float32Array, out: Float32Array, rows: number, cols: number): void;

  /** out[r, c] = x[r, c] + bias[c], then the activation if given ('relu' or 'linear'). */
  biasAdd(x: Float32Array, bias: Float32Array, out: Float32Array, rows: number, cols: number,
    activation: 'linear' | 'relu'): void;
}
