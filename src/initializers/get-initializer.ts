/**
 * Looks initializers up the way Keras does: by name ('glorotUniform', 'glorot_uniform' or the
 * class name 'GlorotUniform'), by a saved { class_name, config } object, or as an instance.
 *
 * @example
 * getInitializer('he_normal');                                   // a HeNormal
 * getInitializer({ class_name: 'RandomUniform', config: { minval: 0, maxval: 1, seed: 5 } });
 * getInitializer(new Constant({ value: 0.1 }));                  // returned as is
 */
import { ValueError } from '../errors.js';
import { Constant, Ones, Zeros } from './constant.js';
import { Initializer, type InitializerConfig } from './initializer.js';
import { Identity, Orthogonal } from './orthogonal.js';
import { RandomNormal, RandomUniform, TruncatedNormal } from './random.js';
import {
  GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, VarianceScaling,
} from './variance-scaling.js';

/** What Keras accepts where an initializer is expected. */
export type InitializerIdentifier = string | Initializer | {
  className?: string;
  class_name?: string;
  config?: InitializerConfig;
};

type Factory = (config: InitializerConfig) => Initializer;

/** Canonical (camelCase) names, in the order error messages list them. */
const FACTORIES: ReadonlyArray<[string, Factory]> = [
  ['zeros', () => new Zeros()],
  ['ones', () => new Ones()],
  ['constant', (c) => new Constant(c as { value?: number })],
  ['randomUniform', (c) => new RandomUniform(c)],
  ['randomNormal', (c) => new RandomNormal(c)],
  ['truncatedNormal', (c) => new TruncatedNormal(c)],
  ['varianceScaling', (c) => new VarianceScaling(c)],
  ['glorotUniform', (c) => new GlorotUniform(c)],
  ['glorotNormal', (c) => new GlorotNormal(c)],
  ['heUniform', (c) => new HeUniform(c)],
  ['heNormal', (c) => new HeNormal(c)],
  ['lecunUniform', (c) => new LecunUniform(c)],
  ['lecunNormal', (c) => new LecunNormal(c)],
  ['orthogonal', (c) => new Orthogonal(c)],
  ['identity', (c) => new Identity(c)],
];

const BY_KEY = new Map(FACTORIES.map(([name, f]) => [keyOf(name), f]));

/** 'glorot_uniform', 'glorotUniform' and 'GlorotUniform' all become 'glorotuniform'. */
function keyOf(name: string): string {
  return name.toLowerCase().replace(/_/g, '');
}

/** The names {@link getInitializer} knows, in camelCase. */
export function initializerNames(): string[] {
  return FACTORIES.map(([name]) => name);
}

export function getInitializer(identifier: InitializerIdentifier): Initializer {
  if (identifier instanceof Initializer) return identifier;
  if (typeof identifier === 'string') return build(identifier, {});
  if (identifier !== null && typeof identifier === 'object') {
    const name = identifier.className ?? identifier.class_name;
    if (typeof name === 'string') return build(name, identifier.config ?? {});
  }
  throw new ValueError(`getInitializer: expected a name, an Initializer or ` +
    `{ class_name, config }, got ${JSON.stringify(identifier)}`);
}

function build(name: string, config: InitializerConfig): Initializer {
  const factory = BY_KEY.get(keyOf(name));
  if (factory === undefined) {
    throw new ValueError(`unknown initializer '${name}'; known: ${initializerNames().join(', ')} ` +
      `(snake_case such as 'glorot_uniform' and class names such as 'GlorotUniform' work too)`);
  }
  return factory(config);
}
