// Builds command streams word by word for tests (the encoding of npu/opcodes.h).
#pragma once

#include <cstdint>
#include <vector>

#include "npu/opcodes.h"

namespace minifvp::test {

class StreamBuilder {
 public:
  StreamBuilder& cmd0(uint16_t opcode, uint16_t param = 0) {
    words_.push_back(uint32_t{opcode} | (uint32_t{param} << 16));
    return *this;
  }
  StreamBuilder& cmd1(uint16_t opcode, uint32_t payload, uint16_t param = 0) {
    words_.push_back(uint32_t{opcode} | 0x4000u | (uint32_t{param} << 16));
    words_.push_back(payload);
    return *this;
  }
  StreamBuilder& stop() { return cmd0(npu::op::kStop, 0xFFFF); }
  StreamBuilder& raw(uint32_t word) {
    words_.push_back(word);
    return *this;
  }

  // A 1D DMA of `length` bytes from region `src_region` + src to region `dst_region` + dst.
  StreamBuilder& dma(unsigned src_region, uint32_t src, unsigned dst_region, uint32_t dst,
                     uint32_t length, bool dst_internal = false) {
    cmd0(npu::reg0::kDmaSrcRegion, static_cast<uint16_t>(src_region));
    cmd1(npu::reg1::kDmaSrc, src);
    cmd0(npu::reg0::kDmaDstRegion, static_cast<uint16_t>(dst_region | (dst_internal ? 0x100 : 0)));
    cmd1(npu::reg1::kDmaDst, dst);
    cmd1(npu::reg1::kDmaLen, length);
    return cmd0(npu::op::kDmaStart);
  }

  const std::vector<uint32_t>& words() const { return words_; }
  std::vector<uint8_t> bytes() const {
    std::vector<uint8_t> out(words_.size() * 4);
    for (size_t i = 0; i < words_.size(); ++i) {
      for (unsigned b = 0; b < 4; ++b) out[4 * i + b] = static_cast<uint8_t>(words_[i] >> (8 * b));
    }
    return out;
  }

 private:
  std::vector<uint32_t> words_;
};

}  // namespace minifvp::test
