/**
 * model.summary() as Keras 2 prints it: a table of layers with output shapes and parameter
 * counts, then the totals. Sequential-like models get three columns in 65 characters; other
 * graphs get a fourth, "Connected to", in 98. Fields that do not fit are cut, as in Keras.
 *
 * @example
 * model.summary((line) => out.push(line));
 */
import { InputLayer } from '../layers/input-layer.js';
import type { Layer } from '../layers/layer.js';
import { formatSymbolicShape } from '../layers/symbolic-tensor.js';
import type { Graph } from './graph.js';

export interface SummaryModel {
  readonly name: string;
  /** The layers shown (Sequential models leave out their input layer). */
  readonly layers: readonly Layer[];
  readonly graph: Graph;
  countTrainableParams(): number;
  countNonTrainableParams(): number;
}

export function summaryLines(model: SummaryModel, sequentialLike: boolean): string[] {
  const lineLength = sequentialLike ? 65 : 98;
  const fractions = sequentialLike ? [0.45, 0.85, 1] : [0.33, 0.55, 0.67, 1];
  const positions = fractions.map((p) => Math.floor(lineLength * p));
  const headers = ['Layer (type)', 'Output Shape', 'Param #'];
  if (!sequentialLike) headers.push('Connected to');

  const lines = [`Model: "${model.name}"`, '_'.repeat(lineLength), row(headers, positions),
    '='.repeat(lineLength)];
  model.layers.forEach((layer, i) => {
    lines.push(...layerRows(layer, model.graph, sequentialLike, positions));
    lines.push((i === model.layers.length - 1 ? '=' : '_').repeat(lineLength));
  });
  if (model.layers.length === 0) lines.push('='.repeat(lineLength));
  const trainable = model.countTrainableParams();
  const nonTrainable = model.countNonTrainableParams();
  lines.push(`Total params: ${grouped(trainable + nonTrainable)}`,
    `Trainable params: ${grouped(trainable)}`,
    `Non-trainable params: ${grouped(nonTrainable)}`,
    '_'.repeat(lineLength));
  return lines;
}

function layerRows(layer: Layer, graph: Graph, sequentialLike: boolean, positions: number[]): string[] {
  const fields: string[] = [`${layer.name} (${layer.className})`, outputShapeText(layer, graph),
    String(layer.countParams())];
  if (sequentialLike) return [row(fields, positions)];
  const connections = connectionsOf(layer, graph);
  const rows = [row([...fields, connections[0] ?? ''], positions)];
  for (const c of connections.slice(1)) rows.push(row(['', '', '', c], positions));
  return rows;
}

function outputShapeText(layer: Layer, graph: Graph): string {
  const nodes = graph.nodes.filter((n) => n.layer === layer);
  if (nodes.length !== 1) return 'multiple';
  const shape = formatSymbolicShape(nodes[0]!.output.shape);
  return layer instanceof InputLayer ? `[${shape}]` : shape;
}

/** 'dense[0][0]' for each input of each of the layer's calls in this graph. */
function connectionsOf(layer: Layer, graph: Graph): string[] {
  const out: string[] = [];
  for (const node of graph.nodes) {
    if (node.layer !== layer) continue;
    for (const t of node.inputs) {
      const nodeIndex = graph.nodes.filter((n) => n.layer === t.sourceLayer)
        .findIndex((n) => n.output === t);
      out.push(`${t.sourceLayer.name}[${Math.max(nodeIndex, 0)}][${t.tensorIndex}]`);
    }
  }
  return out;
}

/** Keras' print_row: each field starts at its column and is cut at the next one. */
function row(fields: string[], positions: number[]): string {
  let line = '';
  fields.forEach((field, i) => {
    if (i > 0) line = line.slice(0, -1) + ' ';
    line = (line + field).slice(0, positions[i]);
    line += ' '.repeat(positions[i]! - line.length);
  });
  return line;
}

/** 93322 -> '93,322'. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
