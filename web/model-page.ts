/**
 * The model page: open a Keras .h5 file from disk (file input or drag and drop), rebuild the
 * model in the browser and show its summary: layers, output shapes, parameters and totals.
 */
import { loadModelFromBuffer } from '../dist/io/h5/model-io.js';
import { formatSymbolicShape } from '../dist/layers/symbolic-tensor.js';
import type { Layer } from '../dist/layers/layer.js';
import { InputLayer } from '../dist/layers/input-layer.js';
import type { Model } from '../dist/models/model.js';
import { grouped } from '../dist/models/summary.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = $('model-status');

function cell(text: string, tag: 'td' | 'th' = 'td'): HTMLElement {
  const c = document.createElement(tag);
  c.textContent = text;
  return c;
}

function outputShape(layer: Layer): string {
  if (layer.inboundNodes.length !== 1) return 'multiple';
  const shape = formatSymbolicShape(layer.output.shape);
  return layer instanceof InputLayer ? `[${shape}]` : shape;
}

function showSummary(net: Model, fileName: string): void {
  $('model-name').textContent = `${net.name} (${net.className}) from ${fileName}`;
  const rows = net.layers.map((layer) => {
    const tr = document.createElement('tr');
    tr.dataset.layer = layer.name;
    tr.append(cell(`${layer.name} (${layer.className})`), cell(outputShape(layer)),
      cell(grouped(layer.countParams())));
    return tr;
  });
  $('summary').querySelector('tbody')!.replaceChildren(...rows);
  const trainable = net.countTrainableParams(), frozen = net.countNonTrainableParams();
  $('total-params').textContent = grouped(trainable + frozen);
  $('trainable-params').textContent = grouped(trainable);
  $('non-trainable-params').textContent = grouped(frozen);
  $('summary-text').textContent = net.summary(() => undefined);
  $('summary-section').hidden = false;
}

async function open(file: File): Promise<void> {
  status.textContent = `Reading ${file.name}...`;
  status.classList.remove('error');
  try {
    const net = await loadModelFromBuffer(new Uint8Array(await file.arrayBuffer()),
      { compile: false, label: file.name });
    showSummary(net, file.name);
    status.textContent = `${file.name}: ${net.layers.length} layers, ` +
      `${grouped(net.countParams())} parameters.`;
    document.body.dataset.loaded = file.name;
  } catch (error) {
    $('summary-section').hidden = true;
    status.textContent = `Cannot open ${file.name}: ${(error as Error).message}`;
    status.classList.add('error');
    document.body.dataset.loaded = '';
  }
}

function wireDrop(): void {
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file !== undefined) void open(file);
  });
  $<HTMLInputElement>('file').addEventListener('change', (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file !== undefined) void open(file);
  });
}

wireDrop();
document.body.dataset.ready = 'true';
