"""The two networks minifvp deploys: TinyRPS (the Tiny RPS learning path) and the sine MLP
(the ExecuTorch Raspberry Pi Pico 2 W tutorial)."""

from __future__ import annotations

import torch
import torch.nn as nn


class TinyRPS(nn.Module):
    """[B,1,28,28] -> Conv3x3(16) -> ReLU -> Conv3x3(32) -> ReLU -> MaxPool2 -> Conv3x3(64) -> ReLU
    -> MaxPool2 -> flatten -> Linear(128) -> ReLU -> Linear(3), exactly as the learning path."""

    def __init__(self) -> None:
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(
            nn.Flatten(),
            nn.Linear(64 * 7 * 7, 128), nn.ReLU(inplace=True),
            nn.Linear(128, 3),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x))


class SineMLP(nn.Module):
    """1 -> 16 -> ReLU -> 16 -> ReLU -> 1. The tutorial's diagram says 337 parameters; the layer
    sizes it gives (W1 1x16, W2 16x16, W3 16x1 plus biases) add up to 321, which is what this is."""

    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(1, 16), nn.ReLU(),
            nn.Linear(16, 16), nn.ReLU(),
            nn.Linear(16, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)
