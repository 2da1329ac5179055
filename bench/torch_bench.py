"""PyTorch workloads for the comparison. Usage: python3 bench/torch_bench.py <threads>

Prints one JSON line with the same fields as the JavaScript engines."""
import json
import resource
import sys
import time

import torch
import torch.nn.functional as F

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
torch.set_num_threads(threads)
torch.manual_seed(0)


def best_ms(fn, warmup=2, rounds=3, iterations=5):
    for _ in range(warmup):
        fn()
    best = float('inf')
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(iterations):
            fn()
        best = min(best, (time.perf_counter() - start) / iterations * 1000)
    return best


def convnet():
    # The lecture ConvNet, channels-first as PyTorch prefers: 93,322 parameters.
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(32, 64, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(64, 64, 3), torch.nn.ReLU(), torch.nn.Flatten(),
        torch.nn.Linear(576, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))


def mlp():
    return torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 512), torch.nn.ReLU(),
                               torch.nn.Linear(512, 10))


def train_rate(model, batch, shape):
    x = torch.rand(batch, *shape)
    y = torch.randint(0, 10, (batch,))
    opt = torch.optim.RMSprop(model.parameters(), lr=0.001, alpha=0.9, eps=1e-7)

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
    return batch / best_ms(step, warmup=3, iterations=8) * 1000


results = {'engine': 'pytorch', 'threads': threads, 'version': torch.__version__}
n = 1024
a, b = torch.rand(n, n), torch.rand(n, n)
results['matmulGflops'] = 2 * n ** 3 / best_ms(lambda: torch.mm(a, b)) / 1e6

net = convnet()
assert sum(p.numel() for p in net.parameters()) == 93322
results['convnetTrain'] = train_rate(net, 64, (1, 28, 28))
xb = torch.rand(256, 1, 28, 28)
with torch.no_grad():
    results['convnetInfer'] = 256 / best_ms(lambda: F.softmax(net(xb), -1)) * 1000
results['mlpTrain'] = train_rate(mlp(), 128, (784,))
results['peakRssMiB'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(results))
