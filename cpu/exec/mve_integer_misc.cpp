// MVE integer instructions that are neither plain lanewise arithmetic nor multiplies: the
// one-register-and-modified-immediate group (VMOV/VMVN/VORR/VBIC immediate), add/subtract with
// carry (VADC, VADCI, VSBC, VSBCI), complex add (VCADD, VHCADD), the incrementing/decrementing
// dups (VIDUP, VDDUP, VIWDUP, VDWDUP) and VBRSR. Armv8.1-M ARM, "MVE instructions".
#include <cstdint>

#include "cpu/exec/mve_integer.h"
#include "cpu/exec/mve_integer_lanes.h"

namespace minifvp::cpu::exec::mve_int {
namespace {

uint64_t immediate64(const DecodedInsn& insn) {
  return (uint64_t{insn.imm2} << 32) | insn.imm;
}

template <typename Fn>
void immediate_operation(Core& core, const DecodedInsn& insn, Fn fn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector d = mve::read_q(s, insn.d);
  const uint64_t imm = immediate64(insn);
  Vector out;
  for (unsigned i = 0; i < 2; ++i) out.set_lane<uint64_t>(i, fn(d.lane<uint64_t>(i), imm));
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

constexpr uint32_t kFpscrC = 1u << 29;

// VCADD/VHCADD element e: even lanes combine n[e] with m[e+1], odd lanes n[e] with m[e-1]; #90
// subtracts in even lanes and adds in odd ones, #270 the reverse.
template <typename T>
T complex_add_lane(const Vector& n, const Vector& m, unsigned e, bool rotate270, bool halving) {
  const bool even = (e & 1) == 0;
  const int64_t a = n.lane<T>(e);
  const int64_t b = m.lane<T>(even ? e + 1 : e - 1);
  const bool subtract = even != rotate270;
  const int64_t exact = subtract ? a - b : a + b;
  return static_cast<T>(halving ? exact >> 1 : exact);
}

// Fills Qd from the running offset R[t], `step` advancing it after each element (all elements,
// predicated or not), and writes the final offset back to R[t].
template <typename Step>
void dup_sequence(Core& core, const DecodedInsn& insn, Step step) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  uint32_t offset = s.r[insn.t];
  Vector out;
  with_lane_type(insn.esize, /*is_unsigned=*/true, [&]<typename T>() {
    for (unsigned i = 0; i < kLanes<T>; ++i) {
      out.set_lane<T>(i, static_cast<T>(offset));
      offset = step(offset);
    }
  });
  mve::write_q(s, insn.d, out, mask);
  s.r[insn.t] = offset;
  mve::finish_beatwise(core);
}

uint32_t reverse_bits(uint32_t value, unsigned bits) {
  uint32_t reversed = 0;
  for (unsigned i = 0; i < bits; ++i) reversed |= ((value >> i) & 1) << (bits - 1 - i);
  return reversed;
}

}  // namespace

void VMOV_imm(Core& core, const DecodedInsn& insn) {
  immediate_operation(core, insn, [](uint64_t, uint64_t imm) { return imm; });
}
void VORR_imm(Core& core, const DecodedInsn& insn) {
  immediate_operation(core, insn, [](uint64_t d, uint64_t imm) { return d | imm; });
}
void VBIC_imm(Core& core, const DecodedInsn& insn) {
  immediate_operation(core, insn, [](uint64_t d, uint64_t imm) { return d & ~imm; });
}

// The carry chains through the active 32-bit lanes in order (an inactive lane's sum is computed
// but neither written nor allowed to change the carry). FPSCR.C receives the final carry and N, Z,
// V are cleared when some lane was active, or always for the fixed-carry forms. As in QEMU, a
// fixed-carry form whose first beat was already executed (EPSR.ECI) continues from FPSCR.C.
void VADC(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const bool first_beat_executes = mve::eci_bits(s) == 0;
  const uint16_t mask = mve::begin_beatwise(core);
  const bool subtract = (insn.imm & 1) != 0;
  const bool fixed_carry = insn.flag && first_beat_executes;
  uint32_t carry = fixed_carry ? (subtract ? 1 : 0) : ((s.fpscr & kFpscrC) != 0 ? 1 : 0);
  const Vector n = mve::read_q(s, insn.n);
  const Vector m = mve::read_q(s, insn.m);
  const uint32_t invert = subtract ? 0xffffffffu : 0;
  Vector out;
  for (unsigned i = 0; i < kLanes<uint32_t>; ++i) {
    const uint64_t sum = uint64_t{carry} + n.lane<uint32_t>(i) + (m.lane<uint32_t>(i) ^ invert);
    out.set_lane<uint32_t>(i, static_cast<uint32_t>(sum));
    if (mve::lane_active<uint32_t>(mask, i)) carry = static_cast<uint32_t>(sum >> 32);
  }
  mve::write_q(s, insn.d, out, mask);
  if (fixed_carry || (mask & 0x1111) != 0) {
    s.fpscr = (s.fpscr & ~fp::fpscr::kNZCV) | (carry != 0 ? kFpscrC : 0);
  }
  mve::finish_beatwise(core);
}

// VCADD and VHCADD. Every result is computed before Qd is written, so Qd == Qm (CONSTRAINED
// UNPREDICTABLE for 32-bit elements) gives the result computed from the original Qm, as QEMU does.
void VCADD(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector n = mve::read_q(s, insn.n);
  const Vector m = mve::read_q(s, insn.m);
  const bool rotate270 = insn.imm != 0;
  Vector out;
  with_lane_type(insn.esize, /*is_unsigned=*/false, [&]<typename T>() {
    for (unsigned e = 0; e < kLanes<T>; ++e) {
      out.set_lane<T>(e, complex_add_lane<T>(n, m, e, rotate270, insn.flag));
    }
  });
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

void VIDUP(Core& core, const DecodedInsn& insn) {
  const uint32_t step = insn.imm;
  dup_sequence(core, insn, [step](uint32_t offset) { return offset + step; });
}
void VDDUP(Core& core, const DecodedInsn& insn) {
  const uint32_t step = insn.imm;
  dup_sequence(core, insn, [step](uint32_t offset) { return offset - step; });
}
// The wrapping forms: the offset wraps to 0 when it reaches R[t2] going up, and from 0 to R[t2]
// before stepping down.
void VIWDUP(Core& core, const DecodedInsn& insn) {
  const uint32_t step = insn.imm;
  const uint32_t wrap = core.state().r[insn.t2];
  dup_sequence(core, insn, [step, wrap](uint32_t offset) {
    offset += step;
    return offset == wrap ? 0 : offset;
  });
}
void VDWDUP(Core& core, const DecodedInsn& insn) {
  const uint32_t step = insn.imm;
  const uint32_t wrap = core.state().r[insn.t2];
  dup_sequence(core, insn, [step, wrap](uint32_t offset) {
    if (offset == 0) offset = wrap;
    return offset - step;
  });
}

// Lane = bits [count-1:0] of the lane reversed, count = R[t]<7:0> (all of the lane when count is
// at least the element size, 0 when count is 0).
void VBRSR(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector n = mve::read_q(s, insn.n);
  const uint32_t count = s.r[insn.t] & 0xff;
  Vector out;
  with_lane_type(insn.esize, /*is_unsigned=*/true, [&]<typename T>() {
    for (unsigned i = 0; i < kLanes<T>; ++i) {
      uint32_t value = 0;
      if (count != 0) {
        value = reverse_bits(n.lane<T>(i), kBits<T>);
        if (count < kBits<T>) value >>= kBits<T> - count;
      }
      out.set_lane<T>(i, static_cast<T>(value));
    }
  });
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

}  // namespace minifvp::cpu::exec::mve_int
