import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValueError } from '../errors.js';
import { Random, setSeed } from '../tensor/random.js';
import type { Tensor } from '../tensor/tensor.js';
import { Constant, Ones, Zeros } from './constant.js';
import { getInitializer, initializerNames } from './get-initializer.js';
import { computeFans } from './initializer.js';
import { Identity, Orthogonal } from './orthogonal.js';
import { RandomNormal, RandomUniform, TruncatedNormal } from './random.js';
import {
  GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, VarianceScaling,
} from './variance-scaling.js';

function stats(t: Tensor): { mean: number; std: number; min: number; max: number } {
  const v = t.f32;
  let s = 0, s2 = 0, min = Infinity, max = -Infinity;
  for (const x of v) {
    s += x;
    s2 += x * x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = s / v.length;
  return { mean, std: Math.sqrt(s2 / v.length - mean * mean), min, max };
}

/** Asserts `actual` is within `relative` of `expected`. */
function near(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected),
    `${what}: ${actual} vs ${expected}`);
}

describe('computeFans', () => {
  it('follows Keras for scalars, vectors, dense and convolution kernels', () => {
    assert.deepEqual(computeFans([]), { fanIn: 1, fanOut: 1 });
    assert.deepEqual(computeFans([7]), { fanIn: 7, fanOut: 7 });
    assert.deepEqual(computeFans([10, 20]), { fanIn: 10, fanOut: 20 });
    assert.deepEqual(computeFans([3, 3, 16, 32]), { fanIn: 144, fanOut: 288 });
    assert.deepEqual(computeFans([5, 5, 1, 8]), { fanIn: 25, fanOut: 200 });
  });
});

describe('constant initializers', () => {
  it('fill zeros, ones and a constant, in float32 or int32', () => {
    assert.deepEqual(new Zeros().apply([2]).toArray(), [0, 0]);
    assert.deepEqual(new Ones().apply([2], 'int32').toArray(), [1, 1]);
    assert.deepEqual(new Constant({ value: 0.5 }).apply([2]).toArray(), [0.5, 0.5]);
    assert.deepEqual(new Constant({ value: 0.5 }).getConfig(), { value: 0.5 });
  });
});

describe('random initializers', () => {
  it('RandomUniform defaults to [-0.05, 0.05]', () => {
    const s = stats(new RandomUniform({ seed: 1 }).apply([200, 100]));
    assert.ok(s.min >= -0.05 && s.max < 0.05 && s.max > 0.049 && s.min < -0.049, JSON.stringify(s));
    near(s.std, 0.1 / Math.sqrt(12), 0.03, 'std');
    assert.ok(Math.abs(s.mean) < 0.001);
  });

  it('RandomNormal and TruncatedNormal default to stddev 0.05', () => {
    const n = stats(new RandomNormal({ seed: 2 }).apply([200, 100]));
    near(n.std, 0.05, 0.03, 'normal std');
    const t = stats(new TruncatedNormal({ seed: 3 }).apply([200, 100]));
    assert.ok(t.max <= 0.1 && t.min >= -0.1, JSON.stringify(t));
    near(t.std, 0.05 * 0.87962566, 0.03, 'truncated std');
    const shifted = stats(new RandomNormal({ mean: 1, stddev: 0.2, seed: 4 }).apply([20000]));
    near(shifted.mean, 1, 0.01, 'mean');
  });

  it('repeat for a seed and follow the global seed otherwise', () => {
    const init = new RandomNormal({ seed: 5 });
    assert.deepEqual(init.apply([4]).toArray(), init.apply([4]).toArray());
    setSeed(9);
    const a = new RandomNormal().apply([4]).toArray();
    setSeed(9);
    assert.deepEqual(new RandomNormal().apply([4]).toArray(), a);
  });

  it('sample plain arrays from a given generator unless seeded', () => {
    const init = new GlorotUniform();
    const a = init.sample([4, 3], new Random(1));
    assert.ok(a instanceof Float32Array && a.length === 12);
    assert.deepEqual(init.sample([4, 3], new Random(1)), a);
    assert.notDeepEqual(init.sample([4, 3], new Random(2)), a);
    const seeded = new GlorotUniform({ seed: 4 });
    assert.deepEqual(seeded.sample([4, 3], new Random(1)), seeded.sample([4, 3], new Random(2)));
    assert.deepEqual([...seeded.apply([4, 3]).f32], [...seeded.sample([4, 3])]);
  });

  it('refuse int32 tensors', () => {
    assert.throws(() => new GlorotUniform().apply([2, 2], 'int32'),
      /GlorotUniform: can only fill float32 tensors, got int32 for \[2, 2\]/);
  });
});

describe('variance scaling', () => {
  const dense = [200, 100];
  const conv = [3, 3, 16, 32]; // fanIn 144, fanOut 288

  const uniformCases: Array<[string, () => Tensor, number]> = [
    ['GlorotUniform dense', () => new GlorotUniform({ seed: 1 }).apply(dense), Math.sqrt(6 / 300)],
    ['GlorotUniform conv', () => new GlorotUniform({ seed: 2 }).apply(conv), Math.sqrt(6 / 432)],
    ['HeUniform conv', () => new HeUniform({ seed: 3 }).apply(conv), Math.sqrt(6 / 144)],
    ['LecunUniform dense', () => new LecunUniform({ seed: 4 }).apply(dense), Math.sqrt(3 / 200)],
  ];
  for (const [name, make, limit] of uniformCases) {
    it(`${name} fills [-limit, limit] with limit = ${limit.toFixed(4)}`, () => {
      const s = stats(make());
      assert.ok(s.max <= limit && s.min >= -limit, JSON.stringify(s));
      assert.ok(s.max > 0.97 * limit && s.min < -0.97 * limit, JSON.stringify(s));
      near(s.std, limit / Math.sqrt(3), 0.04, 'std');
    });
  }

  const normalCases: Array<[string, () => Tensor, number]> = [
    ['GlorotNormal dense', () => new GlorotNormal({ seed: 5 }).apply(dense), Math.sqrt(2 / 300)],
    ['HeNormal conv', () => new HeNormal({ seed: 6 }).apply(conv), Math.sqrt(2 / 144)],
    ['LecunNormal conv', () => new LecunNormal({ seed: 7 }).apply(conv), Math.sqrt(1 / 144)],
  ];
  for (const [name, make, spread] of normalCases) {
    it(`${name} has spread ${spread.toFixed(4)}, truncated at 2 / 0.8796 of it`, () => {
      const s = stats(make());
      near(s.std, spread, 0.04, 'std');
      const cut = 2 * spread / 0.87962566103423978;
      assert.ok(s.max <= cut * 1.0001 && s.min >= -cut * 1.0001, JSON.stringify(s));
      assert.ok(s.max > 0.9 * cut, JSON.stringify(s));
      assert.ok(Math.abs(s.mean) < spread * 0.05);
    });
  }

  it('uses fanOut and untruncated normals when asked, in either spelling', () => {
    const init = new VarianceScaling(
      { scale: 2, mode: 'fan_out', distribution: 'untruncated_normal', seed: 8 });
    const s = stats(init.apply([50, 400]));
    near(s.std, Math.sqrt(2 / 400), 0.03, 'std');
    assert.ok(s.max > 2.5 * Math.sqrt(2 / 400), 'an untruncated normal has values past 2 stddev');
    assert.deepEqual(init.getConfig(),
      { scale: 2, mode: 'fan_out', distribution: 'untruncated_normal', seed: 8 });
    assert.throws(() => new VarianceScaling({ mode: 'fan_sideways' as never }),
      /unknown mode 'fan_sideways' \(known: fanIn, fanOut, fanAvg\)/);
  });
});

describe('orthogonal and identity', () => {
  for (const shape of [[6, 6], [10, 4], [3, 8], [2, 2, 3, 5]]) {
    it(`gives orthonormal columns or rows for [${shape}]`, () => {
      const w = new Orthogonal({ gain: 1, seed: 1 }).apply(shape).f32;
      const cols = shape[shape.length - 1]!, rows = w.length / cols;
      const tall = rows >= cols;
      const [n, m] = tall ? [rows, cols] : [cols, rows];
      const at = (i: number, k: number): number => (tall ? w[k * cols + i]! : w[i * cols + k]!);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
          let dot = 0;
          for (let k = 0; k < n; k++) dot += at(i, k) * at(j, k);
          assert.ok(Math.abs(dot - (i === j ? 1 : 0)) < 1e-5, `${i},${j}: ${dot}`);
        }
      }
    });
  }

  it('scales by gain and builds identity matrices', () => {
    const w = new Orthogonal({ gain: 2, seed: 3 }).apply([3, 3]).f32;
    near(Math.hypot(w[0]!, w[3]!, w[6]!), 2, 1e-5, 'column norm');
    assert.deepEqual(new Identity({ gain: 2 }).apply([2, 3]).toArray(), [[2, 0, 0], [0, 2, 0]]);
    assert.throws(() => new Orthogonal().apply([4]), /at least 2 dimensions, got \[4\]/);
  });
});

describe('getInitializer', () => {
  it('finds initializers by camelCase, snake_case and class name', () => {
    assert.ok(getInitializer('glorotUniform') instanceof GlorotUniform);
    assert.ok(getInitializer('glorot_uniform') instanceof GlorotUniform);
    assert.ok(getInitializer('GlorotUniform') instanceof GlorotUniform);
    assert.ok(getInitializer('he_normal') instanceof HeNormal);
    assert.ok(getInitializer('random_uniform') instanceof RandomUniform);
    assert.ok(getInitializer('zeros') instanceof Zeros);
    assert.ok(getInitializer('lecun_normal') instanceof LecunNormal);
  });

  it('builds from a saved Keras config and passes instances through', () => {
    const init = getInitializer(
      { class_name: 'RandomUniform', config: { minval: 0, maxval: 2, seed: 5 } });
    assert.deepEqual(init.getConfig(), { minval: 0, maxval: 2, seed: 5 });
    const vs = getInitializer({ className: 'VarianceScaling',
      config: { scale: 2, mode: 'fan_in', distribution: 'truncated_normal', seed: null } });
    assert.ok(vs instanceof VarianceScaling);
    assert.equal((vs as VarianceScaling).mode, 'fanIn');
    assert.deepEqual(getInitializer('glorot_uniform').getConfig(), { seed: null });
    assert.deepEqual(new HeNormal({ seed: 3 }).serialize(),
      { class_name: 'HeNormal', config: { seed: 3 } });
    const c = new Constant({ value: 3 });
    assert.equal(getInitializer(c), c);
  });

  it('rejects an unknown name with a ValueError listing the known names', () => {
    assert.throws(() => getInitializer('glorot'), (e: unknown) => {
      assert.ok(e instanceof ValueError);
      assert.match(e.message,
        /unknown initializer 'glorot'; known: zeros, ones, constant, randomUniform/);
      for (const name of initializerNames()) assert.ok(e.message.includes(name));
      assert.match(e.message, /glorot_uniform/);
      return true;
    });
  });
});
