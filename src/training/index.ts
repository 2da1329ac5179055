/** The training loop pieces: compile, fit, evaluate, predict, the progress bar. */
export { compileModel, type CompileArgs, type CompiledState } from './compile.js';
export type { FitArgs } from './fit.js';
export type { EvaluateArgs } from './evaluate.js';
export type { PredictArgs } from './predict.js';
export { Progbar, formatValue, formatTime, formatEta, type TextStream, type ProgbarArgs } from './progbar.js';
export { splitIndex } from './data.js';
