/**
 * Reverse-mode automatic differentiation.
 *
 * Every op that takes a tensor needing a gradient attaches a {@link GradNode} to its output:
 * the inputs, and a closure that maps dLoss/dOutput to dLoss/dInput. {@link gradients} walks
 * these nodes from the loss back to the requested tensors in reverse topological order.
 */
import { ShapeError, ValueError } from '../errors.js';
import { Tensor, ones, type GradNode } from './tensor.js';

let recording = true;

/** True when ops should record gradient nodes. */
export function isRecording(): boolean {
  return recording;
}

/**
 * Runs `fn` with gradient recording switched off (inference, optimizer updates, backward
 * passes themselves).
 */
export function noGrad<T>(fn: () => T): T {
  const previous = recording;
  recording = false;
  try {
    return fn();
  } finally {
    recording = previous;
  }
}

/** True if gradients must flow through `t`. */
export function needsGrad(t: Tensor): boolean {
  return t.requiresGrad || t.node !== null;
}

/**
 * Attaches a gradient node to `output` when recording is on and any input needs a gradient.
 * Ops call this once, after computing their output. Returns `output`.
 */
export function record(output: Tensor, op: string, inputs: readonly Tensor[],
  backward: GradNode['backward']): Tensor {
  if (recording && inputs.some(needsGrad)) output.node = { op, inputs, backward };
  return output;
}

/**
 * dLoss/dx for each x in `wrt`. `loss` must be a scalar unless `dy` (the gradient flowing
 * into loss) is given. A tensor the loss does not depend on gets null.
 *
 * @example
 * const w = variable(tensor([1, 2]));
 * const [dw] = gradients(sum(square(w)), [w]); // [2, 4]
 */
export function gradients(loss: Tensor, wrt: readonly Tensor[], dy?: Tensor): Array<Tensor | null> {
  if (dy === undefined && loss.size !== 1) {
    throw new ShapeError(`gradients(): the loss must have one element, got shape ` +
      `[${loss.shape.join(', ')}]; reduce it with sum or mean first, or pass dy`);
  }
  if (dy !== undefined && dy.size !== loss.size) {
    throw new ShapeError(`gradients(): dy [${dy.shape.join(', ')}] does not match loss ` +
      `[${loss.shape.join(', ')}]`);
  }
  const order = topologicalOrder(loss);
  const grads = new Map<Tensor, Tensor>();
  grads.set(loss, dy ?? ones(loss.shape));

  noGrad(() => {
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i]!;
      const g = grads.get(t);
      const node = t.node;
      if (g === undefined || node === null) continue;
      const inputGrads = node.backward(g);
      node.inputs.forEach((input, k) => accumulate(grads, input, inputGrads[k] ?? null, node));
    }
  });
  return wrt.map((t) => grads.get(t) ?? null);
}

function accumulate(grads: Map<Tensor, Tensor>, input: Tensor, g: Tensor | null,
  node: GradNode): void {
  if (g === null || !needsGrad(input)) return;
  if (g.size !== input.size) {
    throw new ValueError(`autograd: backward of '${node.op}' returned a gradient of shape ` +
      `[${g.shape.join(', ')}] for an input of shape [${input.shape.join(', ')}]`);
  }
  const previous = grads.get(input);
  if (previous === undefined) {
    grads.set(input, g);
    return;
  }
  // Accumulate into a fresh tensor: `previous` may be a gradient another node still holds.
  const sum = new Tensor(input.shape);
  const a = previous.f32, b = g.f32, out = sum.f32;
  for (let i = 0; i < out.length; i++) out[i] = a[i]! + b[i]!;
  grads.set(input, sum);
}

function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<Tensor>();
  // Iterative depth-first search: deep models would overflow the call stack.
  const stack: Array<[Tensor, number]> = [[root, 0]];
  seen.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [t, next] = top;
    const inputs = t.node?.inputs ?? [];
    if (next < inputs.length) {
      top[1]++;
      const child = inputs[next]!;
      if (!seen.has(child) && needsGrad(child)) {
        seen.add(child);
        stack.push([child, 0]);
      }
    } else {
      stack.pop();
      order.push(t);
    }
  }
  return order;
}

/**
 * The value of `f()` and the gradients of that value with respect to `wrt`.
 *
 * @example
 * const { value, grads } = valueAndGradients(() => mean(square(sub(predict(x), y))), weights);
 */
export function valueAndGradients(f: () => Tensor, wrt: readonly Tensor[]):
  { value: Tensor; grads: Array<Tensor | null> } {
  const value = f();
  return { value, grads: gradients(value, wrt) };
}
