// The weight decoder against our own encoder (tests/npu/mlw_test_encoder.h) across palette sizes,
// zero runs, Golomb-Rice divisors, truncation, uncompressed mode and slicing; plus the reordering
// into MAC-array order.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

#include "mlw_test_encoder.h"
#include "npu/weight_decoder.h"

namespace minifvp::test {
namespace {

using npu::decode_weight_stream;

struct CodecCase {
  unsigned palette_size;
  unsigned palette_bits;
  unsigned zdiv;
  unsigned wdiv;
  bool wtrunc;
  bool reuse_palette;
  unsigned slice_length;
};

// Weights that the encoding `e` can represent, drawn from a skewed distribution.
std::vector<int16_t> make_weights(const MlwEncoding& e, size_t count, std::mt19937& rng) {
  const bool zero_runs = e.zdiv != 6;
  const unsigned p = static_cast<unsigned>(e.palette.size());
  unsigned bound = 256;
  if (e.wdiv == 7)
    bound = p > 0 ? p : (1u << e.palette_bits);
  else if (e.wtrunc)
    bound = 3u << e.wdiv;
  std::geometric_distribution<unsigned> skew(0.08);
  std::bernoulli_distribution zero(0.4);
  std::vector<int16_t> out;
  while (out.size() < count) {
    if (zero_runs && zero(rng)) {
      out.push_back(0);
      continue;
    }
    const unsigned idx = std::min(skew(rng), bound - 1);
    const unsigned code = idx < p ? e.palette[idx] : idx - p + e.direct_offset;
    const int16_t w = static_cast<int16_t>((code & 1) ? -static_cast<int>(code >> 1) : code >> 1);
    if (zero_runs && w == 0) continue;  // zeros travel as runs
    out.push_back(w);
  }
  if (zero_runs) {
    // At least one non-zero weight: a palette entry within the index bound (never 0 or 1 in
    // zero-run mode) or the direct value of index min(bound - 1, 2), whose code is at least 2.
    const unsigned code =
        p > 0 ? e.palette[std::min(p, bound) - 1] : e.direct_offset + std::min(bound - 1, 2u);
    out[count / 2] = static_cast<int16_t>((code & 1) ? -static_cast<int>(code >> 1) : code >> 1);
  }
  return out;
}

MlwEncoding make_encoding(const CodecCase& c, std::mt19937& rng) {
  MlwEncoding e;
  e.palette_bits = c.palette_bits;
  e.zdiv = c.zdiv;
  e.wdiv = c.wdiv;
  e.wtrunc = c.wtrunc;
  e.reuse_palette = c.reuse_palette;
  e.slice_length = c.slice_length;
  const bool zero_runs = c.zdiv != 6;
  std::uniform_int_distribution<unsigned> code(2, (1u << c.palette_bits) - 1);
  if (!zero_runs && c.palette_size > 0) e.palette.push_back(0);  // zeros need a code
  while (e.palette.size() < c.palette_size) {
    const uint16_t v = static_cast<uint16_t>(code(rng));
    if (std::find(e.palette.begin(), e.palette.end(), v) == e.palette.end()) e.palette.push_back(v);
  }
  e.direct_offset =
      (!zero_runs && c.palette_size == 0) ? 0 : std::uniform_int_distribution<unsigned>(0, 31)(rng);
  return e;
}

class WeightCodec : public testing::TestWithParam<CodecCase> {};

TEST_P(WeightCodec, DecoderReadsBackOurEncoderBitExactly) {
  const CodecCase c = GetParam();
  std::mt19937 rng(1234 + c.palette_size * 7 + c.zdiv * 131 + c.wdiv * 17 + c.wtrunc);
  const MlwEncoding e = make_encoding(c, rng);
  const std::vector<int16_t> weights = make_weights(e, 700, rng);
  const std::vector<uint8_t> stream = mlw_encode(weights, e);
  std::vector<int16_t> decoded;
  std::string error;
  ASSERT_TRUE(decode_weight_stream(stream, weights.size(), decoded, error)) << error;
  decoded.resize(weights.size());
  EXPECT_EQ(decoded, weights);
}

std::vector<CodecCase> all_cases() {
  std::vector<CodecCase> cases;
  for (unsigned palette : {0u, 2u, 3u, 8u, 32u}) {
    for (unsigned zdiv : {0u, 1u, 2u, 3u, 6u}) {
      for (unsigned wdiv : {0u, 1u, 2u, 3u, 4u, 5u, 7u}) {
        for (bool trunc : {false, true}) {
          if (trunc && wdiv == 7) continue;
          const unsigned bits = wdiv == 7 && palette == 0 ? 8 : 9;
          cases.push_back({palette, bits, zdiv, wdiv, trunc, false, 1000});
          cases.push_back({palette, bits, zdiv, wdiv, trunc, true, 37});
        }
      }
    }
  }
  cases.push_back({0, 3, 6, 7, false, false, 5});  // 3-bit uncompressed direct indices
  cases.push_back({4, 4, 1, 2, false, false, 1});  // one weight per slice, 4-bit palette
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Sweep, WeightCodec, testing::ValuesIn(all_cases()),
                         [](const testing::TestParamInfo<CodecCase>& info) {
                           const CodecCase& c = info.param;
                           // fmt rather than "literal" + std::string: GCC 12 at -O3 reports a
                           // false -Wrestrict on the latter (GCC PR 105651).
                           return fmt::format("p{}b{}_z{}_w{}{}{}_s{}", c.palette_size,
                                              c.palette_bits, c.zdiv, c.wdiv, c.wtrunc ? "t" : "",
                                              c.reuse_palette ? "_reuse" : "", c.slice_length);
                         });

TEST(WeightDecoder, RejectsInvalidDivisors) {
  MlwBitWriter out;
  out.put(4, 3);  // ZDIV 4 is reserved
  out.put(0, 15);
  out.put(0, 5);
  std::vector<int16_t> decoded;
  std::string error;
  EXPECT_FALSE(decode_weight_stream(out.bytes(), 1, decoded, error));
  EXPECT_NE(error.find("ZDIV"), std::string::npos);

  MlwBitWriter w6;
  w6.put(6, 3);
  w6.put(0, 15);
  w6.put(6, 3);  // WDIV 6 is reserved
  w6.put(0, 1);
  w6.put(1, 1);
  w6.put(0, 13);
  EXPECT_FALSE(decode_weight_stream(w6.bytes(), 1, decoded, error));
  EXPECT_NE(error.find("WDIV"), std::string::npos);
}

TEST(WeightDecoder, RejectsTruncatedStreams) {
  MlwEncoding e;
  e.zdiv = 1;
  e.wdiv = 2;
  const std::vector<int16_t> weights = {3, 0, 0, -7, 12, 0, 1, 1, 1, 0, -100, 8};
  std::vector<uint8_t> stream = mlw_encode(weights, e);
  std::vector<int16_t> decoded;
  std::string error;
  ASSERT_TRUE(decode_weight_stream(stream, weights.size(), decoded, error)) << error;
  stream.resize(3);
  EXPECT_FALSE(decode_weight_stream(stream, weights.size(), decoded, error));
  // Asking for more weights than the stream holds runs into the end.
  stream = mlw_encode(weights, e);
  EXPECT_FALSE(decode_weight_stream(stream, weights.size() + 100, decoded, error));
}

TEST(WeightDecoder, RejectsAFirstSliceWithoutPalette) {
  const std::vector<uint8_t> zeros(16, 0);
  std::vector<int16_t> decoded;
  std::string error;
  EXPECT_FALSE(decode_weight_stream(zeros, 4, decoded, error));
  EXPECT_NE(error.find("palette"), std::string::npos);
}

// ---- reordering ----------------------------------------------------------------------------

class WeightOrder : public testing::TestWithParam<std::tuple<npu::WeightTraversal, int, int, int>> {
};

TEST_P(WeightOrder, PackThenUnpackIsIdentity) {
  const auto [traversal, kernel, dilation, ifm_bits] = GetParam();
  npu::WeightLayout l;
  l.traversal = traversal;
  l.ofm_depth = 21;
  l.ifm_depth = traversal == npu::WeightTraversal::Depthwise ? 1 : 37;
  l.kernel_width = kernel;
  l.kernel_height = kernel + 1;
  l.dilation_x = l.dilation_y = dilation;
  l.ofm_block_depth = 16;
  l.ifm_bits = ifm_bits;
  std::vector<int16_t> dense(l.dense_size());
  for (size_t i = 0; i < dense.size(); ++i) dense[i] = static_cast<int16_t>((i * 37) % 511 - 255);
  std::vector<int16_t> stream, back;
  npu::pack_weights(l, dense, stream);
  EXPECT_EQ(stream.size(), npu::weight_stream_length(l));
  EXPECT_GE(stream.size(), dense.size());
  npu::unpack_weights(l, stream, back);
  EXPECT_EQ(back, dense);
}

INSTANTIATE_TEST_SUITE_P(Layouts, WeightOrder,
                         testing::Combine(testing::Values(npu::WeightTraversal::DepthFirst,
                                                          npu::WeightTraversal::PartKernelFirst,
                                                          npu::WeightTraversal::Depthwise),
                                          testing::Values(1, 3, 9), testing::Values(1, 2),
                                          testing::Values(8, 16)));

TEST(WeightOrder, StreamLengthsMatchVelaPadding) {
  // A 16-channel fully connected layer on one input channel, depth-first on U55-128: each OFM
  // micro-block of 8 sees a padded IFM block of 32 (hello_world's first layer).
  npu::WeightLayout l;
  l.ofm_depth = 16;
  l.ifm_depth = 1;
  l.ofm_block_depth = 16;
  EXPECT_EQ(npu::weight_stream_length(l), 16u * 32u);
  // Depthwise 3x3 on 8 channels: kernel elements padded to 12, one IFM lane.
  l.traversal = npu::WeightTraversal::Depthwise;
  l.ofm_depth = 8;
  l.kernel_width = l.kernel_height = 3;
  l.ofm_block_depth = 8;
  EXPECT_EQ(npu::weight_stream_length(l), 12u * 8u);
}

}  // namespace
}  // namespace minifvp::test
