"""Deterministic training loops for TinyRPS and the sine MLP.

Determinism: torch.manual_seed fixes the initial weights, a seeded torch.Generator fixes the batch
order, torch.use_deterministic_algorithms(True) forbids nondeterministic kernels, and a fixed thread
count keeps the CPU reduction order the same, so a rerun on the same machine and the same
library versions reproduces the weights bit for bit.
"""

from __future__ import annotations

import copy
import math
import sys
import time
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn

from . import dataset as ds
from .models import SineMLP, TinyRPS


def make_deterministic(seed: int, threads: int = 2) -> None:
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(threads)


class ProgressBar:
    """A one-line text progress bar on stderr (no third-party dependency)."""

    def __init__(self, total: int, prefix: str, width: int = 30) -> None:
        self.total, self.prefix, self.width = total, prefix, width
        self.interactive = sys.stderr.isatty()

    def update(self, done: int, suffix: str = "") -> None:
        if not self.interactive and done != self.total:
            return
        filled = self.width * done // self.total
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if done == self.total else ""
        sys.stderr.write(f"\r{self.prefix} [{bar}] {done}/{self.total} {suffix}{end}")
        sys.stderr.flush()


@dataclass
class RpsTrainingResult:
    model: TinyRPS
    best_val_accuracy: float
    history: list  # (epoch, train_acc, val_acc)


def accuracy(model: nn.Module, images: torch.Tensor, labels: torch.Tensor, batch: int = 256) -> float:
    model.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(images), batch):
            logits = model(images[start:start + batch])
            correct += int((logits.argmax(dim=1) == labels[start:start + batch]).sum())
    return correct / len(images)


def train_tinyrps(data: ds.Dataset, epochs: int = 8, seed: int = 7, batch: int = 64,
                  lr: float = 2e-3, weight_decay: float = 1e-4, log=print) -> RpsTrainingResult:
    """Adam + cross-entropy as in the learning path; keeps the weights of the best validation epoch
    (the learning path saves rps_best.pt the same way)."""
    make_deterministic(seed)
    model = TinyRPS()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    loss_fn = nn.CrossEntropyLoss()
    train_x = torch.from_numpy(ds.to_float(data.train.images))
    train_y = torch.from_numpy(data.train.labels)
    val_x = torch.from_numpy(ds.to_float(data.val.images))
    val_y = torch.from_numpy(data.val.labels)
    order_rng = torch.Generator().manual_seed(seed)
    log(f"Train size: {len(train_x)} | Val size: {len(val_x)}")

    best_acc, best_state, history = -1.0, None, []
    steps = math.ceil(len(train_x) / batch)
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(len(train_x), generator=order_rng)
        bar = ProgressBar(steps, f"epoch {epoch:02d}/{epochs}")
        correct, seen, started = 0, 0, time.time()
        for step in range(steps):
            idx = order[step * batch:(step + 1) * batch]
            x, y = train_x[idx], train_y[idx]
            optimizer.zero_grad()
            logits = model(x)
            loss = loss_fn(logits, y)
            loss.backward()
            optimizer.step()
            correct += int((logits.argmax(dim=1) == y).sum())
            seen += len(y)
            bar.update(step + 1, f"loss {loss.item():.4f} ({time.time() - started:.0f}s)")
        train_acc = correct / seen
        val_acc = accuracy(model, val_x, val_y)
        history.append((epoch, train_acc, val_acc))
        log(f"Epoch {epoch:02d}/{epochs} | train {100 * train_acc:.2f}% | val {100 * val_acc:.2f}%")
        if val_acc > best_acc:
            best_acc, best_state = val_acc, copy.deepcopy(model.state_dict())
    model.load_state_dict(best_state)
    model.eval()
    return RpsTrainingResult(model, best_acc, history)


SINE_X_RANGE = (0.0, 2.0 * math.pi)


@dataclass
class SineTrainingResult:
    model: SineMLP
    max_abs_error: float


def sine_grid(points: int = 1001) -> np.ndarray:
    return np.linspace(SINE_X_RANGE[0], SINE_X_RANGE[1], points, dtype=np.float32)


def train_sine(seed: int = 7, steps: int = 4000, log=print) -> SineTrainingResult:
    """Full-batch Adam on 2048 uniformly drawn points of [0, 2 pi]; the learning rate drops 10x
    for the last quarter. The error is measured on a dense grid (sine_grid). One thread: the
    tensors are tiny, and OpenMP hand-offs between threads cost far more than the arithmetic on a
    busy machine."""
    make_deterministic(seed, threads=1)
    model = SineMLP()
    gen = torch.Generator().manual_seed(seed)
    x = torch.rand(2048, 1, generator=gen) * SINE_X_RANGE[1]
    y = torch.sin(x)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss_fn = nn.MSELoss()
    bar = ProgressBar(steps, "sine")
    for step in range(steps):
        if step == steps * 3 // 4:
            for group in optimizer.param_groups:
                group["lr"] = 1e-3
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        if (step + 1) % 100 == 0 or step + 1 == steps:
            bar.update(step + 1, f"mse {loss.item():.2e}")
    model.eval()
    grid = torch.from_numpy(sine_grid())[:, None]
    with torch.no_grad():
        err = float((model(grid) - torch.sin(grid)).abs().max())
    log(f"sine MLP: {sum(p.numel() for p in model.parameters())} parameters, "
        f"max |error| on [0, 2pi] = {err:.4f}")
    return SineTrainingResult(model, err)
