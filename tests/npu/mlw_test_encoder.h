// Our own encoder of the Ethos-U55 weight stream format (see npu/weight_decoder.h for the format),
// written for the tests: it lets every choice the format offers be set explicitly (palette size
// and bits, direct offset, zero-run and weight Golomb-Rice divisors, truncation, uncompressed
// mode, slice length, palette reuse), so the decoder can be checked across all of them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace minifvp::test {

struct MlwEncoding {
  std::vector<uint16_t> palette;  // sign-magnitude codes ((|w| << 1) | sign); size 0 or 2..32
  unsigned palette_bits = 9;      // 2..9
  unsigned direct_offset = 0;     // 0..31
  unsigned zdiv = 6;              // 0..3, or 6 = no zero runs
  unsigned wdiv = 7;              // 0..5, or 7 = uncompressed
  bool wtrunc = false;
  unsigned slice_length = 1000;  // weights (non-zero weights with zero runs) per slice
  bool reuse_palette = false;    // slices after the first keep the palette (NEWPAL = 0)
};

class MlwBitWriter {
 public:
  void put(uint32_t value, unsigned bits) {
    for (unsigned i = 0; i < bits; ++i) {
      if (bit_ % 8 == 0) bytes_.push_back(0);
      if ((value >> i) & 1) bytes_.back() |= static_cast<uint8_t>(1u << (bit_ % 8));
      ++bit_;
    }
  }
  void align() {
    while (bit_ % 8) put(1, 1);
  }
  std::vector<uint8_t>& bytes() { return bytes_; }

 private:
  std::vector<uint8_t> bytes_;
  size_t bit_ = 0;
};

inline uint16_t mlw_code_of(int16_t w) {
  return static_cast<uint16_t>((std::abs(w) << 1) | (w < 0 ? 1 : 0));
}

// Encodes one slice: `values` are the coded weights, `runs` the zero runs (one per weight, plus a
// leading run when the slice defines a palette) when zero runs are on.
inline void mlw_encode_slice(MlwBitWriter& out, const MlwEncoding& e, bool new_palette,
                             const std::vector<int16_t>& values,
                             const std::vector<uint32_t>& runs) {
  const bool zero_runs = e.zdiv != 6;
  const bool compressed = e.wdiv != 7;
  const unsigned psize = static_cast<unsigned>(e.palette.size());
  out.put(e.zdiv, 3);
  out.put(static_cast<uint32_t>(values.size() - 1), 15);
  out.put(e.wdiv, 3);
  out.put(e.wtrunc ? 1 : 0, 1);
  out.put(new_palette ? 1 : 0, 1);
  if (new_palette) {
    out.put(e.direct_offset, 5);
    out.put(psize > 0 ? psize - 1 : 0, 5);
    out.put(e.palette_bits - 2, 3);
    for (uint16_t p : e.palette) out.put(p, e.palette_bits);
  }
  // Indices: palette position, or code - direct_offset + palette size.
  std::vector<uint32_t> index;
  for (int16_t w : values) {
    const uint16_t code = mlw_code_of(w);
    auto it = std::find(e.palette.begin(), e.palette.end(), code);
    if (it != e.palette.end()) {
      index.push_back(static_cast<uint32_t>(it - e.palette.begin()));
    } else {
      if (code < e.direct_offset) throw std::invalid_argument("value below the direct offset");
      index.push_back(code - e.direct_offset + psize);
    }
  }
  unsigned wdiv = e.wdiv;
  if (!compressed) {
    unsigned bits = 0;
    if (psize > 0) {
      while ((1u << bits) < psize) ++bits;
    } else {
      bits = e.palette_bits;
    }
    wdiv = bits;
  }
  // Unary positions of the weights (code 0: stop, 1: +1 stop, 2: +2 continue; with WTRUNC every
  // code stops) and the zero-run unary bits (q ones then a zero).
  std::vector<uint8_t> wcodes;
  std::vector<uint32_t> wrem;
  for (uint32_t idx : index) {
    const uint32_t q = idx >> wdiv;
    wrem.push_back(idx & ((1u << wdiv) - 1));
    if (!compressed) {
      if (q != 0) throw std::invalid_argument("index does not fit the uncompressed width");
      continue;
    }
    if (e.wtrunc) {
      if (q > 2) throw std::invalid_argument("truncated code needs quotients <= 2");
      wcodes.push_back(static_cast<uint8_t>(q));
    } else {
      for (uint32_t k = 0; k < q / 2; ++k) wcodes.push_back(2);
      wcodes.push_back(static_cast<uint8_t>(q % 2));
    }
  }
  std::vector<uint8_t> zbits;
  std::vector<uint32_t> zrem;
  for (uint32_t r : runs) {
    for (uint32_t k = 0; k < (r >> e.zdiv); ++k) zbits.push_back(1);
    zbits.push_back(0);
    zrem.push_back(r & ((1u << e.zdiv) - 1));
  }
  // The chunk loop, mirroring the decoder's flow control.
  const unsigned n = static_cast<unsigned>(values.size());
  const unsigned nz = zero_runs ? static_cast<unsigned>(runs.size()) : 0;
  const unsigned positions = !compressed && wdiv > 5 ? 8 : 12;
  const unsigned zlen = e.zdiv < 3 ? 12 : 8;
  size_t wcursor = 0, zcursor = 0;
  unsigned w_pos = 0, z_pos = 0, w_done = 0, z_done = 0;
  bool prev_w = false, prev_z = false;
  unsigned prev_w_count = 0, prev_z_count = 0;
  do {
    const int balance = zero_runs ? static_cast<int>(w_pos) - static_cast<int>(z_pos) : 0;
    const bool w_en = (balance < 8 || !zero_runs) && w_pos < n;
    const bool z_en = balance >= 0 && zero_runs && z_pos < nz;
    std::vector<uint8_t> window(positions, 0);
    if (w_en && compressed) {
      for (unsigned i = 0; i < positions; ++i) {
        window[i] = wcursor + i < wcodes.size() ? wcodes[wcursor + i] : 0;
      }
      wcursor += positions;
      uint32_t flags = 0;
      for (unsigned i = 0; i < positions; ++i) flags |= (window[i] >= 1 ? 1u : 0u) << i;
      out.put(flags, 12);
    }
    unsigned z_count = 0;
    if (z_en) {
      for (unsigned i = 0; i < zlen; ++i) {
        const uint8_t b = zcursor + i < zbits.size() ? zbits[zcursor + i] : 0;
        out.put(b, 1);
        if (b == 0) ++z_count;
      }
      zcursor += zlen;
    }
    unsigned w_count = 0;
    if (w_en) {
      for (unsigned i = 0; i < positions; ++i) {
        if (window[i] >= 1) out.put(window[i] == 2 ? 1 : 0, 1);
        if (window[i] < 2 || e.wtrunc) ++w_count;
      }
    }
    w_pos += w_count;
    z_pos += z_count;
    if (prev_w) {
      for (unsigned i = 0; i < prev_w_count && w_done < n; ++i, ++w_done)
        out.put(wrem[w_done], wdiv);
    }
    if (prev_z) {
      for (unsigned i = 0; i < prev_z_count && z_done < nz; ++i, ++z_done) {
        out.put(zrem[z_done], e.zdiv);
      }
    }
    prev_w = w_en;
    prev_z = z_en;
    prev_w_count = w_count;
    prev_z_count = z_count;
  } while (prev_w || prev_z);
}

// Encodes a whole weight sequence, ending with the end-of-stream marker and 0xFF padding to 16
// bytes as Vela does.
inline std::vector<uint8_t> mlw_encode(const std::vector<int16_t>& weights, const MlwEncoding& e) {
  MlwBitWriter out;
  const bool zero_runs = e.zdiv != 6;
  if (!zero_runs) {
    bool first = true;
    for (size_t start = 0; start < weights.size(); start += e.slice_length) {
      const size_t end = std::min(weights.size(), start + e.slice_length);
      std::vector<int16_t> slice(weights.begin() + start, weights.begin() + end);
      mlw_encode_slice(out, e, first || !e.reuse_palette, slice, {});
      first = false;
    }
  } else {
    // Non-zero weights with the zero run following each; the leading run goes to the first slice.
    std::vector<int16_t> nonzero;
    std::vector<uint32_t> after;
    uint32_t leading = 0;
    for (int16_t w : weights) {
      if (w == 0) {
        if (nonzero.empty()) {
          ++leading;
        } else {
          ++after.back();
        }
      } else {
        nonzero.push_back(w);
        after.push_back(0);
      }
    }
    if (nonzero.empty()) throw std::invalid_argument("zero-run mode needs a non-zero weight");
    for (size_t start = 0; start < nonzero.size(); start += e.slice_length) {
      const size_t end = std::min(nonzero.size(), start + e.slice_length);
      const bool new_palette = start == 0 || !e.reuse_palette;
      std::vector<int16_t> slice(nonzero.begin() + start, nonzero.begin() + end);
      std::vector<uint32_t> runs;
      if (new_palette) runs.push_back(start == 0 ? leading : 0);
      runs.insert(runs.end(), after.begin() + start, after.begin() + end);
      mlw_encode_slice(out, e, new_palette, slice, runs);
    }
  }
  out.put(7, 3);
  out.align();
  while (out.bytes().size() % 16) out.bytes().push_back(0xFF);
  return out.bytes();
}

}  // namespace minifvp::test
