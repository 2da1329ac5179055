// Elementwise maps, broadcasting binary ops, bias + activation and reductions, vectorized.
// Kind numbers match UNARY_KINDS / BINARY_KINDS in src/kernels/wasm/elementwise.ts.

const NEG = 0, RELU = 1, SQUARE = 2, SQRT = 3, ABS = 4, STEP = 5, RECIPROCAL = 6;
const ADD = 0, SUB = 1, MUL = 2, DIV = 3, MAXIMUM = 4, MINIMUM = 5, GREATER = 6, LESS = 7;
const EQUAL = 8;

// @ts-ignore: decorator
@inline function unaryV(kind: i32, x: v128): v128 {
  const zero = f32x4.splat(0);
  switch (kind) {
    case NEG: return f32x4.neg(x);
    case RELU: return f32x4.max(x, zero); // max keeps NaN
    case SQUARE: return f32x4.mul(x, x);
    case SQRT: return f32x4.sqrt(x);
    case ABS: return f32x4.abs(x);
    case STEP: {
      const s = v128.bitselect(f32x4.splat(1), zero, f32x4.gt(x, zero));
      return v128.bitselect(x, s, f32x4.ne(x, x));
    }
    default: return f32x4.div(f32x4.splat(1), x);
  }
}

// @ts-ignore: decorator
@inline function unaryLoop(kind: i32, x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, unaryV(kind, v128.load(x + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const v = unaryV(kind, f32x4.splat(load<f32>(x + o)));
    store<f32>(out + o, f32x4.extract_lane(v, 0));
  }
}

/** out[i] = f(x[i]) for i < n. */
export function unary(kind: i32, x: usize, out: usize, n: i32): void {
  switch (kind) {
    case NEG: unaryLoop(NEG, x, out, n); break;
    case RELU: unaryLoop(RELU, x, out, n); break;
    case SQUARE: unaryLoop(SQUARE, x, out, n); break;
    case SQRT: unaryLoop(SQRT, x, out, n); break;
    case ABS: unaryLoop(ABS, x, out, n); break;
    case STEP: unaryLoop(STEP, x, out, n); break;
    default: unaryLoop(RECIPROCAL, x, out, n);
  }
}

// @ts-ignore: decorator
@inline function binaryV(kind: i32, a: v128, b: v128): v128 {
  switch (kind) {
    case ADD: return f32x4.add(a, b);
    case SUB: return f32x4.sub(a, b);
    case MUL: return f32x4.mul(a, b);
    case DIV: return f32x4.div(a, b);
    case MAXIMUM: return f32x4.max(a, b);
    case MINIMUM: return f32x4.min(a, b);
    // Comparisons give 1 or 0 (NaN compares false), as the reference does.
    case GREATER: return v128.and(f32x4.gt(a, b), f32x4.splat(1));
    case LESS: return v128.and(f32x4.lt(a, b), f32x4.splat(1));
    default: return v128.and(f32x4.eq(a, b), f32x4.splat(1));
  }
}

// @ts-ignore: decorator
@inline function binaryRow(kind: i32, a: usize, aOne: bool, b: usize, bOne: bool, out: usize,
  n: i32): void {
  const as = f32x4.splat(load<f32>(a)), bs = f32x4.splat(load<f32>(b));
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const av = aOne ? as : v128.load(a + o);
    const bv = bOne ? bs : v128.load(b + o);
    v128.store(out + o, binaryV(kind, av, bv));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const av = f32x4.splat(aOne ? load<f32>(a) : load<f32>(a + o));
    const bv = f32x4.splat(bOne ? load<f32>(b) : load<f32>(b + o));
    store<f32>(out + o, f32x4.extract_lane(binaryV(kind, av, bv), 0));
  }
}

// @ts-ignore: decorator
@inline function binaryRows(kind: i32, a: usize, aStep: i32, aOne: i32, b: usize, bStep: i32,
  bOne: i32, out: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const ap = a + (<usize>(r * aStep) << 2), bp = b + (<usize>(r * bStep) << 2);
    const op = out + (<usize>(r * cols) << 2);
    if (aOne != 0) binaryRow(kind, ap, true, bp, false, op, cols);
    else if (bOne != 0) binaryRow(kind, ap, false, bp, true, op, cols);
    else binaryRow(kind, ap, false, bp, false, op, cols);
  }
}

/**
 * out [rows, cols] = a (op) b. Row r of a starts aStep elements after row r-1 (0 repeats one
 * row); aOne != 0 means a holds one value per row, broadcast along it. Same for b.
 */
export function binary(kind: i32, a: usize, aStep: i32, aOne: i32, b: usize, bStep: i32,
  bOne: i32, out: usize, rows: i32, cols: i32): void {
  switch (kind) {
    case ADD: binaryRows(ADD, a, aStep, aOne, b, bStep, bOne, out, rows, cols); break;
    case SUB: binaryRows(SUB, a, aStep, aOne, b, bStep, bOne, out, rows, cols); break;
    case MUL: binaryRows(MUL, a, aStep, aOne, b, bStep, bOne, out, rows, cols); break;
    case DIV: binaryRows(DIV, a, aStep, aOne, b, bStep, bOne, out, rows, cols); break;
    case MAXIMUM: binaryRows(MAXIMUM, a, aStep, aOne, b, bStep, bOne, out, rows, cols); break;
    case MINIMUM: binaryRows(MINIMUM, a, aStep, aOne, b, bStep, bOne, out, rows, cols); break;
    case GREATER: binaryRows(GREATER, a, aStep, aOne, b, bStep, bOne, out, rows, cols); break;
    case LESS: binaryRows(LESS, a, aStep, aOne, b, bStep, bOne, out, rows, cols); break;
    default: binaryRows(EQUAL, a, aStep, aOne, b, bStep, bOne, out, rows, cols);
  }
}

/** out[r, c] = x[r, c] + bias[c] for rows r0..r1, then ReLU if relu != 0. */
export function biasAddRows(x: usize, bias: usize, out: usize, cols: i32, relu: i32, r0: i32,
  r1: i32): void {
  const zero = f32x4.splat(0);
  for (let r = r0; r < r1; r++) {
    const xp = x + (<usize>(r * cols) << 2), op = out + (<usize>(r * cols) << 2);
    let c = 0;
    for (; c + 4 <= cols; c += 4) {
      const o = <usize>c << 2;
      let v = f32x4.add(v128.load(xp + o), v128.load(bias + o));
      if (relu != 0) v = f32x4.max(v, zero);
      v128.store(op + o, v);
    }
    for (; c < cols; c++) {
      const o = <usize>c << 2;
      let v = load<f32>(xp + o) + load<f32>(bias + o);
      if (relu != 0 && v < 0) v = 0;
      store<f32>(op + o, v);
    }
  }
}

/** Sums (kind 0) or maxima (kind 1, NaN wins) of x [outer, axisLen, inner] over the middle axis. */
export function reduceMiddle(kind: i32, x: usize, outer: i32, axisLen: i32, inner: i32,
  out: usize): void {
  for (let o = 0; o < outer; o++) {
    const base = x + (<usize>(o * axisLen * inner) << 2);
    const dst = out + (<usize>(o * inner) << 2);
    if (kind == 0) memory.fill(dst, 0, <usize>inner << 2);
    else memory.copy(dst, base, <usize>inner << 2);
    for (let a = kind == 0 ? 0 : 1; a < axisLen; a++) {
      const row = base + (<usize>(a * inner) << 2);
      let i = 0;
      for (; i + 4 <= inner; i += 4) {
        const p = <usize>i << 2;
        const v = v128.load(row + p), acc = v128.load(dst + p);
        v128.store(dst + p, kind == 0 ? f32x4.add(acc, v) : f32x4.max(acc, v));
      }
      for (; i < inner; i++) {
        const p = <usize>i << 2;
        const v = load<f32>(row + p), acc = load<f32>(dst + p);
        store<f32>(dst + p, kind == 0 ? acc + v : (v != v || acc != acc ? NaN : max(acc, v)));
      }
    }
  }
}
