/**
 * The layer graph of a model: which layer calls (nodes) lead from the inputs to the outputs,
 * in an order where every node comes after the nodes that feed it, and how to run it.
 *
 * @example
 * const g = buildGraph([x], [y]);
 * const [out] = runGraph(g, [batch], { training: false });
 */
import { ValueError } from '../errors.js';
import { InputLayer } from '../layers/input-layer.js';
import type { CallContext, Layer, LayerNode } from '../layers/layer.js';
import type { SymbolicTensor } from '../layers/symbolic-tensor.js';
import type { Tensor } from '../tensor/tensor.js';

export interface Graph {
  readonly inputs: readonly SymbolicTensor[];
  readonly outputs: readonly SymbolicTensor[];
  /** Layer calls in execution order (input layers' nodes first). */
  readonly nodes: readonly LayerNode[];
  /** Each layer once: input layers in input order, then by first call. */
  readonly layers: readonly Layer[];
}

export function nodeOf(t: SymbolicTensor): LayerNode {
  return t.sourceLayer.inboundNodes[t.nodeIndex]!;
}

export function buildGraph(inputs: readonly SymbolicTensor[], outputs: readonly SymbolicTensor[]): Graph {
  const nodes: LayerNode[] = [];
  const seen = new Set<LayerNode>();
  const inputSet = new Set(inputs);
  // Iterative post-order walk from the outputs: a deep model must not overflow the stack.
  for (const out of outputs) {
    const stack: Array<[LayerNode, number]> = [[nodeOf(out), 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      if (next === 0 && seen.has(node)) {
        stack.pop();
        continue;
      }
      if (next < node.inputs.length) {
        top[1]++;
        const child = nodeOf(node.inputs[next]!);
        if (!seen.has(child)) stack.push([child, 0]);
      } else {
        stack.pop();
        if (!seen.has(node)) {
          seen.add(node);
          nodes.push(node);
        }
      }
    }
  }
  for (const node of nodes) {
    if (node.layer instanceof InputLayer && !inputSet.has(node.output)) {
      throw new ValueError(`the outputs depend on input '${node.layer.name}', which is not in the ` +
        `model's inputs`);
    }
  }
  const layers: Layer[] = inputs.map((t) => t.sourceLayer);
  for (const node of nodes) if (!layers.includes(node.layer)) layers.push(node.layer);
  return { inputs, outputs, nodes, layers };
}

/** Runs the graph on real tensors, one per input, returning one tensor per output. */
export function runGraph(g: Graph, xs: readonly Tensor[], ctx: CallContext): Tensor[] {
  const values = new Map<SymbolicTensor, Tensor>();
  g.inputs.forEach((s, i) => values.set(s, xs[i]!));
  for (const node of g.nodes) {
    if (node.layer instanceof InputLayer) continue;
    const ins = node.inputs.map((s) => values.get(s)!);
    values.set(node.output, node.layer.call(ins.length === 1 ? ins[0]! : ins, ctx));
  }
  return g.outputs.map((o) => values.get(o)!);
}
