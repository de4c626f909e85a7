"""Synthetic Rock/Paper/Scissors letter images, following the Tiny RPS learning path's renderer.

Each sample is the first letter of the class name ("R", "P", "S") drawn on a 28x28 grayscale
canvas with a black background, then perturbed (offset, brightness, blur, rotation, affine jitter,
Gaussian noise, and for the training split only, inversion). The learning path loads Arial;
we use Liberation Sans, which is metric-compatible with Arial and ships in Debian's
fonts-liberation package.

Everything is drawn from one numpy Generator seeded by the caller, so a seed fully determines
the data set (given the same Pillow and FreeType versions).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

LABELS = ("rock", "paper", "scissors")
LETTERS = ("R", "P", "S")
IMG_SIZE = 28
FONT_PATH = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
FONT_SIZE_RANGE = (18, 24)
INVERT_PROBABILITY = 0.15

_font_cache: dict[int, ImageFont.FreeTypeFont] = {}


def load_font(size: int) -> ImageFont.FreeTypeFont:
    if not os.path.exists(FONT_PATH):
        raise FileNotFoundError(
            f"{FONT_PATH} is missing: install Debian's fonts-liberation (scripts/install_deps.sh)")
    if size not in _font_cache:
        _font_cache[size] = ImageFont.truetype(FONT_PATH, size=size)
    return _font_cache[size]


def render_letter(rng: np.random.Generator, label: int, training: bool) -> np.ndarray:
    """Returns one 28x28 uint8 image of LETTERS[label] with the learning path's perturbations."""
    img = Image.new("L", (IMG_SIZE, IMG_SIZE), color=0)
    draw = ImageDraw.Draw(img)
    font = load_font(int(rng.uniform(*FONT_SIZE_RANGE)))
    text = LETTERS[label]
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    width, height = right - left, bottom - top
    x = (IMG_SIZE - width) // 2 - left + int(rng.uniform(-2, 2))
    y = (IMG_SIZE - height) // 2 - top + int(rng.uniform(-2, 2))
    draw.text((x, y), text, fill=int(rng.uniform(180, 255)), font=font)

    if rng.random() < 0.6:
        img = img.filter(ImageFilter.GaussianBlur(radius=float(rng.uniform(0.0, 0.7))))
    if rng.random() < 0.8:
        img = img.rotate(float(rng.uniform(-18, 18)), resample=Image.BILINEAR, fillcolor=0)
    if rng.random() < 0.5:
        coeffs = (1 + rng.uniform(-0.05, 0.05), rng.uniform(-0.05, 0.05), rng.uniform(-1, 1),
                  rng.uniform(-0.05, 0.05), 1 + rng.uniform(-0.05, 0.05), rng.uniform(-1, 1))
        img = img.transform(img.size, Image.AFFINE, tuple(float(c) for c in coeffs),
                            resample=Image.BILINEAR, fillcolor=0)
    pixels = np.asarray(img, dtype=np.float32)
    if rng.random() < 0.8:
        sigma = rng.uniform(3, 12)
        pixels = pixels + rng.standard_normal(pixels.shape).astype(np.float32) * np.float32(sigma)
    pixels = np.clip(pixels, 0, 255).astype(np.uint8)
    if training and rng.random() < INVERT_PROBABILITY:
        pixels = np.asarray(ImageOps.invert(Image.fromarray(pixels)), dtype=np.uint8)
    return pixels


@dataclass
class Split:
    images: np.ndarray  # [N, 28, 28] uint8
    labels: np.ndarray  # [N] int64


@dataclass
class Dataset:
    train: Split
    val: Split


def _make_split(rng: np.random.Generator, per_class: int, training: bool) -> Split:
    images = np.empty((per_class * len(LABELS), IMG_SIZE, IMG_SIZE), dtype=np.uint8)
    labels = np.empty(per_class * len(LABELS), dtype=np.int64)
    index = 0
    for _ in range(per_class):
        for label in range(len(LABELS)):
            images[index] = render_letter(rng, label, training)
            labels[index] = label
            index += 1
    return Split(images, labels)


def make_dataset(seed: int = 7, train_per_class: int = 1000, val_per_class: int = 200) -> Dataset:
    """Renders the training and validation splits; the same seed gives the same pixels."""
    rng = np.random.default_rng(seed)
    train = _make_split(rng, train_per_class, training=True)
    val = _make_split(rng, val_per_class, training=False)
    return Dataset(train, val)


def to_float(images: np.ndarray) -> np.ndarray:
    """uint8 [N,28,28] -> float32 [N,1,28,28] in [0,1], the model's input convention."""
    return (images.astype(np.float32) / np.float32(255.0))[:, None, :, :]
