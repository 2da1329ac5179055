#!/usr/bin/env python3
"""Write Keras-layout HDF5 files with h5py only, as each Keras version lays them out, for a
small Sequential CNN: Conv2D(4, 3x3) -> BatchNormalization -> MaxPooling2D -> Flatten ->
Dropout -> Dense(3), input 8x8x1. Weight values are known: see known_values().

Usage: python3 scripts/h5py/write_keras_h5.py VARIANT OUT.h5
  VARIANT: tf2      tf.keras 2.15 model.save (vlen UTF-8 strings, 'conv2d/kernel:0' names)
           weights  tf.keras 2.15 save_weights (weights at the root, no model_config)
           keras23  Keras 2.3.1 model.save (fixed-length NULLPAD strings, prefixes != layer names)
           keras20  Keras 2.0.5 model.save (bare-list Sequential config, NULLTERM strings)
           keras3   Keras 3.7 legacy model.save('x.h5') (paths without ':0' under 'sequential/')
           keras1   Keras 1.1.1 model.save (flat names 'convolution2d_1_W:0', no keras_version
                    on model_weights)
           chunked  tf.keras 2.15 weights with layer_names/weight_names split into name0, name1...
Prints a JSON manifest of what was written (names, shapes, values) on stdout.
"""
import json
import sys

import h5py
import numpy as np

LIMIT = 64512


def known_values(size, seed, positive=False):
    """Multiples of 1/8 in [-1.75, 1.75]: exact in float32, distinct per weight."""
    v = np.array([((i * 7 + seed * 13) % 29 - 14) / 8 for i in range(size)], dtype=np.float32)
    return np.abs(v) + np.float32(0.5) if positive else v


def cnn_weights(prefix, style):
    """[(layer_name, [(weight_name, array)])] for the CNN, in model.layers order."""
    conv, bn, pool, flat, drop, dense = prefix['layers']
    k = prefix['kernel']
    shapes = [
        (conv, [(k(conv, 'kernel', 'W'), (3, 3, 1, 4)), (k(conv, 'bias', 'b'), (4,))]),
        (bn, [(k(prefix['bn_weights'], 'gamma', 'gamma'), (4,)), (k(prefix['bn_weights'], 'beta', 'beta'), (4,)),
              (k(prefix['bn_weights'], 'moving_mean', 'running_mean'), (4,)),
              (k(prefix['bn_weights'], 'moving_variance', 'running_std'), (4,))]),
        (pool, []), (flat, []), (drop, []),
        (dense, [(k(dense, 'kernel', 'W'), (36, 3)), (k(dense, 'bias', 'b'), (3,))]),
    ]
    out, seed = [], 1
    for name, ws in shapes:
        arrays = []
        for wname, shape in ws:
            positive = 'variance' in wname or 'running_std' in wname
            arrays.append((wname, known_values(int(np.prod(shape)), seed, positive).reshape(shape)))
            seed += 1
        out.append((name, arrays))
    return out


def tf2_names(layer, short, _k1):
    return f'{layer}/{short}:0'


def keras3_names(layer, short, _k1):
    return f'sequential/{layer}/{short}'


def keras1_names(layer, _short, k1):
    return f'{layer}_{k1}:0'


LAYERS_2 = ['conv2d', 'batch_normalization', 'max_pooling2d', 'flatten', 'dropout', 'dense']
LAYERS_20 = ['conv2d_1', 'batch_normalization_1', 'max_pooling2d_1', 'flatten_1', 'dropout_1',
             'dense_1']
LAYERS_1 = ['convolution2d_1', 'batchnormalization_1', 'maxpooling2d_1', 'flatten_1', 'dropout_1',
            'dense_1']


def layer_configs(names, version):
    conv, bn, pool, flat, drop, dense = names
    glorot = {'class_name': 'GlorotUniform', 'config': {'seed': None}}
    zeros = {'class_name': 'Zeros', 'config': {}}
    if version == 1:
        return [
            {'class_name': 'Convolution2D', 'config': {'name': conv, 'nb_filter': 4, 'nb_row': 3, 'nb_col': 3,
             'border_mode': 'valid', 'subsample': [1, 1], 'dim_ordering': 'tf', 'activation': 'relu',
             'init': 'glorot_uniform', 'bias': True, 'batch_input_shape': [None, 8, 8, 1]}},
            {'class_name': 'BatchNormalization', 'config': {'name': bn, 'epsilon': 0.001, 'mode': 0,
             'axis': -1, 'momentum': 0.99}},
            {'class_name': 'MaxPooling2D', 'config': {'name': pool, 'pool_size': [2, 2], 'strides': [2, 2],
             'border_mode': 'valid', 'dim_ordering': 'tf'}},
            {'class_name': 'Flatten', 'config': {'name': flat}},
            {'class_name': 'Dropout', 'config': {'name': drop, 'p': 0.25}},
            {'class_name': 'Dense', 'config': {'name': dense, 'output_dim': 3, 'activation': 'softmax',
             'init': 'glorot_uniform', 'bias': True}},
        ]
    first = {'batch_input_shape': [None, 8, 8, 1], 'dtype': 'float32'}
    return [
        {'class_name': 'Conv2D', 'config': {'name': conv, 'trainable': True, **first, 'filters': 4,
         'kernel_size': [3, 3], 'strides': [1, 1], 'padding': 'valid', 'data_format': 'channels_last',
         'dilation_rate': [1, 1], 'activation': 'relu', 'use_bias': True,
         'kernel_initializer': glorot, 'bias_initializer': zeros}},
        {'class_name': 'BatchNormalization', 'config': {'name': bn, 'trainable': True, 'axis': -1,
         'momentum': 0.99, 'epsilon': 0.001, 'center': True, 'scale': True}},
        {'class_name': 'MaxPooling2D', 'config': {'name': pool, 'trainable': True, 'pool_size': [2, 2],
         'padding': 'valid', 'strides': [2, 2], 'data_format': 'channels_last'}},
        {'class_name': 'Flatten', 'config': {'name': flat, 'trainable': True, 'data_format': 'channels_last'}},
        {'class_name': 'Dropout', 'config': {'name': drop, 'trainable': True, 'rate': 0.25,
         'noise_shape': None, 'seed': None}},
        {'class_name': 'Dense', 'config': {'name': dense, 'trainable': True, 'units': 3,
         'activation': 'softmax', 'use_bias': True, 'kernel_initializer': glorot,
         'bias_initializer': zeros}},
    ]


def vlen_utf8(node, name, value):
    node.attrs.create(name, value, dtype=h5py.string_dtype('utf-8'))


def vlen_ascii(node, name, value):
    node.attrs.create(name, value.encode('ascii'), dtype=h5py.string_dtype('ascii'))


def vlen_utf8_list(node, name, values):
    if not values:
        node.attrs[name] = np.asarray([])  # float64, as Keras writes for weightless layers
    else:
        node.attrs.create(name, values, dtype=h5py.string_dtype('utf-8'))


def nullpad_list(node, name, values):
    node.attrs[name] = np.array([v.encode('utf8') for v in values]) if values else np.asarray([])


def nullterm_list(node, name, values):
    if not values:
        node.attrs[name] = np.asarray([])
        return
    size = max(len(v) for v in values) + 1
    tid = h5py.h5t.C_S1.copy()
    tid.set_size(size)
    tid.set_strpad(h5py.h5t.STR_NULLTERM)
    space = h5py.h5s.create_simple((len(values),))
    attr = h5py.h5a.create(node.id, name.encode(), tid, space)
    attr.write(np.array([v.encode() for v in values], dtype=f'S{size}'))


def chunked_list(node, name, values):
    """Split like Keras when stored as fixed-length strings the list exceeds LIMIT bytes."""
    if not values:
        node.attrs[name] = np.asarray([])
        return
    data = np.array([v.encode('utf8') for v in values])
    parts = 1
    chunks = np.array_split(data, parts)
    while any(c.nbytes > LIMIT for c in chunks):
        parts += 1
        chunks = np.array_split(data, parts)
    if parts == 1:
        node.attrs[name] = data
    else:
        for i, c in enumerate(chunks):
            node.attrs[f'{name}{i}'] = c


def write_weights(group, layers, put_list, version_attrs):
    put_list(group, 'layer_names', [n for n, _ in layers])
    for key, value in version_attrs.items():
        vlen_utf8(group, key, value)
    for name, weights in layers:
        g = group.create_group(name)
        put_list(g, 'weight_names', [w for w, _ in weights])
        for wname, arr in weights:
            g.create_dataset(wname, data=arr)


def adam_slots(layers, m_name, v_name):
    out = []
    for _, weights in layers:
        for wname, arr in weights:
            if 'moving' in wname or 'running' in wname:
                continue
            out.append((m_name(wname), np.full(arr.shape, 0.125, np.float32)))
            out.append((v_name(wname), np.full(arr.shape, 0.25, np.float32)))
    return out


def write_optimizer(f, entries, put_list):
    og = f.create_group('optimizer_weights')
    put_list(og, 'weight_names', [n for n, _ in entries])
    for name, arr in entries:
        og.create_dataset(name, data=arr)


def manifest(variant, version, backend, layers, optimizer, layout='model'):
    return {
        'variant': variant, 'layout': layout, 'kerasVersion': version, 'backend': backend,
        'layerNames': [n for n, _ in layers],
        'layers': [{'name': n, 'weights': [{'name': w, 'shape': list(a.shape),
                                            'values': [float(x) for x in a.reshape(-1)]}
                                           for w, a in ws]} for n, ws in layers],
        'optimizer': [{'name': n, 'shape': list(a.shape), 'dtype': a.dtype.name,
                       'values': [float(x) for x in np.asarray(a).reshape(-1)]} for n, a in optimizer],
    }


def write(variant, path):
    if variant in ('tf2', 'weights', 'chunked'):
        names, version, fmt = LAYERS_2, '2.15.0', tf2_names
    elif variant == 'keras3':
        names, version, fmt = LAYERS_2, '3.7.0', keras3_names
    elif variant in ('keras23', 'keras20'):
        names, version, fmt = LAYERS_20, '2.3.1' if variant == 'keras23' else '2.0.5', tf2_names
    elif variant == 'keras1':
        names, version, fmt = LAYERS_1, '1.1.1', keras1_names
    else:
        raise SystemExit(f'unknown variant {variant}')
    if variant == 'chunked':
        names = [n + '_' + 'x' * 1500 for n in names]
        names = [f'{n}_{i}' for i in range(8) for n in names]
        layers = []
        for i in range(8):
            # The first BatchNormalization's weight names are long enough to split weight_names.
            bn = names[i * 6 + 1] + ('y' * 16000 if i == 0 else '')
            block = cnn_weights({'layers': names[i * 6:(i + 1) * 6], 'kernel': fmt, 'bn_weights': bn}, 2)
            layers.extend(block)
    else:
        # Old Keras wrote BatchNormalization weights under a prefix that differs from the layer.
        bn_prefix = {'keras23': 'batch_normalization_1_5', 'keras20': 'batch_normalization_1_1'}
        layers = cnn_weights({'layers': names, 'kernel': fmt,
                              'bn_weights': bn_prefix.get(variant, names[1])}, 2)

    optimizer = []
    with h5py.File(path, 'w') as f:
        if variant in ('weights', 'chunked'):
            put = chunked_list if variant == 'chunked' else vlen_utf8_list
            write_weights(f, layers, put, {'backend': 'tensorflow', 'keras_version': version})
            print(json.dumps(manifest(variant, version, 'tensorflow', layers, [], 'weights')))
            return

        configs = layer_configs(names, 1 if variant == 'keras1' else 2)
        if variant == 'keras20':
            model_config = {'class_name': 'Sequential', 'config': configs}
        elif variant == 'keras1':
            model_config = {'class_name': 'Sequential', 'config': configs}
        elif variant == 'keras3':
            for c in configs:
                c['config']['dtype'] = {'module': 'keras', 'class_name': 'DTypePolicy',
                                        'config': {'name': 'float32'}, 'registered_name': None}
                c['config'].pop('batch_input_shape', None)
            configs.insert(0, {'class_name': 'InputLayer', 'config': {'batch_shape': [None, 8, 8, 1],
                               'dtype': 'float32', 'sparse': False, 'name': 'input_layer'}})
            model_config = {'class_name': 'Sequential', 'config': {'name': 'sequential', 'trainable': True,
                            'layers': configs, 'build_input_shape': [None, 8, 8, 1]}}
        else:
            model_config = {'class_name': 'Sequential', 'config': {'name': 'sequential', 'layers': configs}}

        backend = None if variant == 'keras1' else 'tensorflow'
        old = variant in ('keras23', 'keras20', 'keras1')
        put_scalar = vlen_ascii if old else vlen_utf8
        put_scalar(f, 'keras_version', version)
        if backend:
            put_scalar(f, 'backend', backend)
        # NaN written bare, as Python's json.dumps does, to check the reader copes with it.
        put_scalar(f, 'model_config', json.dumps(model_config).replace('"seed": null', '"seed": NaN', 1)
                   if variant == 'keras23' else json.dumps(model_config))

        if variant == 'keras1':
            put_list = nullpad_list
        elif variant == 'keras20':
            put_list = nullterm_list
        elif variant == 'keras23':
            put_list = nullpad_list
        else:
            put_list = vlen_utf8_list
        version_attrs = {} if variant == 'keras1' else {'backend': backend, 'keras_version': version}
        write_weights(f.create_group('model_weights'), layers, put_list, version_attrs)

        if variant == 'tf2':
            put_scalar(f, 'training_config', json.dumps({
                'loss': 'categorical_crossentropy', 'metrics': [['accuracy']], 'weighted_metrics': None,
                'loss_weights': None, 'optimizer_config': {'class_name': 'Custom>Adam', 'config': {
                    'name': 'Adam', 'learning_rate': 0.001, 'beta_1': 0.9, 'beta_2': 0.999,
                    'epsilon': 1e-07, 'amsgrad': False, 'is_legacy_optimizer': False}}}))
            optimizer = [('iteration:0', np.int64(7))] + adam_slots(
                layers, lambda w: 'Adam/m/' + w, lambda w: 'Adam/v/' + w)
        elif variant == 'keras23':
            put_scalar(f, 'training_config', json.dumps({
                'loss': 'categorical_crossentropy', 'metrics': ['accuracy'], 'optimizer_config': {
                    'class_name': 'Adam', 'config': {'learning_rate': 0.001, 'beta_1': 0.9,
                                                     'beta_2': 0.999, 'amsgrad': False}}}))
            optimizer = [('Adam/iterations:0', np.int64(7))] + [
                (f'training/Adam/Variable_{i}:0' if i else 'training/Adam/Variable:0', a)
                for i, (_, a) in enumerate(adam_slots(layers, str, str))]
        elif variant == 'keras3':
            optimizer = [('adam/iteration', np.int64(7)), ('adam/learning_rate', np.float32(0.001))]
        if optimizer:
            write_optimizer(f, optimizer, put_list)

    print(json.dumps(manifest(variant, version, backend, layers, optimizer)))


if __name__ == '__main__':
    write(sys.argv[1], sys.argv[2])
