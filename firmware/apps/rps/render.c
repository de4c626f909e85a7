#include "render.h"

#include <stdio.h>
#include <string.h>

#include "rps_glyphs.h"

static const char kLetters[3] = {'R', 'P', 'S'};

// Fixed point with 16 fractional bits.
enum { Q16_ONE = 1 << 16 };

static const rps_glyph_t* pick_glyph(rps_rng_t* rng, int label) {
  const rps_glyph_t* candidates[RPS_GLYPH_COUNT];
  int count = 0;
  for (int i = 0; i < RPS_GLYPH_COUNT; ++i) {
    if (rps_glyphs[i].letter == kLetters[label]) candidates[count++] = &rps_glyphs[i];
  }
  return candidates[rng_range(rng, 0, count - 1)];
}

// int(uniform(-2, 2)) as Python truncates it: 0 with probability 1/2, +1 and -1 with 1/4 each.
static int jitter(rps_rng_t* rng) {
  int32_t quarter = rng_range(rng, 0, 3);
  return quarter == 0 ? -1 : (quarter == 1 ? 1 : 0);
}

static void draw_glyph(const rps_glyph_t* glyph, int dx, int dy, int brightness, uint8_t* image) {
  for (int y = 0; y < glyph->height; ++y) {
    int cy = glyph->y0 + dy + y;
    if (cy < 0 || cy >= RPS_IMAGE_SIDE) continue;
    for (int x = 0; x < glyph->width; ++x) {
      int cx = glyph->x0 + dx + x;
      if (cx < 0 || cx >= RPS_IMAGE_SIDE) continue;
      int coverage = glyph->pixels[y * glyph->width + x];
      image[cy * RPS_IMAGE_SIDE + cx] = (uint8_t)((coverage * brightness + 127) / 255);
    }
  }
}

// Blends the image with its 3x3 binomial blur (weights 1 2 1 / 2 4 2 / 1 2 1, edges clamped) by
// alpha/256: a stand-in for Pillow's GaussianBlur with a radius below 1.
static void blur(uint8_t* image, int alpha) {
  uint8_t source[RPS_IMAGE_PIXELS];
  memcpy(source, image, sizeof source);
  static const int kWeights[3] = {1, 2, 1};
  for (int y = 0; y < RPS_IMAGE_SIDE; ++y) {
    for (int x = 0; x < RPS_IMAGE_SIDE; ++x) {
      int sum = 0;
      for (int ky = -1; ky <= 1; ++ky) {
        int sy = y + ky < 0 ? 0 : (y + ky >= RPS_IMAGE_SIDE ? RPS_IMAGE_SIDE - 1 : y + ky);
        for (int kx = -1; kx <= 1; ++kx) {
          int sx = x + kx < 0 ? 0 : (x + kx >= RPS_IMAGE_SIDE ? RPS_IMAGE_SIDE - 1 : x + kx);
          sum += kWeights[ky + 1] * kWeights[kx + 1] * source[sy * RPS_IMAGE_SIDE + sx];
        }
      }
      int blurred = (sum + 8) / 16;
      int original = source[y * RPS_IMAGE_SIDE + x];
      image[y * RPS_IMAGE_SIDE + x] = (uint8_t)(original + ((blurred - original) * alpha) / 256);
    }
  }
}

// sin and cos of an angle given in tenths of a degree (|angle| <= 180), in Q16, by the Taylor
// series to the x^5 and x^4 terms: for |x| <= 0.32 rad the error is below 2^-24.
static void sin_cos_q16(int tenth_degrees, int32_t* sin_q16, int32_t* cos_q16) {
  // x in Q30: tenths * pi / 1800.
  const int64_t kPiQ30 = 3373259426ll;  // pi * 2^30
  int64_t x = (int64_t)tenth_degrees * kPiQ30 / 1800;
  int64_t x2 = (x * x) >> 30;
  int64_t x3 = (x2 * x) >> 30;
  int64_t x4 = (x2 * x2) >> 30;
  int64_t x5 = (x4 * x) >> 30;
  int64_t s = x - x3 / 6 + x5 / 120;
  int64_t c = ((int64_t)1 << 30) - x2 / 2 + x4 / 24;
  *sin_q16 = (int32_t)(s >> 14);
  *cos_q16 = (int32_t)(c >> 14);
}

// Resamples the image through an affine map from output to input coordinates (Q16, pixel centres
// at +0.5): input = (a x + b y + c, d x + e y + f), bilinear, black outside the source, as
// Pillow's Image.transform(AFFINE, BILINEAR, fillcolor=0) does.
typedef struct {
  int32_t a, b, c, d, e, f;
} affine_q16_t;

static void resample_affine(uint8_t* image, const affine_q16_t* m) {
  uint8_t source[RPS_IMAGE_PIXELS];
  memcpy(source, image, sizeof source);
  for (int y = 0; y < RPS_IMAGE_SIDE; ++y) {
    for (int x = 0; x < RPS_IMAGE_SIDE; ++x) {
      const int64_t px = (int64_t)x * Q16_ONE + Q16_ONE / 2;
      const int64_t py = (int64_t)y * Q16_ONE + Q16_ONE / 2;
      // Input position, moved so that integer coordinates are pixel centres.
      const int32_t sx = (int32_t)((m->a * px + m->b * py) >> 16) + m->c - Q16_ONE / 2;
      const int32_t sy = (int32_t)((m->d * px + m->e * py) >> 16) + m->f - Q16_ONE / 2;
      const int32_t x0 = sx >> 16, y0 = sy >> 16;
      const int32_t fx = sx & (Q16_ONE - 1), fy = sy & (Q16_ONE - 1);
      int64_t acc = 0;
      for (int j = 0; j < 2; ++j) {
        for (int i = 0; i < 2; ++i) {
          const int32_t sxi = x0 + i, syj = y0 + j;
          if (sxi < 0 || syj < 0 || sxi >= RPS_IMAGE_SIDE || syj >= RPS_IMAGE_SIDE) continue;
          const int64_t wx = i ? fx : Q16_ONE - fx;
          const int64_t wy = j ? fy : Q16_ONE - fy;
          acc += wx * wy * source[syj * RPS_IMAGE_SIDE + sxi];
        }
      }
      image[y * RPS_IMAGE_SIDE + x] = (uint8_t)((acc + ((int64_t)1 << 31)) >> 32);
    }
  }
}

// Rotation about the canvas centre by tenths of a degree, counter-clockwise on screen (Pillow's
// Image.rotate): each output pixel samples the inversely rotated position.
static void rotate(uint8_t* image, int tenth_degrees) {
  int32_t s, c;
  sin_cos_q16(tenth_degrees, &s, &c);
  const int64_t centre = (int64_t)RPS_IMAGE_SIDE * Q16_ONE / 2;
  affine_q16_t m = {c, -s, 0, s, c, 0};
  m.c = (int32_t)(centre - ((c * centre - s * centre) >> 16));
  m.f = (int32_t)(centre - ((s * centre + c * centre) >> 16));
  resample_affine(image, &m);
}

// The data set's small affine jitter: scale and shear within +/-5 %, shift within +/-1 px.
static void affine_jitter(rps_rng_t* rng, uint8_t* image) {
  const int32_t five_percent = Q16_ONE / 20;
  affine_q16_t m;
  m.a = Q16_ONE + rng_range(rng, -five_percent, five_percent);
  m.b = rng_range(rng, -five_percent, five_percent);
  m.c = rng_range(rng, -Q16_ONE, Q16_ONE);
  m.d = rng_range(rng, -five_percent, five_percent);
  m.e = Q16_ONE + rng_range(rng, -five_percent, five_percent);
  m.f = rng_range(rng, -Q16_ONE, Q16_ONE);
  resample_affine(image, &m);
}

static void add_noise(rps_rng_t* rng, uint8_t* image, int sigma) {
  for (int i = 0; i < RPS_IMAGE_PIXELS; ++i) {
    int32_t noise = rng_normal_q8(rng) * sigma;  // Q8
    int32_t value = image[i] + (noise >= 0 ? (noise + 128) >> 8 : -((-noise + 128) >> 8));
    image[i] = (uint8_t)(value < 0 ? 0 : (value > 255 ? 255 : value));
  }
}

void render_move(rps_rng_t* rng, int label, int clean, uint8_t image[RPS_IMAGE_PIXELS]) {
  memset(image, 0, RPS_IMAGE_PIXELS);
  const rps_glyph_t* glyph = pick_glyph(rng, label);
  int dx = clean ? 0 : jitter(rng);
  int dy = clean ? 0 : jitter(rng);
  int brightness = rng_range(rng, 180, 254);
  draw_glyph(glyph, dx, dy, brightness, image);
  if (clean) return;
  if (rng_chance(rng, 60)) blur(image, rng_range(rng, 0, 179));  // radius 0..0.7 as 0..0.7 * 256
  if (rng_chance(rng, 80)) rotate(image, rng_range(rng, -180, 180));
  if (rng_chance(rng, 50)) affine_jitter(rng, image);
  if (rng_chance(rng, 80)) add_noise(rng, image, rng_range(rng, 3, 12));
}

void print_ascii_image(const uint8_t image[RPS_IMAGE_PIXELS]) {
  static const char kCharset[] = " .:-=+*#%@";
  char line[RPS_IMAGE_SIDE + 1];
  for (int y = 0; y < RPS_IMAGE_SIDE; y += 2) {
    for (int x = 0; x < RPS_IMAGE_SIDE; ++x)
      line[x] = kCharset[image[y * RPS_IMAGE_SIDE + x] * 10 / 256];
    line[RPS_IMAGE_SIDE] = '\0';
    printf("%s\n", line);
  }
}
