/**
 * The digit page: a drawing canvas whose strokes are turned into a 28x28 MNIST-style digit
 * after each stroke (crop, fit 20x20, centre of mass at the centre), shown as the model sees it
 * and read by the model right here in the browser: class probabilities as bars, and every
 * layer's output as small pictures, one per channel.
 */
import { activationModel, layerActivations } from '../dist/explain/layer-activations.js';
import { loadModelFromBuffer } from '../dist/io/h5/model-io.js';
import { MNIST_SIZE, toMnist } from '../dist/explain/mnist-downsample.js';
import type { Model } from '../dist/models/model.js';
import { scope, tensor } from '../dist/tensor/tensor.js';
import { isProbabilities, renderBars, renderLayers } from './activation-view.js';
import { fastestBackend } from './backend-choice.js';
import { fetchServedModel } from './model-source.js';

const pad = document.getElementById('pad') as HTMLCanvasElement;
const preview = document.getElementById('preview') as HTMLCanvasElement;
const status = document.getElementById('model-status') as HTMLElement;
const bars = document.getElementById('probabilities') as HTMLElement;
const layersView = document.getElementById('layers') as HTMLElement;
const pen = pad.getContext('2d', { willReadFrequently: true })!;

/** Stroke width in canvas pixels: about 2 MNIST pixels once the digit is fitted into 20x20. */
const LINE_WIDTH = 18;

function clear(): void {
  pen.fillStyle = '#000';
  pen.fillRect(0, 0, pad.width, pad.height);
  preview.getContext('2d')!.clearRect(0, 0, preview.width, preview.height);
  document.body.dataset.digit = '';
  document.body.dataset.prediction = '';
  latest = null;
  bars.replaceChildren();
  layersView.replaceChildren();
}

/** The drawing as ink in [0, 1] (the red channel of white strokes on black). */
function ink(): Float32Array {
  const { data } = pen.getImageData(0, 0, pad.width, pad.height);
  const out = new Float32Array(pad.width * pad.height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * 4]! / 255;
  return out;
}

function showPreview(digit: Float32Array): void {
  const small = document.createElement('canvas');
  small.width = small.height = MNIST_SIZE;
  const ctx = small.getContext('2d')!;
  const img = ctx.createImageData(MNIST_SIZE, MNIST_SIZE);
  digit.forEach((v, i) => {
    const g = Math.round(v * 255);
    img.data.set([g, g, g, 255], i * 4);
  });
  ctx.putImageData(img, 0, 0);
  const big = preview.getContext('2d')!;
  big.imageSmoothingEnabled = false;
  big.drawImage(small, 0, 0, preview.width, preview.height);
}

/** Called after each stroke: downsample, show, and hand the digit on. */
function strokeDone(): void {
  const digit = toMnist(ink(), pad.width, pad.height);
  if (digit === null) return;
  showPreview(digit);
  // The 28x28 values, for tests and for anyone curious in the console.
  document.body.dataset.digit = Array.from(digit).join(',');
  latest = digit;
  read();
}

interface Reader {
  readonly net: Model;
  readonly probe: Model;
  readonly batchShape: number[];
}

let reader: Reader | null = null;
let latest: Float32Array | null = null;

/** Runs the latest digit through the model and shows what every layer made of it. */
function read(): void {
  if (reader === null || latest === null) return;
  const { net, probe, batchShape } = reader;
  const digit = latest;
  const outputs = scope(() => layerActivations(net, tensor(digit, batchShape), probe));
  renderLayers(layersView, outputs);
  const last = outputs.at(-1)!.values;
  if (isProbabilities(last)) document.body.dataset.prediction = String(renderBars(bars, last));
}

/** [1, 28, 28, 1], [1, 28, 28] or [1, 784]: the digit's 784 values in the model's input shape. */
function digitShape(net: Model): number[] {
  const dims = net.inputs[0]!.shape.slice(1);
  const size = dims.reduce<number>((a, d) => a * (d ?? NaN), 1);
  if (net.inputs.length !== 1 || size !== MNIST_SIZE * MNIST_SIZE) {
    throw new Error(`this page draws 28x28 grey digits, but model '${net.name}' takes ` +
      `[${dims.map((d) => d ?? 'None').join(', ')}]`);
  }
  return [1, ...dims as number[]];
}

async function loadModel(): Promise<void> {
  status.textContent = 'Loading the model...';
  try {
    const kernels = await fastestBackend();
    document.body.dataset.backend = kernels.name;
    const { bytes, name } = await fetchServedModel();
    const net = await loadModelFromBuffer(bytes, { compile: false, label: name });
    reader = { net, probe: activationModel(net), batchShape: digitShape(net) };
    status.textContent = `Model: ${name}, ${net.layers.length} layers, ` +
      `${net.countParams().toLocaleString('en')} parameters. It runs in this page on the ` +
      `${kernels.name === 'wasm' ? 'WebAssembly SIMD' : 'plain TypeScript (reference)'} kernels.` +
      (kernels.note === '' ? '' : ` (${kernels.note})`);
    status.classList.remove('error');
    read();
  } catch (error) {
    status.textContent = `Cannot read digits: ${(error as Error).message}`;
    status.classList.add('error');
  }
}

function wireDrawing(): void {
  let drawing = false;
  const at = (e: PointerEvent): [number, number] => {
    const r = pad.getBoundingClientRect();
    return [(e.clientX - r.left) * pad.width / r.width, (e.clientY - r.top) * pad.height / r.height];
  };
  pad.addEventListener('pointerdown', (e) => {
    drawing = true;
    pad.setPointerCapture(e.pointerId);
    const [x, y] = at(e);
    pen.beginPath();
    pen.moveTo(x, y);
    pen.lineTo(x, y);
    pen.stroke();
  });
  pad.addEventListener('pointermove', (e) => {
    if (!drawing) return;
    const [x, y] = at(e);
    pen.lineTo(x, y);
    pen.stroke();
  });
  const end = (): void => {
    if (!drawing) return;
    drawing = false;
    strokeDone();
  };
  pad.addEventListener('pointerup', end);
  pad.addEventListener('pointercancel', end);
}

pen.strokeStyle = '#fff';
pen.lineWidth = LINE_WIDTH;
pen.lineCap = 'round';
pen.lineJoin = 'round';
clear();
wireDrawing();
document.getElementById('clear')!.addEventListener('click', clear);
await loadModel();
document.body.dataset.ready = 'true';
