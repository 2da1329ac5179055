/**
 * Charts and picture files for training runs: learning curves, confusion matrices, and SVG to
 * PNG conversion.
 *
 * @example
 * import { plot } from 'convnet-ts';
 * await plot.svgToPng(await plot.curves(history), 'runs/curves.png');
 */
export { curves, type CurvesOptions, type HistoryValues } from './curves.js';
export {
  computeConfusionMatrix, confusionMatrix, type ConfusionMatrixOptions, type Labels,
} from './confusion-matrix.js';
export { svgToPng, type SvgToPngOptions } from './svg-to-png.js';
export { renderVegaLite } from './render-vega-lite.js';
export { writeFileAtomic } from '../io/atomic-write.js';
