#!/usr/bin/python3
"""Writes small JSON goldens for layer and loss tests, computed with PyTorch (Debian's
python3-torch) in float64 and laid out the Keras way (channels-last images, HWIO kernels).

Run: /usr/bin/python3 scripts/goldens/make_goldens.py
Output: src/layers/goldens/layers.json, src/losses/goldens/losses.json

Each case holds its inputs, the forward output, and the gradients of sum(y * dy) for a fixed
dy, so a test can check both directions.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
ROOT = os.path.join(os.path.dirname(__file__), '..', '..')


def values(shape, seed):
    """Deterministic values in about [-1, 1] that need no random generator to reproduce."""
    n = math.prod(shape)
    return torch.tensor([math.sin(seed * 1.3 + i * 0.7) for i in range(n)]).reshape(shape)


def flat(t):
    return [round(float(v), 10) for v in t.detach().reshape(-1).tolist()]


def same_pad(n, k, s):
    """TensorFlow's 'same' padding: total max((ceil(n/s)-1)*s + k - n, 0), smaller half first."""
    out = -(-n // s)
    total = max((out - 1) * s + k - n, 0)
    return total // 2, total - total // 2


def conv_case(name, x_shape, k_shape, stride, padding):
    x = values(x_shape, 1).requires_grad_()
    w = values(k_shape, 2).mul(0.5).requires_grad_()
    b = values([k_shape[3]], 3).requires_grad_()
    xc = x.permute(0, 3, 1, 2)
    if padding == 'same':
        top, bottom = same_pad(x_shape[1], k_shape[0], stride)
        left, right = same_pad(x_shape[2], k_shape[1], stride)
        xc = F.pad(xc, (left, right, top, bottom))
    y = F.conv2d(xc, w.permute(3, 2, 0, 1), b, stride=stride).permute(0, 2, 3, 1)
    dy = values(list(y.shape), 4)
    (y * dy).sum().backward()
    return {'name': name, 'strides': stride, 'padding': padding,
            'x': {'shape': x_shape, 'values': flat(x)}, 'kernel': {'shape': k_shape, 'values': flat(w)},
            'bias': flat(b), 'y': {'shape': list(y.shape), 'values': flat(y)}, 'dy': flat(dy),
            'dx': flat(x.grad), 'dkernel': flat(w.grad), 'dbias': flat(b.grad)}


def dense_case():
    x = values([3, 4], 5).requires_grad_()
    w = values([4, 2], 6).requires_grad_()
    b = values([2], 7).requires_grad_()
    y = torch.relu(x @ w + b)
    dy = values([3, 2], 8)
    (y * dy).sum().backward()
    return {'x': {'shape': [3, 4], 'values': flat(x)}, 'kernel': {'shape': [4, 2], 'values': flat(w)},
            'bias': flat(b), 'activation': 'relu', 'y': flat(y), 'dy': flat(dy),
            'dx': flat(x.grad), 'dkernel': flat(w.grad), 'dbias': flat(b.grad)}


def batch_norm_case():
    shape = [2, 3, 3, 2]
    x = values(shape, 9).mul(2).add(0.5).requires_grad_()
    gamma = torch.tensor([1.5, 0.5]).requires_grad_()
    beta = torch.tensor([0.1, -0.2]).requires_grad_()
    bn = torch.nn.BatchNorm2d(2, eps=1e-3, momentum=0.01)  # torch momentum = 1 - Keras momentum
    with torch.no_grad():
        bn.weight.copy_(gamma)
        bn.bias.copy_(beta)
    bn.train()
    y = bn(x.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)
    dy = values(shape, 10)
    (y * dy).sum().backward()
    # Inference with the updated moving statistics.
    bn.eval()
    with torch.no_grad():
        y_inf = bn(x.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)
    return {'x': {'shape': shape, 'values': flat(x)}, 'gamma': flat(gamma), 'beta': flat(beta),
            'momentum': 0.99, 'epsilon': 1e-3, 'y_train': flat(y), 'dy': flat(dy),
            'dx': flat(x.grad), 'dgamma': flat(bn.weight.grad), 'dbeta': flat(bn.bias.grad),
            'moving_mean': flat(bn.running_mean), 'moving_variance': flat(bn.running_var),
            'y_inference': flat(y_inf)}


def pool_case(kind, pool, stride, padding):
    shape = [1, 5, 5, 2]
    x = values(shape, 11).requires_grad_()
    xc = x.permute(0, 3, 1, 2)
    if padding == 'same':
        top, bottom = same_pad(5, pool, stride)
        left, right = same_pad(5, pool, stride)
        if kind == 'max':
            xc = F.pad(xc, (left, right, top, bottom), value=-1e9)
            y = F.max_pool2d(xc, pool, stride)
        else:
            # Keras averages only positions inside the input.
            ones = F.pad(torch.ones_like(xc), (left, right, top, bottom))
            xs = F.pad(xc, (left, right, top, bottom))
            y = F.avg_pool2d(xs, pool, stride) / F.avg_pool2d(ones, pool, stride)
    else:
        y = (F.max_pool2d if kind == 'max' else F.avg_pool2d)(xc, pool, stride)
    y = y.permute(0, 2, 3, 1)
    dy = values(list(y.shape), 12)
    (y * dy).sum().backward()
    return {'kind': kind, 'poolSize': pool, 'strides': stride, 'padding': padding,
            'x': {'shape': shape, 'values': flat(x)}, 'y': {'shape': list(y.shape), 'values': flat(y)},
            'dy': flat(dy), 'dx': flat(x.grad)}


def loss_cases():
    eps = 1e-7
    cases = []
    probs = torch.tensor([[0.7, 0.2, 0.1], [0.05, 0.05, 0.9], [0.3, 0.3, 0.4], [0.0, 1.0, 0.0]])
    onehot = torch.tensor([[1., 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]])
    labels = [0, 1, 2, 0]

    def add(name, y_true, y_pred, fn):
        p = y_pred.clone().requires_grad_()
        value = fn(y_true, p)
        value.backward()
        cases.append({'loss': name, 'y_true': {'shape': list(y_true.shape), 'values': flat(y_true)},
                      'y_pred': {'shape': list(p.shape), 'values': flat(p)},
                      'value': float(value), 'grad': flat(p.grad)})

    def cce(t, p):
        q = torch.clamp(p / p.sum(-1, keepdim=True), eps, 1 - eps)
        return -(t * torch.log(q)).sum(-1).mean()

    def scce(t, p):
        q = torch.clamp(p, eps, 1 - eps)
        logq = torch.log(q) - torch.log(q.sum(-1, keepdim=True))
        return -logq[torch.arange(len(labels)), labels].mean()

    def bce(t, p):
        q = torch.clamp(p, eps, 1 - eps)
        return -(t * torch.log(q + eps) + (1 - t) * torch.log(1 - q + eps)).mean(-1).mean()

    add('categorical_crossentropy', onehot, probs, cce)
    add('sparse_categorical_crossentropy', torch.tensor(labels, dtype=torch.float64), probs, scce)
    bt = torch.tensor([[1.], [0], [1], [0]])
    bp = torch.tensor([[0.9], [0.2], [0.4], [0.0]])
    add('binary_crossentropy', bt, bp, bce)
    rt = torch.tensor([[0.5, -1.0], [2.0, 0.0]])
    rp = torch.tensor([[0.1, -0.2], [0.3, 2.5]])
    add('mean_squared_error', rt, rp, lambda t, p: ((p - t) ** 2).mean(-1).mean())
    add('mean_absolute_error', rt, rp, lambda t, p: (p - t).abs().mean(-1).mean())
    add('huber', rt, rp, lambda t, p: F.huber_loss(p, t, reduction='none', delta=1.0).mean(-1).mean())
    kt = torch.tensor([[0.2, 0.8], [0.5, 0.5]])
    kp = torch.tensor([[0.3, 0.7], [0.9, 0.1]])
    add('kl_divergence', kt, kp, lambda t, p: (t * torch.log(t / torch.clamp(p, eps, 1))).sum(-1).mean())
    ht = torch.tensor([[1., 0], [0, 1]])
    hp = torch.tensor([[0.3, -0.4], [1.5, 0.2]])
    add('hinge', ht, hp, lambda t, p: torch.relu(1 - (2 * t - 1) * p).mean(-1).mean())
    return cases


def write(path, data):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
        f.write('\n')


write('src/layers/goldens/layers.json', {
    'generator': 'scripts/goldens/make_goldens.py (PyTorch %s, float64)' % torch.__version__,
    'conv2d': [conv_case('valid', [2, 5, 5, 2], [3, 3, 2, 3], 1, 'valid'),
               conv_case('same', [2, 5, 5, 2], [3, 3, 2, 3], 1, 'same'),
               conv_case('same stride 2', [1, 6, 5, 2], [3, 3, 2, 2], 2, 'same'),
               conv_case('valid stride 2', [1, 7, 6, 1], [2, 2, 1, 2], 2, 'valid')],
    'dense': dense_case(),
    'batch_normalization': batch_norm_case(),
    'pooling': [pool_case('max', 2, 2, 'valid'), pool_case('avg', 2, 2, 'valid'),
                pool_case('max', 3, 2, 'same'), pool_case('avg', 2, 2, 'same')],
})
write('src/losses/goldens/losses.json', {
    'generator': 'scripts/goldens/make_goldens.py (PyTorch %s, float64)' % torch.__version__,
    'cases': loss_cases(),
})
