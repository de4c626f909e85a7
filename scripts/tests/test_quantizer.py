import math
import unittest
from fractions import Fraction

import numpy as np

import helpers  # noqa: F401
from minifvp_ml import fixedpoint as fp
from minifvp_ml import quantize


def exact_double_rounding(x: int, m: int, shift: int) -> int:
    """Independent big-integer statement of TFLite's double rounding for shift <= 0."""
    ab = x * m
    nudge = (1 << 30) if ab >= 0 else 1 - (1 << 30)
    high = int(Fraction(ab + nudge, 1 << 31))  # truncation toward zero
    e = -shift
    if e == 0:
        return high
    q = Fraction(high, 1 << e)
    return math.floor(q + Fraction(1, 2)) if q >= 0 else math.ceil(q - Fraction(1, 2))


class QuantizeMultiplierTest(unittest.TestCase):
    def test_powers_of_two(self):
        self.assertEqual(fp.quantize_multiplier(0.5), (1 << 30, 0))
        self.assertEqual(fp.quantize_multiplier(0.25), (1 << 30, -1))
        self.assertEqual(fp.quantize_multiplier(1.0), (1 << 30, 1))

    def test_rounds_half_away_and_renormalises(self):
        m, s = fp.quantize_multiplier(1.0 / 3.0)
        self.assertEqual(s, -1)
        self.assertEqual(m, round((2.0 / 3.0) * (1 << 31)))
        # a significand that rounds up to 2^31 is renormalised to 2^30 with the exponent + 1
        self.assertEqual(fp.quantize_multiplier(1.0 - 2.0 ** -34), (1 << 30, 1))

    def test_tiny_multiplier_flushes_to_zero(self):
        self.assertEqual(fp.quantize_multiplier(2.0 ** -40), (0, 0))

    def test_npu_shift_is_31_minus_tflite_shift(self):
        self.assertEqual(fp.npu_scale_entry(123, -9), (123, 40))
        with self.assertRaises(ValueError):
            fp.npu_scale_entry(1, -40)


class RoundingTest(unittest.TestCase):
    def test_rounding_divide_by_pot_ties_away_from_zero(self):
        x = np.array([5, -5, 3, -3, 4, -4, 6, -6])
        self.assertEqual(fp.rounding_divide_by_pot(x, 1).tolist(), [3, -3, 2, -2, 2, -2, 3, -3])

    def test_srdhm_saturates_the_one_overflow(self):
        self.assertEqual(int(fp.saturating_rounding_doubling_high_mul(fp.INT32_MIN, fp.INT32_MIN)),
                         fp.INT32_MAX)

    def test_srdhm_nudge_for_negative_products(self):
        # (-3 * 2^30 + (1 - 2^30)) / 2^31 truncates to -1; round-half-up would give -1 as well,
        # but -1 * 2^30: (-2^30 + 1 - 2^30) / 2^31 -> 0 (truncation), not -1
        self.assertEqual(int(fp.saturating_rounding_doubling_high_mul(-1, 1 << 30)), 0)
        self.assertEqual(int(fp.saturating_rounding_doubling_high_mul(1, 1 << 30)), 1)

    def test_matches_big_integer_statement(self):
        rng = np.random.default_rng(3)
        x = rng.integers(-(1 << 24), 1 << 24, size=2000)
        m = rng.integers(1 << 30, (1 << 31) - 1, size=2000)
        s = rng.integers(-20, 1, size=2000)
        got = fp.multiply_by_quantized_multiplier(x, m, s)
        want = [exact_double_rounding(int(a), int(b), int(c)) for a, b, c in zip(x, m, s)]
        self.assertEqual(got.tolist(), want)


class ActivationParamsTest(unittest.TestCase):
    def test_relu_range_has_zero_point_minus_128(self):
        p = quantize.activation_params(0.0, 2.55)
        self.assertEqual(p.zero_point, -128)
        self.assertAlmostEqual(p.scale, 0.01, places=7)
        self.assertEqual(p.quantize(np.array([0.0]))[0], -128)

    def test_range_always_contains_zero(self):
        p = quantize.activation_params(1.0, 3.0)  # widened to [0, 3]
        self.assertEqual(p.zero_point, -128)
        p = quantize.activation_params(-1.0, 3.0)
        self.assertEqual(p.zero_point, -64)
        self.assertEqual(float(p.dequantize(p.quantize(np.array([0.0])))[0]), 0.0)

    def test_scale_is_float32(self):
        p = quantize.activation_params(-0.3, 0.7)
        self.assertEqual(p.scale, float(np.float32(p.scale)))

    def test_weights_symmetric_per_channel(self):
        w = np.array([[1.0, -0.25], [0.01, -0.03]], dtype=np.float32)
        q, scales = quantize._quantize_weights(w)
        self.assertEqual(q.tolist(), [[127, -32], [42, -127]])
        self.assertAlmostEqual(float(scales[0]), 1.0 / 127, places=7)

    def test_rps_input_is_pixel_minus_128(self):
        pixels = np.array([[0, 1, 128, 255]], dtype=np.uint8)
        self.assertEqual(quantize.quantize_rps_image(pixels).reshape(-1).tolist(), [-128, -127, 0, 127])
        p = quantize.RPS_INPUT_PARAMS
        self.assertEqual(p.quantize(pixels.astype(np.float64) / 255.0).reshape(-1).tolist(),
                         [-128, -127, 0, 127])


if __name__ == "__main__":
    unittest.main()
