// MVE data movement (contracts in cpu/exec/mve_move.h).
#include "cpu/exec/mve_move.h"

#include <algorithm>

#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_common.h"

namespace minifvp::cpu::exec {
namespace {

using mve::Vector;

uint32_t replicate(uint32_t value, unsigned esize) {
  switch (esize) {
    case 1:
      return (value & 0xff) * 0x01010101u;
    case 2:
      return (value & 0xffff) * 0x00010001u;
    default:
      return value;
  }
}

// The bytes of extension register file, as the Q registers see them.
uint8_t* register_file_bytes(CpuState& s) {
  return reinterpret_cast<uint8_t*>(s.s.data());
}

}  // namespace

void MVE_VDUP(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint32_t word = replicate(s.r[insn.t], insn.esize);
  Vector v;
  for (unsigned i = 0; i < 4; ++i) v.set_lane<uint32_t>(i, word);
  mve::write_q(s, insn.d, v, mask);
  mve::finish_beatwise(core);
}

void MVE_VMOV_lane(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  uint8_t* lane = register_file_bytes(s) + insn.imm;
  const unsigned bits = 8 * insn.esize;
  if (insn.flag) {
    uint32_t value = 0;
    std::memcpy(&value, lane, insn.esize);
    if (insn.imm2 != 0 && bits < 32) {
      value = static_cast<uint32_t>(static_cast<int32_t>(value << (32 - bits)) >> (32 - bits));
    }
    s.r[insn.t] = value;
  } else {
    const uint32_t value = insn.t == 15 ? core.pc_read() : s.r[insn.t];
    std::memcpy(lane, &value, insn.esize);
  }
}

void MVE_VMOV_two_lanes(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  uint32_t* q = &s.s[4 * insn.d];
  if (insn.flag) {
    s.r[insn.t] = q[insn.imm];
    s.r[insn.t2] = q[insn.imm + 2];
  } else {
    q[insn.imm] = s.r[insn.t];
    q[insn.imm + 2] = s.r[insn.t2];
  }
}

// Reverses the order of the esize elements inside each imm-byte container.
void MVE_VREV(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector source = mve::read_q(s, insn.m);
  Vector result;
  const unsigned container = insn.imm, esize = insn.esize;
  for (unsigned byte = 0; byte < mve::kVectorBytes; ++byte) {
    const unsigned base = byte - byte % container;
    const unsigned element = (byte - base) / esize, within = (byte - base) % esize;
    const unsigned reversed = container / esize - 1 - element;
    result.bytes[byte] = source.bytes[base + reversed * esize + within];
  }
  mve::write_q(s, insn.d, result, mask);
  mve::finish_beatwise(core);
}

namespace {

// A wide element (2 or 4 bytes, zero-extended in `raw`) narrowed to `narrow` bytes; sets
// `saturated` when clamped.
uint32_t narrow_element(uint32_t raw, unsigned narrow, NarrowKind kind, bool& saturated) {
  const unsigned bits = 8 * narrow;
  const int64_t wide_signed =
      static_cast<int64_t>(static_cast<int32_t>(raw << (32 - 2 * bits)) >> (32 - 2 * bits));
  const int64_t max_unsigned = (int64_t{1} << bits) - 1;
  const int64_t max_signed = (int64_t{1} << (bits - 1)) - 1;
  int64_t value = 0, low = 0, high = 0;
  switch (kind) {
    case NarrowKind::Truncate:
      return raw & static_cast<uint32_t>(max_unsigned);
    case NarrowKind::SignedSaturate:
      value = wide_signed, low = -max_signed - 1, high = max_signed;
      break;
    case NarrowKind::UnsignedSaturate:
      value = raw, low = 0, high = max_unsigned;
      break;
    case NarrowKind::SignedToUnsigned:
      value = wide_signed, low = 0, high = max_unsigned;
      break;
  }
  const int64_t clamped = std::clamp(value, low, high);
  saturated = clamped != value;
  return static_cast<uint32_t>(clamped) & static_cast<uint32_t>(max_unsigned);
}

}  // namespace

void MVE_VMOVN(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  // esize 1 or 2 (the decoder gives no other). Lane indexes are masked to their range so the
  // compiler can see every write stays inside the vector.
  const unsigned wide = insn.esize == 1 ? 2 : 4, narrow = wide / 2, top = insn.flag ? 1 : 0;
  const auto kind = static_cast<NarrowKind>(insn.imm);
  const Vector source = mve::read_q(s, insn.m);
  Vector result = mve::read_q(s, insn.d);
  uint16_t write_mask = 0;
  bool qc = false;
  for (unsigned i = 0; i < mve::kVectorBytes / wide; ++i) {
    const unsigned narrow_lane = 2 * i + top, first_byte = narrow_lane * narrow;
    bool saturated = false;
    const uint32_t value =
        narrow_element(static_cast<uint32_t>(source.element(i, wide)), narrow, kind, saturated);
    // QC follows the predicate bit of the lane's first byte, as QEMU's helpers do.
    qc |= saturated && ((mask >> first_byte) & 1) != 0;
    if (narrow == 1) {
      result.set_lane<uint8_t>(narrow_lane & 15, static_cast<uint8_t>(value));
    } else {
      result.set_lane<uint16_t>(narrow_lane & 7, static_cast<uint16_t>(value));
    }
    write_mask |= static_cast<uint16_t>(((1u << narrow) - 1) << first_byte);
  }
  // Predication is per byte (VPR.P0 has a bit per byte); the other narrow lanes keep their value.
  mve::write_q(s, insn.d, result, static_cast<uint16_t>(write_mask & mask));
  if (qc) mve::set_qc(s);
  mve::finish_beatwise(core);
}

void MVE_VMOVL(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  // esize 1 or 2 (the decoder gives no other). Lane indexes are masked to their range so the
  // compiler can see every write stays inside the vector.
  const unsigned wide = insn.esize == 1 ? 2 : 4, narrow = wide / 2, top = insn.flag ? 1 : 0;
  const Vector source = mve::read_q(s, insn.m);
  Vector result;
  for (unsigned i = 0; i < mve::kVectorBytes / wide; ++i) {
    uint32_t value = static_cast<uint32_t>(source.element(2 * i + top, narrow));
    if (insn.imm2 != 0) {
      const unsigned shift = 32 - 8 * narrow;
      value = static_cast<uint32_t>(static_cast<int32_t>(value << shift) >> shift);
    }
    if (wide == 2) {
      result.set_lane<uint16_t>(i & 7, static_cast<uint16_t>(value));
    } else {
      result.set_lane<uint32_t>(i & 3, value);
    }
  }
  mve::write_q(s, insn.d, result, mask);
  mve::finish_beatwise(core);
}

}  // namespace minifvp::cpu::exec
