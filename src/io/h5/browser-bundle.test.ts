import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the byte-buffer path in a browser bundle', () => {
  it('bundles for the browser with the models, without any Node module', async () => {
    const result = await build({
      stdin: {
        contents: `export { loadModelFromBuffer, saveModelToBuffer, loadWeightsFromBuffer,
          saveWeightsToBuffer } from './io/h5/model-io.js';
          export { sequential, Model } from './models/index.js';`,
        resolveDir: dist,
      },
      bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
    });
    assert.deepEqual(result.errors, []);
    const code = result.outputFiles[0]!.text;
    assert.doesNotMatch(code, /["']node:(fs|path|os|zlib)["']/);
    assert.match(code, /model_config/);
    assert.match(code, /DecompressionStream/); // .keras archives with deflated entries
  });
});
