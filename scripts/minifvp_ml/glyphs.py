"""Bitmaps of the training font's R, P and S at every size the data set uses, for rendering game
images on the device the way dataset.render_letter does on the host (before its perturbations)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from . import dataset as ds


def render_glyphs():
    """Returns a list of (letter, size, x0, y0, bitmap uint8 [h, w]): the letter drawn at full
    intensity, centred in the 28x28 canvas as render_letter centres it, cropped to its ink; x0, y0
    are the crop's top-left corner in the canvas before the +/-2 px jitter."""
    glyphs = []
    for letter in ds.LETTERS:
        for size in range(ds.FONT_SIZE_RANGE[0], ds.FONT_SIZE_RANGE[1]):
            font = ds.load_font(size)
            img = Image.new("L", (ds.IMG_SIZE, ds.IMG_SIZE), color=0)
            draw = ImageDraw.Draw(img)
            left, top, right, bottom = draw.textbbox((0, 0), letter, font=font)
            x = (ds.IMG_SIZE - (right - left)) // 2 - left
            y = (ds.IMG_SIZE - (bottom - top)) // 2 - top
            draw.text((x, y), letter, fill=255, font=font)
            pixels = np.asarray(img)
            ys, xs = np.nonzero(pixels)
            y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
            glyphs.append((letter, size, int(x0), int(y0), pixels[y0:y1, x0:x1].copy()))
    return glyphs
