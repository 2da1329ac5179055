/**
 * where: picks from `a` where `condition` is non-zero and from `b` elsewhere; all three
 * broadcast together. The gradient flows to `a` through the chosen positions and to `b`
 * through the others (none to the condition).
 *
 * @example
 * const x = tensor([-2, 0.5, 3]);
 * where(greater(x, 0), x, 0); // [0, 0.5, 3]
 */
import { noGrad, record } from '../tensor/autograd.js';
import { broadcastShapes } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { asTensor, binaryRaw, unbroadcast, type TensorLike } from './binary.js';
import { broadcastTo } from './broadcast-to.js';
import { cast } from './cast.js';

export function where(condition: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), y = asTensor(b);
  const shape = broadcastShapes(condition.shape, broadcastShapes(x.shape, y.shape, 'where'),
    'where');

  const [c, xs, ys] = noGrad(() => [
    broadcastTo(cast(condition, 'float32'), shape), broadcastTo(x, shape), broadcastTo(y, shape),
  ]);
  const out = new Tensor(shape);
  const cv = c.f32, xv = xs.f32, yv = ys.f32, o = out.f32;
  // A NaN condition counts as true, as any non-zero value does.
  for (let i = 0; i < o.length; i++) o[i] = cv[i] !== 0 ? xv[i]! : yv[i]!;
  xs.release();
  ys.release();

  return record(out, 'where', [x, y], (dy) => {
    const pickA = new Tensor(shape);
    const pa = pickA.f32;
    const keepMask = c.f32; // read through the tensor: it must stay reachable until backward
    for (let i = 0; i < pa.length; i++) pa[i] = keepMask[i] !== 0 ? 1 : 0;
    const da = binaryRaw('mul', dy, pickA);
    const db = binaryRaw('sub', dy, da);
    return [unbroadcast(da, x.shape), unbroadcast(db, y.shape)];
  });
}
