// The Ethos-U55 compressed weight stream, and the order in which its values feed the MAC array.
//
// Stream format (written from the description of Vela's mlw_codec, ethosu/mlw_codec/mlw_decode.c,
// and the reference notes section 4.4; our own implementation): an LSB-first bit stream of
// slices. Each slice header holds ZDIV:3 (zero-run Golomb-Rice divisor; 7 = end of stream, then
// byte alignment; 6 = no zero runs), SLICELEN:15 (+1 weights), WDIV:3 (weight divisor; 7 =
// uncompressed), WTRUNC:1 and NEWPAL:1, then, with NEWPAL, DIROFS:5, PALSIZE:5 (+1 when not 0),
// PALBITS:3 (+2) and the palette. The body interleaves chunks: the unary parts of up to 12 weight
// indices (12 flag bits, then one extra bit per set flag) and of up to 12 (ZDIV < 3) or 8 zero-run
// lengths, each followed by the binary remainders of the previous chunk. An index below PALSIZE
// selects a palette entry, others are index - PALSIZE + DIROFS; the entry's bit 0 is the sign and
// the rest the magnitude (9-bit signed weights). With zero runs, a slice that defines a palette
// starts with a run, and each weight is followed by its run of zeros.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace minifvp::npu {

// Decodes weights until `count` values have been produced. Returns false (with `error`) for a
// malformed or truncated stream: the NPU reports that as a weight decoder fault.
bool decode_weight_stream(std::span<const uint8_t> stream, size_t count, std::vector<int16_t>& out,
                          std::string& error);

enum class WeightTraversal : uint8_t { DepthFirst, PartKernelFirst, Depthwise };

// How the encoder ordered the weights of one operation (Vela's weight reordering for the U55).
struct WeightLayout {
  int ofm_depth = 1;
  int ifm_depth = 1;  // 1 for depthwise
  int kernel_width = 1, kernel_height = 1;
  int dilation_x = 1, dilation_y = 1;
  int ofm_block_depth = 8;
  int ifm_bits = 8;
  WeightTraversal traversal = WeightTraversal::DepthFirst;
  int ofm_ublock_depth = 8;  // 4 on U55-32, 8 otherwise
  int ifm_ublock_depth = 8;

  size_t dense_size() const {
    return static_cast<size_t>(ofm_depth) * kernel_height * kernel_width * ifm_depth;
  }
  size_t dense_index(int ofm_z, int ky, int kx, int ifm_z) const {
    return ((static_cast<size_t>(ofm_z) * kernel_height + ky) * kernel_width + kx) * ifm_depth +
           ifm_z;
  }
};

// Number of values the stream holds for this layout (including the zero padding slots).
size_t weight_stream_length(const WeightLayout& layout);

// Reorders stream values into a dense [ofm][ky][kx][ifm] array. `stream_values` must hold at
// least weight_stream_length() values.
void unpack_weights(const WeightLayout& layout, std::span<const int16_t> stream_values,
                    std::vector<int16_t>& dense);

// The inverse, for tests and our encoder: dense weights into stream order (padding slots 0).
void pack_weights(const WeightLayout& layout, std::span<const int16_t> dense,
                  std::vector<int16_t>& stream_values);

}  // namespace minifvp::npu
