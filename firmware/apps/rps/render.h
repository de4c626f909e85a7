// On-device renderer of the Tiny RPS data set: a letter from the pipeline's glyph bitmaps
// (firmware/generated/rps_glyphs.c, Liberation Sans 18..23 px) on a black 28x28 canvas, perturbed
// like scripts/minifvp_ml/dataset.py: +/-2 px jitter, brightness 180..254, a light blur (p=0.6),
// rotation within +/-18 degrees with bilinear sampling (p=0.8), an affine jitter of +/-5 % scale
// and shear and +/-1 px shift (p=0.5) and Gaussian noise of standard
// deviation 3..12 (p=0.8). Integer and fixed-point arithmetic only.
#ifndef MINIFVP_RPS_RENDER_H
#define MINIFVP_RPS_RENDER_H

#include <stdint.h>

#include "rng.h"

#define RPS_IMAGE_SIDE 28
#define RPS_IMAGE_PIXELS (RPS_IMAGE_SIDE * RPS_IMAGE_SIDE)

// Renders class `label` (0 rock 'R', 1 paper 'P', 2 scissors 'S'). With `clean` set, only the
// font size and brightness vary: no jitter, blur, rotation or noise.
void render_move(rps_rng_t* rng, int label, int clean, uint8_t image[RPS_IMAGE_PIXELS]);

// Prints the image as the learning path does: every second row, 28 columns, charset
// " .:-=+*#%@" indexed by v * 10 / 256.
void print_ascii_image(const uint8_t image[RPS_IMAGE_PIXELS]);

#endif
