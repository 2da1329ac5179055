#!/usr/bin/env python3
"""Write Keras 3 native `.keras` archives with zipfile, json and h5py only (no Keras), in the
layout Keras 3's saving_lib documents: metadata.json, config.json (serialize_keras_object of
the model, with compile_config) and model.weights.h5 with one `<path>/vars/<i>` group per
layer, paths named after the snake_case class of each layer in list order (conv2d, dense,
dense_1...), and the optimizer under optimizer/vars. Weight values are known (see
write_keras_h5.known_values); layer names deliberately differ from class names.

Usage: python3 scripts/h5py/write_keras_archive.py VARIANT OUT.keras
  VARIANT: sequential  Conv2D(4) -> BatchNormalization -> MaxPooling2D -> Flatten -> Dropout
                       -> Dense(5) -> Dense(3), input 8x8x1; Adam state after 7 steps; stored
                       entries; empty vars groups for weightless layers (Keras 3.0-3.3 style)
           functional  two inputs [4] -> Dense(3) each -> Add -> Dense(2); SGD with momentum
                       and a CosineDecay schedule; deflated entries; no empty groups
Prints a JSON manifest on stdout: layer name -> weight values, optimizer values.
"""
import io
import json
import sys
import zipfile

import h5py
import numpy as np

from write_keras_h5 import known_values

POLICY = {'module': 'keras', 'class_name': 'DTypePolicy', 'config': {'name': 'float32'},
          'registered_name': None}


def initializer(cls):
    return {'module': 'keras.initializers', 'class_name': cls,
            'config': {'seed': None} if cls == 'GlorotUniform' else {}, 'registered_name': None}


def layer(cls, name, config, build=None, nodes=None):
    """A layer entry; in a functional config (nodes given) also its name and inbound nodes."""
    out = {'module': 'keras.layers', 'class_name': cls,
           'config': {'name': name, 'trainable': True, 'dtype': POLICY, **config},
           'registered_name': None}
    if build is not None:
        out['build_config'] = {'input_shape': build}
    if nodes is not None:
        out.update({'name': name, 'inbound_nodes': nodes})
    return out


def input_layer(name, shape, nodes=None):
    out = {'module': 'keras.layers', 'class_name': 'InputLayer',
           'config': {'batch_shape': [None, *shape], 'dtype': 'float32', 'sparse': False,
                      'name': name}, 'registered_name': None}
    if nodes is not None:
        out.update({'name': name, 'inbound_nodes': nodes})
    return out


def dense(name, units, activation, build, nodes=None):
    return layer('Dense', name, {'units': units, 'activation': activation, 'use_bias': True,
                                 'kernel_initializer': initializer('GlorotUniform'),
                                 'bias_initializer': initializer('Zeros'),
                                 'kernel_regularizer': None, 'bias_regularizer': None,
                                 'kernel_constraint': None, 'bias_constraint': None},
                 build, nodes)


def tensor(layer_name, shape):
    return {'class_name': '__keras_tensor__', 'config': {
        'shape': shape, 'dtype': 'float32', 'keras_history': [layer_name, 0, 0]}}


def optimizer(cls, config):
    base = {'name': cls.lower(), 'weight_decay': None, 'clipnorm': None, 'global_clipnorm': None,
            'clipvalue': None, 'use_ema': False, 'ema_momentum': 0.99,
            'ema_overwrite_frequency': None, 'loss_scale_factor': None,
            'gradient_accumulation_steps': None}
    return {'module': 'keras.optimizers', 'class_name': cls, 'config': {**base, **config},
            'registered_name': None}


def compile_config(opt, loss, metrics):
    return {'optimizer': opt, 'loss': loss, 'loss_weights': None, 'metrics': metrics,
            'weighted_metrics': None, 'run_eagerly': False, 'steps_per_execution': 1,
            'jit_compile': False}


def weights_for(spec):
    """[(layer name, group path, [arrays])] with known values, in layer order."""
    out, seed = [], 1
    for name, path, shapes in spec:
        arrays = []
        for i, shape in enumerate(shapes):
            positive = path.startswith('layers/batch_normalization') and i == 3
            arrays.append(known_values(int(np.prod(shape)), seed, positive).reshape(shape))
            seed += 1
        out.append((name, path, arrays))
    return out


def sequential():
    spec = [('features', 'layers/conv2d', [(3, 3, 1, 4), (4,)]),
            ('norm', 'layers/batch_normalization', [(4,), (4,), (4,), (4,)]),
            ('pool', 'layers/max_pooling2d', []), ('flat', 'layers/flatten', []),
            ('drop', 'layers/dropout', []),
            ('hidden', 'layers/dense', [(36, 5), (5,)]),
            ('probs', 'layers/dense_1', [(5, 3), (3,)])]
    layers = [
        input_layer('pixels', [8, 8, 1]),
        layer('Conv2D', 'features', {
            'filters': 4, 'kernel_size': [3, 3], 'strides': [1, 1], 'padding': 'valid',
            'data_format': 'channels_last', 'dilation_rate': [1, 1], 'groups': 1,
            'activation': 'relu', 'use_bias': True,
            'kernel_initializer': initializer('GlorotUniform'),
            'bias_initializer': initializer('Zeros'), 'kernel_regularizer': None,
            'bias_regularizer': None, 'activity_regularizer': None, 'kernel_constraint': None,
            'bias_constraint': None}, [None, 8, 8, 1]),
        layer('BatchNormalization', 'norm', {
            'axis': -1, 'momentum': 0.99, 'epsilon': 0.001, 'center': True, 'scale': True,
            'beta_initializer': initializer('Zeros'), 'gamma_initializer': initializer('Ones'),
            'moving_mean_initializer': initializer('Zeros'),
            'moving_variance_initializer': initializer('Ones'), 'beta_regularizer': None,
            'gamma_regularizer': None, 'beta_constraint': None, 'gamma_constraint': None,
            'synchronized': False}, [None, 6, 6, 4]),
        layer('MaxPooling2D', 'pool', {'pool_size': [2, 2], 'padding': 'valid',
                                       'strides': [2, 2], 'data_format': 'channels_last'}),
        layer('Flatten', 'flat', {'data_format': 'channels_last'}),
        layer('Dropout', 'drop', {'rate': 0.25, 'seed': None, 'noise_shape': None}),
        dense('hidden', 5, 'relu', [None, 36]),
        dense('probs', 3, 'softmax', [None, 5]),
    ]
    opt = optimizer('Adam', {'learning_rate': 0.0005, 'beta_1': 0.9, 'beta_2': 0.999,
                             'epsilon': 1e-07, 'amsgrad': False})
    config = {'module': 'keras', 'class_name': 'Sequential',
              'config': {'name': 'digits', 'trainable': True, 'dtype': POLICY, 'layers': layers,
                         'build_input_shape': [None, 8, 8, 1]},
              'registered_name': None, 'build_config': {'input_shape': [None, 8, 8, 1]},
              'compile_config': compile_config(opt, 'categorical_crossentropy', ['accuracy'])}
    weights = weights_for(spec)
    trainable = [a for name, _, arrays in weights
                 for i, a in enumerate(arrays) if not (name == 'norm' and i >= 2)]
    slots = []
    for a in trainable:
        slots += [np.full(a.shape, 0.125, np.float32), np.full(a.shape, 0.25, np.float32)]
    opt_vars = [np.int64(7), np.float32(0.0005)] + slots
    return config, weights, opt_vars, zipfile.ZIP_STORED, True


def functional():
    spec = [('left_in', None, []), ('right_in', None, []),
            ('left', 'layers/dense', [(4, 3), (3,)]), ('right', 'layers/dense_1', [(4, 3), (3,)]),
            ('sum', 'layers/add', []), ('out', 'layers/dense_2', [(3, 2), (2,)])]
    layers = [
        input_layer('left_in', [4], nodes=[]),
        input_layer('right_in', [4], nodes=[]),
        dense('left', 3, 'tanh', [None, 4], [{'args': [tensor('left_in', [None, 4])], 'kwargs': {}}]),
        dense('right', 3, 'relu', [None, 4],
              [{'args': [tensor('right_in', [None, 4])], 'kwargs': {}}]),
        layer('Add', 'sum', {}, None, [{'args': [[tensor('left', [None, 3]),
                                                 tensor('right', [None, 3])]], 'kwargs': {}}]),
        dense('out', 2, 'linear', [None, 3], [{'args': [tensor('sum', [None, 3])], 'kwargs': {}}]),
    ]
    schedule = {'module': 'keras.optimizers.schedules', 'class_name': 'CosineDecay',
                'config': {'initial_learning_rate': 0.1, 'decay_steps': 100, 'alpha': 0.0,
                           'name': 'CosineDecay', 'warmup_target': None, 'warmup_steps': 0},
                'registered_name': None}
    opt = optimizer('SGD', {'learning_rate': schedule, 'momentum': 0.9, 'nesterov': False})
    loss = {'module': 'keras.losses', 'class_name': 'MeanSquaredError',
            'config': {'name': 'mean_squared_error', 'reduction': 'sum_over_batch_size'},
            'registered_name': None}
    config = {'module': 'keras.src.models.functional', 'class_name': 'Functional',
              'config': {'name': 'two_towers', 'trainable': True, 'layers': layers,
                         'input_layers': [['left_in', 0, 0], ['right_in', 0, 0]],
                         'output_layers': [['out', 0, 0]]},
              'registered_name': 'Functional',
              'compile_config': compile_config(opt, loss, ['mae'])}
    weights = weights_for(spec)
    momentums = [np.full(a.shape, 0.5, np.float32) for _, _, arrays in weights for a in arrays]
    return config, weights, [np.int64(3)] + momentums, zipfile.ZIP_DEFLATED, False


def weights_file(weights, opt_vars, empty_groups):
    buffer = io.BytesIO()
    with h5py.File(buffer, 'w') as f:
        if empty_groups:
            f.create_group('vars')
        for _, path, arrays in weights:
            if path is None or (not arrays and not empty_groups):
                continue
            group = f.create_group(path).create_group('vars')
            for i, a in enumerate(arrays):
                group[str(i)] = a
        group = f.create_group('optimizer').create_group('vars')
        for i, a in enumerate(opt_vars):
            group[str(i)] = a
    return buffer.getvalue()


def main(variant, out):
    if variant not in ('sequential', 'functional'):
        raise SystemExit(f'unknown variant {variant}')
    config, weights, opt_vars, method, empty_groups = globals()[variant]()
    with zipfile.ZipFile(out, 'w', method) as z:
        z.writestr('metadata.json', json.dumps({'keras_version': '3.7.0',
                                                'date_saved': '2024-11-05@12:00:00'}))
        z.writestr('config.json', json.dumps(config))
        z.writestr('model.weights.h5', weights_file(weights, opt_vars, empty_groups))
    print(json.dumps({
        'layers': {name: [[float(x) for x in a.reshape(-1)] for a in arrays]
                   for name, _, arrays in weights},
        'optimizer': [[float(x) for x in np.asarray(a).reshape(-1)] for a in opt_vars],
    }))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
