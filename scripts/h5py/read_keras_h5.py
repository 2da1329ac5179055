#!/usr/bin/env python3
"""Dump a Keras HDF5 file as JSON using h5py only (an independent check of our writer).

Usage: python3 scripts/h5py/read_keras_h5.py FILE.h5

Prints: root attributes (with their HDF5 string encoding), the layout ('model' or 'weights'),
layer_names, each layer's weight_names, and per dataset its shape, dtype, sum, first values
(and all values when small). Attributes split into name0, name1... are joined.
"""
import json
import sys

import h5py
import numpy as np

SMALL = 256


def string_kind(attrs, name):
    """Describe how an attribute is stored: 'vlen-utf8', 'fixed-ascii-9', 'float64-empty'..."""
    tid = attrs.get_id(name).get_type()
    if isinstance(tid, h5py.h5t.TypeStringID):
        cset = 'utf8' if tid.get_cset() == h5py.h5t.CSET_UTF8 else 'ascii'
        if tid.is_variable_str():
            return f'vlen-{cset}'
        return f'fixed-{cset}-{tid.get_size()}'
    return f'{np.dtype(attrs[name].dtype).name}-{"empty" if attrs[name].size == 0 else "array"}'


def as_text(value):
    if isinstance(value, bytes):
        return value.decode('utf8')
    if isinstance(value, np.ndarray):
        return [as_text(v) for v in value.tolist()]
    if isinstance(value, list):
        return [as_text(v) for v in value]
    if isinstance(value, (np.floating, float)):
        return float(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    return value


def string_list(node, name):
    """Read a list attribute, falling back to the chunked series name0, name1..."""
    if name in node.attrs:
        return as_text(node.attrs[name])
    out, i = [], 0
    while f'{name}{i}' in node.attrs:
        out.extend(as_text(node.attrs[f'{name}{i}']))
        i += 1
    return out if i else None


def dataset_summary(ds):
    values = np.asarray(ds[()])
    flat = values.reshape(-1)
    summary = {
        'shape': list(values.shape),
        'dtype': values.dtype.name,
        'sum': float(flat.astype(np.float64).sum()) if flat.size else 0.0,
        'first': [float(v) for v in flat[:5]],
    }
    if flat.size <= SMALL:
        summary['values'] = [float(v) for v in flat]
    return summary


def weights_of(group, names):
    return {name: dataset_summary(group[name]) for name in names}


def main(path):
    with h5py.File(path, 'r') as f:
        root_attrs = {k: as_text(f.attrs[k]) for k in f.attrs}
        kinds = {k: string_kind(f.attrs, k) for k in f.attrs}
        model = 'model_config' in f.attrs
        wg = f['model_weights'] if model else f
        layer_names = string_list(wg, 'layer_names') or []
        layers = {}
        for name in layer_names:
            g = wg[name]
            wn = string_list(g, 'weight_names') or []
            layers[name] = {'weight_names': wn, 'weight_names_kind': string_kind(g.attrs, 'weight_names')
                            if 'weight_names' in g.attrs else 'chunked', 'weights': weights_of(g, wn)}
        out = {
            'layout': 'model' if model else 'weights',
            'root_attrs': root_attrs,
            'root_attr_kinds': kinds,
            'weights_group_attrs': {k: as_text(wg.attrs[k]) for k in wg.attrs
                                    if not k.startswith('layer_names')},
            'layer_names': layer_names,
            'layer_names_kind': string_kind(wg.attrs, 'layer_names') if 'layer_names' in wg.attrs
            else 'chunked',
            'layers': layers,
            'groups': sorted(wg.keys()),
        }
        if 'optimizer_weights' in f:
            og = f['optimizer_weights']
            wn = string_list(og, 'weight_names') or []
            out['optimizer'] = {'weight_names': wn, 'weights': weights_of(og, wn)}
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main(sys.argv[1])
