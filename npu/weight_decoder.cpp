#include "npu/weight_decoder.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace minifvp::npu {
namespace {

constexpr unsigned kZdivEndOfStream = 7;
constexpr unsigned kZdivNoZeroRuns = 6;
constexpr unsigned kWdivUncompressed = 7;

class BitReader {
 public:
  explicit BitReader(std::span<const uint8_t> data) : data_(data) {}
  // Reads `n` bits LSB first; returns false when the data runs out.
  bool get(unsigned n, uint32_t& value) {
    value = 0;
    if (bit_pos_ + n > data_.size() * 8) return false;
    for (unsigned i = 0; i < n; ++i) {
      const size_t p = bit_pos_ + i;
      value |= static_cast<uint32_t>((data_[p >> 3] >> (p & 7)) & 1) << i;
    }
    bit_pos_ += n;
    return true;
  }
  void align_to_byte() { bit_pos_ = (bit_pos_ + 7) & ~size_t{7}; }
  bool exhausted() const { return bit_pos_ >= data_.size() * 8; }

 private:
  std::span<const uint8_t> data_;
  size_t bit_pos_ = 0;
};

// Quotients of one chunk of Golomb-Rice unary codes, carried across chunks.
struct UnaryChunk {
  std::array<uint32_t, 12> q{};
  unsigned count = 0;
  bool enabled = false;
};

struct SliceHeader {
  unsigned zdiv = 0, wdiv = 0, nvalues = 0;
  bool wtrunc = false, new_palette = false;
};

class StreamDecoder {
 public:
  StreamDecoder(std::span<const uint8_t> stream, std::vector<int16_t>& out, std::string& error)
      : bits_(stream), out_(out), error_(error) {}

  bool run(size_t count) {
    while (out_.size() < count) {
      uint32_t zdiv = 0;
      if (!bits_.get(3, zdiv)) return fail("stream ends before the expected number of weights");
      if (zdiv == kZdivEndOfStream) {
        bits_.align_to_byte();
        need_palette_ = true;
        continue;
      }
      if (!decode_slice(zdiv)) return false;
    }
    return true;
  }

 private:
  bool fail(const std::string& why) {
    error_ = fmt::format("weight stream: {} (after {} weights)", why, out_.size());
    return false;
  }
  bool get(unsigned n, uint32_t& v) {
    if (!bits_.get(n, v)) return fail("truncated slice");
    return true;
  }

  bool read_header(uint32_t zdiv, SliceHeader& h) {
    if (zdiv > 3 && zdiv != kZdivNoZeroRuns) return fail(fmt::format("invalid ZDIV {}", zdiv));
    uint32_t len = 0, wdiv = 0, trunc = 0, newpal = 0;
    if (!get(15, len) || !get(3, wdiv) || !get(1, trunc) || !get(1, newpal)) return false;
    h.zdiv = zdiv;
    h.nvalues = len + 1;
    h.wdiv = wdiv;
    h.wtrunc = trunc;
    h.new_palette = newpal;
    const bool zero_runs = zdiv != kZdivNoZeroRuns;
    if (need_palette_ && !h.new_palette) return fail("first slice does not define a palette");
    if (!h.new_palette && zero_runs != previous_zero_runs_) {
      return fail("zero-run mode changes without a new palette");
    }
    previous_zero_runs_ = zero_runs;
    need_palette_ = false;
    if (h.new_palette) {
      uint32_t dirofs = 0, palsize = 0, palbits = 0;
      if (!get(5, dirofs) || !get(5, palsize) || !get(3, palbits)) return false;
      direct_offset_ = dirofs;
      palette_size_ = palsize > 0 ? palsize + 1 : 0;
      palette_bits_ = palbits + 2;
      for (unsigned i = 0; i < palette_size_; ++i) {
        if (!get(palette_bits_, palette_[i])) return false;
      }
    }
    if (h.wdiv != kWdivUncompressed && h.wdiv > 5) {
      return fail(fmt::format("invalid WDIV {}", h.wdiv));
    }
    return true;
  }

  bool read_zero_unary(unsigned len, UnaryChunk& chunk) {
    uint32_t flags = 0;
    if (!get(len, flags)) return false;
    chunk.count = 0;
    uint32_t run = zero_carry_;
    for (unsigned i = 0; i < len; ++i) {
      if ((flags >> i) & 1) {
        ++run;
      } else {
        chunk.q[chunk.count++] = run;
        run = 0;
      }
    }
    zero_carry_ = run;
    return true;
  }

  bool decode_slice(uint32_t zdiv) {
    SliceHeader h;
    if (!read_header(zdiv, h)) return false;
    const bool zero_runs = h.zdiv != kZdivNoZeroRuns;
    const bool compressed = h.wdiv != kWdivUncompressed;
    unsigned wdiv = h.wdiv;
    if (!compressed) {
      // Uncompressed: the index width is the palette's index width, or PALBITS without palette.
      unsigned bits = 0;
      if (palette_size_ > 0) {
        while ((1u << bits) < palette_size_) ++bits;
      } else {
        bits = palette_bits_;
      }
      wdiv = bits;
    }
    const unsigned weight_symbols = !compressed && wdiv > 5 ? 8 : 12;
    const unsigned z_len = h.zdiv < 3 ? 12 : 8;
    const unsigned nz = h.nvalues + (h.new_palette ? 1 : 0);
    std::vector<uint32_t> w(h.nvalues), z(nz, 0);
    unsigned w_pos = 0, z_pos = 0, w_done = 0, z_done = 0;
    weight_carry_ = zero_carry_ = 0;
    UnaryChunk w_prev, z_prev;
    do {
      const int balance = zero_runs ? static_cast<int>(w_pos) - static_cast<int>(z_pos) : 0;
      UnaryChunk w_cur, z_cur;
      w_cur.enabled = (balance < 8 || !zero_runs) && w_pos < h.nvalues;
      z_cur.enabled = balance >= 0 && zero_runs && z_pos < nz;
      if (w_cur.enabled) {
        // The 12 flag bits come first, the zero-run unary bits next, then the extra bits.
        uint32_t flags = 0;
        if (compressed && !get(12, flags)) return false;
        if (z_cur.enabled && !read_zero_unary(z_len, z_cur)) return false;
        if (!finish_weight_unary(flags, weight_symbols, h.wtrunc, w_cur)) return false;
        w_pos += w_cur.count;
      } else if (z_cur.enabled) {
        if (!read_zero_unary(z_len, z_cur)) return false;
      }
      if (z_cur.enabled) z_pos += z_cur.count;
      if (w_prev.enabled) {
        for (unsigned i = 0; i < w_prev.count && w_done < h.nvalues; ++i, ++w_done) {
          uint32_t rem = 0;
          if (!get(wdiv, rem)) return false;
          w[w_done] = (w_prev.q[i] << wdiv) + rem;
        }
      }
      if (z_prev.enabled) {
        for (unsigned i = 0; i < z_prev.count && z_done < nz; ++i, ++z_done) {
          uint32_t rem = 0;
          if (!get(h.zdiv, rem)) return false;
          z[z_done] = (z_prev.q[i] << h.zdiv) + rem;
        }
      }
      w_prev = w_cur;
      z_prev = z_cur;
    } while (w_prev.enabled || z_prev.enabled);
    return emit(h, zero_runs, w, z);
  }

  // Unary parts of one weight chunk: each set flag in `flags` is followed by one more bit (code 2
  // continues the quotient into the next symbol unless WTRUNC).
  bool finish_weight_unary(uint32_t flags, unsigned symbols, bool trunc, UnaryChunk& chunk) {
    unsigned extra = 0;
    for (unsigned i = 0; i < symbols; ++i) extra += (flags >> i) & 1;
    uint32_t second = 0;
    if (!get(extra, second)) return false;
    chunk.count = 0;
    uint32_t run = weight_carry_;
    for (unsigned i = 0; i < symbols; ++i) {
      unsigned code = 0;
      if ((flags >> i) & 1) {
        code = 1 + (second & 1);
        second >>= 1;
      }
      run += code;
      if (code < 2 || trunc) {
        chunk.q[chunk.count++] = run;
        run = 0;
      }
    }
    weight_carry_ = run;
    return true;
  }

  bool emit(const SliceHeader& h, bool zero_runs, const std::vector<uint32_t>& w,
            const std::vector<uint32_t>& z) {
    auto zeros = [&](uint32_t n) { out_.insert(out_.end(), n, int16_t{0}); };
    if (h.new_palette && zero_runs) zeros(z[0]);
    for (unsigned i = 0; i < h.nvalues; ++i) {
      const uint32_t index = w[i];
      uint32_t v = index < palette_size_ ? palette_[index] : index - palette_size_ + direct_offset_;
      if (v >= 512) return fail(fmt::format("weight value {} exceeds 9 bits", v));
      const int mag = static_cast<int>(v >> 1);
      out_.push_back(static_cast<int16_t>((v & 1) ? -mag : mag));
      if (zero_runs) zeros(z[i + (h.new_palette ? 1 : 0)]);
    }
    return true;
  }

  BitReader bits_;
  std::vector<int16_t>& out_;
  std::string& error_;
  bool need_palette_ = true;
  bool previous_zero_runs_ = false;
  std::array<uint32_t, 32> palette_{};
  unsigned palette_size_ = 0, palette_bits_ = 2, direct_offset_ = 0;
  uint32_t weight_carry_ = 0, zero_carry_ = 0;
};

// Calls fn(valid, ofm_z, ky, kx, ifm_z) for every slot of the encoder's order (Vela's U55 weight
// reordering: OFM blocks, IFM blocks, 8x8 sub-kernels (4x4 with dilation 2), IFM micro-blocks
// (part-kernel first only), OFM micro-blocks, kernel elements (padded), IFM micro-blocks, then the
// OFM and IFM micro-block lanes).
template <typename Fn>
void for_each_slot(const WeightLayout& l, Fn fn) {
  const bool depthwise = l.traversal == WeightTraversal::Depthwise;
  const bool part_kernel = l.traversal == WeightTraversal::PartKernelFirst;
  const int ifm_block_depth = (part_kernel || l.ifm_bits == 16) ? 16 : 32;
  const int decomp_x = 8 / l.dilation_x, decomp_y = 8 / l.dilation_y;
  const int element_round = depthwise ? 4 : part_kernel ? (l.ifm_bits == 16 ? 2 : 4) : 1;
  const int ifm_limit = depthwise ? 1 : l.ifm_depth;
  for (int ofm_block = 0; ofm_block < l.ofm_depth; ofm_block += l.ofm_block_depth) {
    const int ofm_block_size = std::min(l.ofm_block_depth, l.ofm_depth - ofm_block);
    for (int ifm_block = 0; ifm_block < ifm_limit; ifm_block += ifm_block_depth) {
      const int ifm_block_size =
          depthwise ? l.ifm_ublock_depth
                    : (part_kernel ? std::min(ifm_block_depth, l.ifm_depth - ifm_block)
                                   : ifm_block_depth);
      for (int sub_y = 0; sub_y < l.kernel_height; sub_y += decomp_y) {
        const int sub_h = std::min(l.kernel_height - sub_y, decomp_y);
        for (int sub_x = 0; sub_x < l.kernel_width; sub_x += decomp_x) {
          const int sub_w = std::min(l.kernel_width - sub_x, decomp_x);
          const int elements = (sub_w * sub_h + element_round - 1) / element_round * element_round;
          const int outer_depth = part_kernel ? ifm_block_size : 1;
          const int inner_depth = part_kernel ? 1 : ifm_block_size;
          for (int ifm_outer = 0; ifm_outer < outer_depth; ifm_outer += l.ifm_ublock_depth) {
            for (int ofm_ub = 0; ofm_ub < ofm_block_size; ofm_ub += l.ofm_ublock_depth) {
              for (int e = 0; e < elements; ++e) {
                const int kx = e % sub_w, ky = e / sub_w;
                for (int ifm_inner = 0; ifm_inner < inner_depth; ifm_inner += l.ifm_ublock_depth) {
                  for (int oz = 0; oz < l.ofm_ublock_depth; ++oz) {
                    const int lanes = depthwise ? 1 : l.ifm_ublock_depth;
                    for (int iz = 0; iz < lanes; ++iz) {
                      const int ifm_z = ifm_block + ifm_outer + ifm_inner + iz;
                      const int ofm_z = ofm_block + ofm_ub + oz;
                      const bool valid = ifm_z < ifm_limit && ofm_z < l.ofm_depth && ky < sub_h;
                      fn(valid, ofm_z, sub_y + ky, sub_x + kx, ifm_z);
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

}  // namespace

bool decode_weight_stream(std::span<const uint8_t> stream, size_t count, std::vector<int16_t>& out,
                          std::string& error) {
  out.clear();
  out.reserve(count);
  StreamDecoder decoder(stream, out, error);
  return decoder.run(count);
}

size_t weight_stream_length(const WeightLayout& layout) {
  size_t n = 0;
  for_each_slot(layout, [&](bool, int, int, int, int) { ++n; });
  return n;
}

void unpack_weights(const WeightLayout& layout, std::span<const int16_t> stream_values,
                    std::vector<int16_t>& dense) {
  dense.assign(layout.dense_size(), 0);
  size_t i = 0;
  for_each_slot(layout, [&](bool valid, int o, int ky, int kx, int iz) {
    if (valid && i < stream_values.size())
      dense[layout.dense_index(o, ky, kx, iz)] = stream_values[i];
    ++i;
  });
}

void pack_weights(const WeightLayout& layout, std::span<const int16_t> dense,
                  std::vector<int16_t>& stream_values) {
  stream_values.clear();
  for_each_slot(layout, [&](bool valid, int o, int ky, int kx, int iz) {
    stream_values.push_back(valid ? dense[layout.dense_index(o, ky, kx, iz)] : int16_t{0});
  });
}

}  // namespace minifvp::npu
