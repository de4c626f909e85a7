import unittest

import numpy as np
import torch
import torch.nn as nn

import helpers  # noqa: F401
from minifvp_ml import layout


class LayoutTest(unittest.TestCase):
    def test_fc_after_flatten_permutation(self):
        torch.manual_seed(0)
        c, h, w = 4, 3, 5
        fc = nn.Linear(c * h * w, 6)
        x = torch.randn(2, c, h, w)
        want = fc(torch.flatten(x, 1)).detach().numpy()
        w_nhwc = layout.fc_weights_after_nchw_flatten_to_nhwc(fc.weight.detach().numpy(), c, h, w)
        x_nhwc = layout.nchw_to_nhwc(x.numpy()).reshape(2, -1)
        got = x_nhwc @ w_nhwc.T + fc.bias.detach().numpy()
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)

    def test_fc_permutation_moves_a_known_column(self):
        w = np.zeros((1, 2 * 2 * 3))
        w[0, 1 * 4 + 0 * 2 + 1] = 1.0  # NCHW index of (c=1, y=0, x=1)
        w_nhwc = layout.fc_weights_after_nchw_flatten_to_nhwc(w, 3, 2, 2)
        self.assertEqual(int(np.argmax(w_nhwc[0])), 0 * 2 * 3 + 1 * 3 + 1)  # NHWC (y=0, x=1, c=1)

    def test_fc_size_mismatch(self):
        with self.assertRaises(ValueError):
            layout.fc_weights_after_nchw_flatten_to_nhwc(np.zeros((2, 10)), 3, 2, 2)

    def test_conv_weights_to_ohwi(self):
        w = np.arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5)  # O I H W
        ohwi = layout.conv_weights_oihw_to_ohwi(w)
        self.assertEqual(ohwi.shape, (2, 4, 5, 3))
        self.assertEqual(ohwi[1, 2, 3, 0], w[1, 0, 2, 3])

    def test_nchw_nhwc_round_trip(self):
        x = np.random.default_rng(0).standard_normal((2, 3, 4, 5))
        self.assertTrue(np.array_equal(layout.nhwc_to_nchw(layout.nchw_to_nhwc(x)), x))


if __name__ == "__main__":
    unittest.main()
