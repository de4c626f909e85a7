// Shared pieces of the MVE (Helium) execute functions (cpu/exec/mve_*.cpp): the Q registers,
// per-lane predication and the beat-wise bookkeeping every vector instruction does.
//
// The model executes all four beats of a vector instruction at once, between two instructions;
// the architecture allows that (Armv8.1-M ARM, "Beat-wise execution"), and an exception is then
// never taken in the middle of an instruction, so the ECI value we stack is always 0. A nonzero
// EPSR.ECI can still arrive from software (an exception return with a hand-made xPSR): then the
// beats it names as done are not executed again (element_mask()), and a following instruction that
// is not beat-wise takes an INVSTATE UsageFault (Core's run loop, InsnClass::Vector).
//
// Operand conventions for the MVE tables (cpu/decode/table_mve_*.cpp):
//  - d, n, m: Q register numbers 0-7 (Qd, Qn, Qm), t, t2, a: general-purpose registers;
//  - esize: element size in bytes (1, 2, 4, or 8 where an instruction has 64-bit lanes);
//  - imm, imm2, flag, add, index, wback, cond: per instruction, documented in its header.
//
// The execute function of a beat-wise instruction has this shape:
//   const uint16_t mask = mve::begin_beatwise(core);   // ExecuteFPCheck, then the lane mask
//   ... compute into a Vector, write it with write_q(s, insn.d, result, mask) ...
//   mve::finish_beatwise(core);                        // VPT block and ECI advance
// A fault in between (a load) leaves VPR and ECI as they were: the instruction is precise.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "cpu/core.h"
#include "cpu/exec/fp_common.h"

namespace minifvp::cpu::exec::mve {

static_assert(std::endian::native == std::endian::little,
              "Q registers are kept as host words; lanes are addressed as little-endian bytes");

constexpr unsigned kVectorBytes = 16;

// The VPR fields (Armv8.1-M ARM, "VPR, Vector Predication Status and Control Register").
constexpr uint32_t kVprP0Mask = 0x0000ffff;
constexpr unsigned kVprMask01Shift = 16;
constexpr unsigned kVprMask23Shift = 20;
constexpr uint32_t kVprMask01 = 0xfu << kVprMask01Shift;
constexpr uint32_t kVprMask23 = 0xfu << kVprMask23Shift;

// FPSCR.LTPSIZE [18:16]: log2 of the element size in bytes of a tail-predicated loop; 4 means no
// tail predication.
constexpr unsigned kLtpsizeShift = 16;
constexpr uint32_t kLtpsizeMask = 7u << kLtpsizeShift;
constexpr uint32_t kNoTailPredication = 4;

inline uint32_t ltpsize(const CpuState& s) {
  return (s.fpscr & kLtpsizeMask) >> kLtpsizeShift;
}
inline void set_ltpsize(CpuState& s, uint32_t value) {
  s.fpscr = (s.fpscr & ~kLtpsizeMask) | ((value & 7) << kLtpsizeShift);
}

// EPSR.ECI (shares the EPSR.IT bits; valid when IT[3:0] is 0): which beats of the current
// instruction (A) and of the next one (B) have already executed.
enum class Eci : uint8_t {
  None = 0b0000,
  A0 = 0b0001,
  A0A1 = 0b0010,
  A0A1A2 = 0b0100,
  A0A1A2B0 = 0b0101,
};
inline uint8_t eci_bits(const CpuState& s) {
  return (s.it.bits & 0x0f) == 0 ? static_cast<uint8_t>(s.it.bits >> 4) : 0;
}
// The bytes of the current instruction's beats that EPSR.ECI does not mark as executed (bit i =
// byte i): the ECI part of element_mask(), for instructions that are not VPR-predicated.
uint16_t unexecuted_beats(const CpuState& s);
// Consumes ECI as finish_beatwise() does (A0A1A2B0 leaves A0 for the next instruction) without
// touching VPR: the end of the beat-wise instructions that are neither predicated nor advance a VPT
// block (VLD2/VLD4/VST2/VST4).
void advance_eci(CpuState& s);
// Whether `value` is one of the ECI encodings the architecture defines (others are reserved and
// an exception return with them is UNPREDICTABLE; we treat them as INVSTATE).
bool eci_valid(uint8_t value);

// A Q register's 16 bytes as a value. Lane i of a T-sized element is bytes [i*sizeof(T), ...).
struct Vector {
  std::array<uint8_t, kVectorBytes> bytes{};

  template <typename T>
  T lane(unsigned i) const {
    T value;
    std::memcpy(&value, bytes.data() + i * sizeof(T), sizeof(T));
    return value;
  }
  template <typename T>
  void set_lane(unsigned i, T value) {
    std::memcpy(bytes.data() + i * sizeof(T), &value, sizeof(T));
  }
  // Element i of `esize` bytes (1, 2, 4 or 8), zero-extended.
  uint64_t element(unsigned i, unsigned esize) const {
    switch (esize) {
      case 1:
        return lane<uint8_t>(i & 15);
      case 2:
        return lane<uint16_t>(i & 7);
      case 4:
        return lane<uint32_t>(i & 3);
      default:
        return lane<uint64_t>(i & 1);
    }
  }
  // Stores the low `esize` bytes of `raw` as element i (the index is masked to the lane range, so
  // the compiler can see every write stays inside the vector).
  void set_element(unsigned i, unsigned esize, uint64_t raw) {
    switch (esize) {
      case 1:
        set_lane<uint8_t>(i & 15, static_cast<uint8_t>(raw));
        break;
      case 2:
        set_lane<uint16_t>(i & 7, static_cast<uint16_t>(raw));
        break;
      case 4:
        set_lane<uint32_t>(i & 3, static_cast<uint32_t>(raw));
        break;
      default:
        set_lane<uint64_t>(i & 1, raw);
        break;
    }
  }
  bool operator==(const Vector&) const = default;
};

inline Vector read_q(const CpuState& s, unsigned q) {
  Vector v;
  std::memcpy(v.bytes.data(), &s.s[4 * q], kVectorBytes);
  return v;
}
// Writes the bytes of `value` whose bit in `byte_mask` is set (bit i = byte i); the others keep
// their old value, as a predicated-false lane does.
void write_q(CpuState& s, unsigned q, const Vector& value, uint16_t byte_mask);
inline void write_q(CpuState& s, unsigned q, const Vector& value) {
  std::memcpy(&s.s[4 * q], value.bytes.data(), kVectorBytes);
}

// Whether lane `i` of T-sized elements is active in `byte_mask` (the mask bit of its lowest byte,
// as the architecture predicates by element).
template <typename T>
constexpr bool lane_active(uint16_t byte_mask, unsigned i) {
  return (byte_mask >> (i * sizeof(T))) & 1;
}
// The byte mask with each element's bytes all set when the element is active: the form write_q
// wants when a predicate bit stands for a whole element.
uint16_t expand_element_mask(uint16_t byte_mask, unsigned esize);

// The lanes the current instruction updates (GetCurInstrBeat() for all four beats at once): VPR.P0
// where a VPT block is active (MASK01 for beats 0-1, MASK23 for beats 2-3), cut to the first LR
// elements in the last iteration of a tail-predicated loop (LTPSIZE < 4 and LR at most the
// elements per vector), without the beats that EPSR.ECI says already executed. Bit i = byte i.
uint16_t element_mask(const CpuState& s);

// ExecuteFPCheck() (NOCP when CPACR denies CP10, FPCA and FPDSCR on a new context), then
// element_mask(). The first call of every beat-wise execute function.
inline uint16_t begin_beatwise(Core& core) {
  execute_fp_check(core);
  return element_mask(core.state());
}

// The end of every beat-wise instruction: advances the VPT block (VPTAdvance() for each executed
// beat: the P0 half of a beat pair inverts when its mask says the next instruction is an "else",
// and the mask shifts) and consumes ECI (A0A1A2B0 leaves A0 for the next instruction).
void finish_beatwise(Core& core);

// Saturation helpers shared by the saturating instructions (they set FPSCR.QC on saturation).
constexpr uint32_t kFpscrQc = 1u << 27;
inline void set_qc(CpuState& s) {
  s.fpscr |= kFpscrQc;
}

}  // namespace minifvp::cpu::exec::mve
