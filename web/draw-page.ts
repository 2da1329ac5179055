/**
 * The digit page: a drawing canvas whose strokes are turned into a 28x28 MNIST-style digit
 * after each stroke (crop, fit 20x20, centre of mass at the centre), shown as the model sees it.
 */
import { MNIST_SIZE, toMnist } from '../dist/explain/mnist-downsample.js';

const pad = document.getElementById('pad') as HTMLCanvasElement;
const preview = document.getElementById('preview') as HTMLCanvasElement;
const status = document.getElementById('model-status') as HTMLElement;
const pen = pad.getContext('2d', { willReadFrequently: true })!;

/** Stroke width in canvas pixels: about 2 MNIST pixels once the digit is fitted into 20x20. */
const LINE_WIDTH = 18;

function clear(): void {
  pen.fillStyle = '#000';
  pen.fillRect(0, 0, pad.width, pad.height);
  preview.getContext('2d')!.clearRect(0, 0, preview.width, preview.height);
  document.body.dataset.digit = '';
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
  document.body.dataset.digit = Array.from(digit, (v) => v.toFixed(3)).join(',');
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
// TODO: reading the digit with a model needs the model API and the .h5 loader, which are not
// in this build yet; until then the page shows what the model would see, and says so.
status.textContent = 'Model reading is not available in this build yet (it needs the model API).';
document.body.dataset.ready = 'true';
