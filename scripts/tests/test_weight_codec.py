import os
import unittest

import numpy as np

import helpers
from minifvp_ml.npu_compiler import scale_bias
from minifvp_ml.npu_compiler import weight_codec as wc


class EncoderRoundTripTest(unittest.TestCase):
    def test_random_int8_weights(self):
        w = np.random.default_rng(1).integers(-127, 128, size=5000)
        data = wc.encode(w)
        self.assertEqual(len(data) % 16, 0)
        self.assertEqual(wc.decode(data).tolist(), w.tolist())

    def test_nine_bit_extremes_and_zeros(self):
        w = np.array([0, 255, -255, 1, -1, 0, 0, 128, -128])
        self.assertEqual(wc.decode(wc.encode(w)).tolist(), w.tolist())

    def test_several_slices(self):
        w = np.random.default_rng(2).integers(-3, 4, size=2 * wc.MAX_SLICE_VALUES + 17)
        data = wc.encode(w)
        self.assertEqual(wc.decode(data).tolist(), w.tolist())

    def test_header_fields(self):
        data = wc.encode(np.array([3, -2]))
        bits = int.from_bytes(data, "little")
        self.assertEqual(bits & 7, wc.ZDIV_DISABLE)
        self.assertEqual((bits >> 3) & 0x7FFF, 1)  # SLICELEN = values - 1
        self.assertEqual((bits >> 18) & 7, wc.WDIV_UNCOMPRESSED)
        self.assertEqual((bits >> 22) & 1, 1)  # NEWPAL
        self.assertEqual(data[-1], 0xFF)  # padding

    def test_golomb_rice_slices_round_trip_and_compress(self):
        rng = np.random.default_rng(4)
        for sigma in (0.5, 2, 8, 30):
            w = np.clip(np.round(rng.standard_normal(3000) * sigma), -255, 255).astype(np.int64)
            data = wc.encode(w)
            self.assertEqual(wc.decode(data).tolist(), w.tolist(), f"sigma {sigma}")
            self.assertLess(len(data), len(wc.encode(w, compress=False)), f"sigma {sigma}")
        bits = int.from_bytes(wc.encode(np.zeros(100, dtype=np.int64)), "little")
        self.assertLess((bits >> 18) & 7, 6)  # WDIV: a Golomb-Rice divisor, not uncompressed

    def test_golomb_rice_symbols_spanning_chunks(self):
        # large quotients need many unary slots, so symbols carry across 12-slot chunks
        w = np.array([0, 255, 0, -255, 1, 200] * 7 + [0] * 50)
        self.assertEqual(wc.decode(wc.encode(w)).tolist(), w.tolist())
        for n in range(1, 30):  # every tail length of a chunk
            w = np.random.default_rng(n).integers(-9, 10, size=n)
            self.assertEqual(wc.decode(wc.encode(w)).tolist(), w.tolist())

    def test_rejects_out_of_range(self):
        with self.assertRaises(wc.WeightStreamError):
            wc.encode(np.array([256]))

    def test_truncated_stream_is_an_error(self):
        data = wc.encode(np.arange(-100, 100))
        with self.assertRaises(wc.WeightStreamError):
            wc.decode(data[:20])


class VelaStreamTest(unittest.TestCase):
    """Our decoder against streams Vela 5.1 compressed (hello_world, U55-128)."""

    def setUp(self):
        path = os.path.join(helpers.NPU_VECTORS, "hello_world_int8", "ethos-u55-128", "flash.bin")
        if not os.path.exists(path):
            self.skipTest("npu-vectors not available")
        with open(path, "rb") as f:
            self.flash = f.read()

    def test_first_layer_has_depth_first_padding(self):
        # 16 OFM channels x 1 IFM channel, depth-first: 32 IFM slots per OFM channel, 31 are zero
        seq = wc.decode(self.flash[0xA0:0xA0 + 48])
        self.assertEqual(len(seq), 512)
        order = wc.weight_order(16, 1, 1, 1, ofm_block_depth=16, ifm_ublock_depth=8, ofm_ublock_depth=8)
        self.assertEqual(len(order), 512)
        self.assertTrue(np.all(seq[order < 0] == 0))
        self.assertEqual(int(np.count_nonzero(seq[order >= 0])), 16)

    def test_other_layers_decode_to_the_expected_counts(self):
        self.assertEqual(len(wc.decode(self.flash[0x170:0x170 + 320])), 512)  # 16x16
        last = wc.decode(self.flash[0x2C0:0x2C0 + 64])  # 1x16, OFM block depth 8
        order = wc.weight_order(1, 1, 1, 16, ofm_block_depth=8, ifm_ublock_depth=8, ofm_ublock_depth=8)
        self.assertEqual(len(last), len(order))
        self.assertTrue(np.all(last[order < 0] == 0))

    def test_scale_entries(self):
        bias, scale, shift = scale_bias.decode_entry(self.flash[0:10])
        self.assertEqual((bias, shift), (0, 0x26))
        self.assertGreaterEqual(scale, 1 << 30)


class WeightOrderTest(unittest.TestCase):
    def check_permutation(self, o, kh, kw, i, **kw_args):
        order = wc.weight_order(o, kh, kw, i, **kw_args)
        valid = order[order >= 0]
        self.assertEqual(sorted(valid.tolist()), list(range(o * kh * kw * i)))
        w = np.random.default_rng(0).integers(-127, 128, size=(o, kh, kw, i))
        seq = wc.reorder(w, order)
        self.assertTrue(np.array_equal(wc.unreorder(seq, order, w.shape), w))
        return order

    def test_every_weight_exactly_once(self):
        self.check_permutation(16, 3, 3, 1, ofm_block_depth=8, ifm_ublock_depth=8, ofm_ublock_depth=8)
        self.check_permutation(64, 3, 3, 32, ofm_block_depth=16, ifm_ublock_depth=8, ofm_ublock_depth=8)
        self.check_permutation(3, 1, 1, 130, ofm_block_depth=8, ifm_ublock_depth=8, ofm_ublock_depth=8)
        self.check_permutation(5, 10, 9, 3, ofm_block_depth=8, ifm_ublock_depth=8, ofm_ublock_depth=8)
        self.check_permutation(20, 3, 3, 20, ofm_block_depth=16, ifm_ublock_depth=8, ofm_ublock_depth=8,
                               is_partkernel=True)

    def test_innermost_is_ifm_channel_then_ofm_channel(self):
        order = wc.weight_order(8, 1, 1, 8, ofm_block_depth=8, ifm_ublock_depth=8, ofm_ublock_depth=8)
        self.assertEqual(order[:10].tolist(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        order = wc.weight_order(8, 1, 1, 40, ofm_block_depth=8, ifm_ublock_depth=8, ofm_ublock_depth=8)
        self.assertEqual(order[8], 40)  # OFM channel 1, IFM channel 0
        self.assertEqual(order[64], 8)  # next IFM micro-block of OFM channel 0

    def test_block_depth_changes_the_order(self):
        # with more than one 32-channel IFM block, OFM blocks interleave differently
        a = wc.weight_order(32, 3, 3, 64, ofm_block_depth=8, ifm_ublock_depth=8, ofm_ublock_depth=8)
        b = wc.weight_order(32, 3, 3, 64, ofm_block_depth=32, ifm_ublock_depth=8, ofm_ublock_depth=8)
        self.assertEqual(len(a), len(b))
        self.assertFalse(np.array_equal(a, b))


class ScaleBiasTest(unittest.TestCase):
    def test_entry_layout(self):
        e = scale_bias.encode_entry(-2, 0x40000000, 38)
        self.assertEqual(len(e), 10)
        self.assertEqual(e[:5], bytes([0xFE, 0xFF, 0xFF, 0xFF, 0xFF]))
        self.assertEqual(e[5:9], (0x40000000).to_bytes(4, "little"))
        self.assertEqual(e[9], 38)
        self.assertEqual(scale_bias.decode_entry(e), (-2, 0x40000000, 38))

    def test_stream_padding(self):
        s = scale_bias.encode_stream(np.array([1, 2, 3]), [1, 2, 3], [1, 2, 3])
        self.assertEqual(len(s), 32)


if __name__ == "__main__":
    unittest.main()
