#include "cpu/exec/mve_common.h"

namespace minifvp::cpu::exec::mve {
namespace {

// Byte-enable expansion: bit i of the index becomes byte i (0x00 or 0xff) of the result.
constexpr std::array<uint64_t, 256> make_byte_expansion() {
  std::array<uint64_t, 256> table{};
  for (unsigned bits = 0; bits < 256; ++bits) {
    for (unsigned i = 0; i < 8; ++i) {
      if ((bits >> i) & 1) table[bits] |= uint64_t{0xff} << (8 * i);
    }
  }
  return table;
}
constexpr std::array<uint64_t, 256> kByteExpansion = make_byte_expansion();

}  // namespace

uint16_t unexecuted_beats(const CpuState& s) {
  switch (static_cast<Eci>(eci_bits(s))) {
    case Eci::A0:
      return 0xfff0;
    case Eci::A0A1:
      return 0xff00;
    case Eci::A0A1A2:
    case Eci::A0A1A2B0:
      return 0xf000;
    case Eci::None:
      break;
  }
  return 0xffff;
}

void advance_eci(CpuState& s) {
  const uint8_t eci = eci_bits(s);
  if (eci != 0) [[unlikely]] {
    s.it.bits = static_cast<Eci>(eci) == Eci::A0A1A2B0 ? uint8_t{uint8_t(Eci::A0) << 4} : 0;
  }
}

bool eci_valid(uint8_t value) {
  switch (static_cast<Eci>(value)) {
    case Eci::None:
    case Eci::A0:
    case Eci::A0A1:
    case Eci::A0A1A2:
    case Eci::A0A1A2B0:
      return true;
  }
  return false;
}

void write_q(CpuState& s, unsigned q, const Vector& value, uint16_t byte_mask) {
  if (byte_mask == 0xffff) {
    write_q(s, q, value);
    return;
  }
  uint64_t halves[2], old[2];
  std::memcpy(halves, value.bytes.data(), kVectorBytes);
  std::memcpy(old, &s.s[4 * q], kVectorBytes);
  for (unsigned h = 0; h < 2; ++h) {
    const uint64_t enable = kByteExpansion[(byte_mask >> (8 * h)) & 0xff];
    old[h] = (old[h] & ~enable) | (halves[h] & enable);
  }
  std::memcpy(&s.s[4 * q], old, kVectorBytes);
}

uint16_t expand_element_mask(uint16_t byte_mask, unsigned esize) {
  const uint16_t element_bits = static_cast<uint16_t>((1u << esize) - 1);
  uint16_t out = 0;
  for (unsigned byte = 0; byte < kVectorBytes; byte += esize) {
    if ((byte_mask >> byte) & 1) out |= static_cast<uint16_t>(element_bits << byte);
  }
  return out;
}

uint16_t element_mask(const CpuState& s) {
  uint16_t mask = static_cast<uint16_t>(s.vpr & kVprP0Mask);
  if ((s.vpr & kVprMask01) == 0) mask |= 0x00ff;
  if ((s.vpr & kVprMask23) == 0) mask |= 0xff00;
  const uint32_t element_log2 = ltpsize(s);
  if (element_log2 < kNoTailPredication) {
    // Tail predication: in the iteration where LR (elements left) is at most one vector's worth,
    // only the first LR elements are active.
    const uint32_t elements_left = s.r[14];
    if (elements_left <= (kVectorBytes >> element_log2)) {
      const uint32_t active_bytes = elements_left << element_log2;
      mask &= static_cast<uint16_t>((1u << active_bytes) - 1);
    }
  }
  if (eci_bits(s) != 0) [[unlikely]]
    mask &= unexecuted_beats(s);
  return mask;
}

void finish_beatwise(Core& core) {
  CpuState& s = core.state();
  const uint16_t executed = unexecuted_beats(s);
  advance_eci(s);
  if ((s.vpr & (kVprMask01 | kVprMask23)) == 0) [[likely]]
    return;
  uint32_t mask01 = (s.vpr & kVprMask01) >> kVprMask01Shift;
  uint32_t mask23 = (s.vpr & kVprMask23) >> kVprMask23Shift;
  // A mask above 0b1000 has its top bit set and the block goes on: the next instruction is an
  // "else", so the half of P0 this mask governs inverts (for the beats that executed).
  uint16_t invert = executed;
  if (mask01 <= 0b1000) invert &= 0xff00;
  if (mask23 <= 0b1000) invert &= 0x00ff;
  // MASK01 advances only if beat 1 executed now; beat 3 always executes.
  if ((executed & 0x00f0) != 0) mask01 = (mask01 << 1) & 0xf;
  mask23 = (mask23 << 1) & 0xf;
  s.vpr =
      ((s.vpr ^ invert) & kVprP0Mask) | (mask01 << kVprMask01Shift) | (mask23 << kVprMask23Shift);
}

}  // namespace minifvp::cpu::exec::mve
