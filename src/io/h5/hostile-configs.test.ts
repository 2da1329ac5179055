import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError, ValueError } from '../../errors.js';
import * as layers from '../../layers/index.js';
import { input, resetNames } from '../../layers/index.js';
import { model } from '../../models/model.js';
import { sequential } from '../../models/sequential.js';
import { openZip, readZipEntry } from '../zip/zip-reader.js';
import { writeZip } from '../zip/zip-writer.js';
import { loadModel, loadWeights, saveModel } from './model-files.js';

const dir = mkdtempSync(join(tmpdir(), 'hostile-configs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;

function functional(): ReturnType<typeof model> {
  resetNames();
  const x = input({ shape: [4], name: 'x' });
  return model({ inputs: x, outputs: layers.dense({ units: 2 }).apply(x), name: 'f' });
}

// Saves `net` as .keras, then rewrites its config.json text with `change`.
async function withConfig(name: string, net: Parameters<typeof saveModel>[0],
  change: (config: Json, text: string) => string): Promise<string> {
  const path = join(dir, name);
  await saveModel(net, path);
  const zip = openZip(readFileSync(path), path);
  const read = async (n: string): Promise<Uint8Array> => readZipEntry(zip, n);
  const text = new TextDecoder().decode(await read('config.json'));
  writeFileSync(path, writeZip([
    { name: 'metadata.json', data: await read('metadata.json') },
    { name: 'config.json', data: new TextEncoder().encode(change(JSON.parse(text), text)) },
    { name: 'model.weights.h5', data: await read('model.weights.h5') }]));
  return path;
}

function layersOf(config: Json): unknown[] {
  return (config['config'] as Json)['layers'] as unknown[];
}

const refusedAs = (type: typeof IoError | typeof ValueError, ...parts: string[]) =>
  (e: Error): boolean => e instanceof type && parts.every((p) => e.message.includes(p)) ||
    assert.fail(e);
const refused = (...parts: string[]) => refusedAs(IoError, ...parts);

describe('hostile model configs are refused with errors naming the file', () => {
  it('names a layer entry that is null', async () => {
    const path = await withConfig('null.keras', functional(), (c) => {
      layersOf(c)[1] = null;
      return JSON.stringify(c);
    });
    await assert.rejects(loadModel(path), refused(`${path}: config.json: the Functional ` +
      'config: layer 2 of 2 is null; expected an object with class_name and config'));
  });

  it('names inbound_nodes that are not a list', async () => {
    const path = await withConfig('nodes.keras', functional(), (c) => {
      (layersOf(c)[1] as Json)['inbound_nodes'] = 5;
      return JSON.stringify(c);
    });
    await assert.rejects(loadModel(path), refused(path, "layer 2 of 2 ('Dense') has " +
      'inbound_nodes 5; expected a list of calls'));
  });

  it('refuses call arguments nested far too deep', async () => {
    const depth = 200_000;
    const path = await withConfig('deep.keras', functional(), (c, text) => {
      const node = ((layersOf(c)[1] as Json)['inbound_nodes'] as Json[])[0]!;
      const args = JSON.stringify(node['args']);
      return text.replace(args, '['.repeat(depth) + ']'.repeat(depth));
    });
    await assert.rejects(loadModel(path), refused(path, "layer 'dense'",
      'nested more than 32 deep'));
  });

  it('says a directory given as the model file is a directory', async () => {
    const folder = join(dir, 'folder.keras');
    mkdirSync(folder);
    const net = sequential([layers.dense({ units: 2, inputShape: [3] })]);
    await assert.rejects(loadModel(folder), refused(`${folder}: cannot open (it is a directory`));
    await assert.rejects(loadWeights(net, folder), refused(`${folder}: cannot open (it is a ` +
      'directory'));
    const h5 = join(dir, 'folder.h5');
    mkdirSync(h5);
    await assert.rejects(loadModel(h5), refused(`${h5}: cannot open (it is a directory`));
  });

  it('reports the write error, not the clean-up, when the folder is a file', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const path = join(file, 'm.keras');
    await assert.rejects(saveModel(functional(), path), refused(`writing '${path}'`));
  });

  it('names the option when a config asks for weights far larger than the file', async () => {
    const path = await withConfig('units.keras', functional(), (c) => {
      ((layersOf(c)[1] as Json)['config'] as Json)['units'] = 400_000;
      return JSON.stringify(c);
    });
    await assert.rejects(loadModel(path), refusedAs(ValueError, path, "Dense 'dense'",
      "weight 'kernel'", '[4, 400000]', 'largest array in the file has 8', 'units: 400000'));
  });

  it('words an impossible filters value around the config', async () => {
    resetNames();
    const net = sequential([layers.conv2d({ filters: 2, kernelSize: 3, inputShape: [5, 5, 1] })]);
    const path = await withConfig('filters.keras', net, (c) => {
      const conv = layersOf(c).find((l) => (l as Json)['class_name'] === 'Conv2D') as Json;
      (conv['config'] as Json)['filters'] = 1e9;
      return JSON.stringify(c);
    });
    await assert.rejects(loadModel(path), (e: Error) => refusedAs(ValueError, path,
      "Conv2D 'conv2d'", 'filters: 1000000000')(e) && !e.message.includes('typed array'));
  });
});
