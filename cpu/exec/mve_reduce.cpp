#include "cpu/exec/mve_reduce.h"

#include "cpu/exec/mve_common.h"
#include "cpu/exec/mve_float_common.h"
#include "cpu/exec/mve_predicate.h"

namespace minifvp::cpu::exec {
namespace {

// Whether the A=0 form must start from the register value: ECI says beat 0 already executed.
bool accumulates(const CpuState& s, const DecodedInsn& insn) {
  return insn.imm != 0 || mve::eci_bits(s) != 0;
}

uint64_t read_pair(const Core& core, const DecodedInsn& insn) {
  return (uint64_t{core.reg(insn.t2)} << 32) | core.reg(insn.t);
}
void write_pair(Core& core, const DecodedInsn& insn, uint64_t value) {
  core.set_reg(insn.t, static_cast<uint32_t>(value));
  core.set_reg(insn.t2, static_cast<uint32_t>(value >> 32));
}

// Element e of `v` sign- or zero-extended to 64 bits.
int64_t element(const mve::Vector& v, unsigned e, unsigned esize, bool is_unsigned) {
  switch (esize) {
    case 1:
      return is_unsigned ? int64_t{v.lane<uint8_t>(e)} : int64_t{v.lane<int8_t>(e)};
    case 2:
      return is_unsigned ? int64_t{v.lane<uint16_t>(e)} : int64_t{v.lane<int16_t>(e)};
    default:
      return is_unsigned ? int64_t{v.lane<uint32_t>(e)} : int64_t{v.lane<int32_t>(e)};
  }
}

// An element-sized register value extended the same way.
int64_t register_as_element(uint32_t value, unsigned esize, bool is_unsigned) {
  const unsigned shift = 64 - 8 * esize;
  const uint64_t raw = uint64_t{value} << shift;
  return is_unsigned ? static_cast<int64_t>(raw >> shift) : static_cast<int64_t>(raw) >> shift;
}

// The product of lane e of the dual multiply-accumulates: Qn[e] (Qn[e^1] when exchanging) times
// Qm[e], negated for odd lanes of the subtracting forms. Exact in 64 bits for every element size
// (unsigned 32-bit products are taken modulo 2^64, which is all the 64-bit sums need).
int64_t dual_product(const mve::Vector& n, const mve::Vector& m, unsigned e,
                     const DecodedInsn& insn) {
  const unsigned ne = insn.imm2 != 0 ? (e ^ 1) : e;
  const uint64_t product = static_cast<uint64_t>(element(n, ne, insn.esize, insn.flag)) *
                           static_cast<uint64_t>(element(m, e, insn.esize, insn.flag));
  const bool negate = insn.a != 0 && (e & 1) != 0;
  return static_cast<int64_t>(negate ? 0 - product : product);
}

template <typename Combine>
void reduce_to_rda(Core& core, const DecodedInsn& insn, bool element_unsigned,
                   bool register_unsigned, Combine combine) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const mve::Vector m = mve::read_q(s, insn.m);
  int64_t acc = register_as_element(core.reg(insn.t), insn.esize, register_unsigned);
  for (unsigned e = 0; e < mve::kVectorBytes / insn.esize; ++e) {
    if (mve::lane_active<uint8_t>(lane_mask, e * insn.esize)) {
      acc = combine(acc, element(m, e, insn.esize, element_unsigned));
    }
  }
  core.set_reg(insn.t, static_cast<uint32_t>(acc));
  mve::finish_beatwise(core);
}

int64_t absolute(int64_t x) {
  return x < 0 ? -x : x;
}

}  // namespace

void MVE_VADDV(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const mve::Vector m = mve::read_q(s, insn.m);
  uint32_t acc = accumulates(s, insn) ? core.reg(insn.t) : 0;
  for (unsigned e = 0; e < mve::kVectorBytes / insn.esize; ++e) {
    if (mve::lane_active<uint8_t>(lane_mask, e * insn.esize)) {
      acc += static_cast<uint32_t>(element(m, e, insn.esize, insn.flag));
    }
  }
  core.set_reg(insn.t, acc);
  mve::finish_beatwise(core);
}

void MVE_VADDLV(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const mve::Vector m = mve::read_q(s, insn.m);
  uint64_t acc = accumulates(s, insn) ? read_pair(core, insn) : 0;
  for (unsigned e = 0; e < 4; ++e) {
    if (mve::lane_active<uint32_t>(lane_mask, e)) {
      acc += static_cast<uint64_t>(element(m, e, 4, insn.flag));
    }
  }
  write_pair(core, insn, acc);
  mve::finish_beatwise(core);
}

void MVE_VMLADAV(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const mve::Vector n = mve::read_q(s, insn.n);
  const mve::Vector m = mve::read_q(s, insn.m);
  uint32_t acc = accumulates(s, insn) ? core.reg(insn.t) : 0;
  for (unsigned e = 0; e < mve::kVectorBytes / insn.esize; ++e) {
    if (mve::lane_active<uint8_t>(lane_mask, e * insn.esize)) {
      acc += static_cast<uint32_t>(dual_product(n, m, e, insn));
    }
  }
  core.set_reg(insn.t, acc);
  mve::finish_beatwise(core);
}

void MVE_VMLALDAV(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const mve::Vector n = mve::read_q(s, insn.n);
  const mve::Vector m = mve::read_q(s, insn.m);
  uint64_t acc = accumulates(s, insn) ? read_pair(core, insn) : 0;
  for (unsigned e = 0; e < mve::kVectorBytes / insn.esize; ++e) {
    if (mve::lane_active<uint8_t>(lane_mask, e * insn.esize)) {
      acc += static_cast<uint64_t>(dual_product(n, m, e, insn));
    }
  }
  write_pair(core, insn, acc);
  mve::finish_beatwise(core);
}

void MVE_VRMLALDAVH(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const mve::Vector n = mve::read_q(s, insn.n);
  const mve::Vector m = mve::read_q(s, insn.m);
  uint64_t acc = accumulates(s, insn) ? read_pair(core, insn) : 0;
  for (unsigned e = 0; e < 4; ++e) {
    if (!mve::lane_active<uint32_t>(lane_mask, e)) continue;
    const int64_t product = dual_product(n, m, e, insn);
    // Round to bits [63:8]: arithmetic for signed products, logical for unsigned ones.
    uint64_t rounded;
    if (insn.flag) {
      const uint64_t p = static_cast<uint64_t>(product);
      rounded = (p >> 8) + ((p >> 7) & 1);
    } else {
      rounded = static_cast<uint64_t>((product >> 8) + ((product >> 7) & 1));
    }
    acc += rounded;
  }
  write_pair(core, insn, acc);
  mve::finish_beatwise(core);
}

void MVE_VMAXV(Core& core, const DecodedInsn& insn) {
  reduce_to_rda(core, insn, insn.flag, insn.flag,
                [](int64_t acc, int64_t x) { return x > acc ? x : acc; });
}
void MVE_VMINV(Core& core, const DecodedInsn& insn) {
  reduce_to_rda(core, insn, insn.flag, insn.flag,
                [](int64_t acc, int64_t x) { return x < acc ? x : acc; });
}
void MVE_VMAXAV(Core& core, const DecodedInsn& insn) {
  reduce_to_rda(core, insn, false, true, [](int64_t acc, int64_t x) {
    const int64_t magnitude = absolute(x);
    return magnitude > acc ? magnitude : acc;
  });
}
void MVE_VMINAV(Core& core, const DecodedInsn& insn) {
  reduce_to_rda(core, insn, false, true, [](int64_t acc, int64_t x) {
    const int64_t magnitude = absolute(x);
    return magnitude < acc ? magnitude : acc;
  });
}

void MVE_VABAV(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const mve::Vector n = mve::read_q(s, insn.n);
  const mve::Vector m = mve::read_q(s, insn.m);
  uint32_t acc = core.reg(insn.t);
  for (unsigned e = 0; e < mve::kVectorBytes / insn.esize; ++e) {
    if (mve::lane_active<uint8_t>(lane_mask, e * insn.esize)) {
      const int64_t x = element(n, e, insn.esize, insn.flag);
      const int64_t y = element(m, e, insn.esize, insn.flag);
      acc += static_cast<uint32_t>(x >= y ? x - y : y - x);
    }
  }
  core.set_reg(insn.t, acc);
  mve::finish_beatwise(core);
}

namespace {

enum class FpReduce : uint8_t { Max, Min, MaxMagnitude, MinMagnitude };

struct FpLayout {
  fp::Format format;
  unsigned exponent_shift;
  uint64_t exponent_mask;  // unshifted
  uint64_t fraction_mask;
  uint64_t sign_bit;
  uint64_t quiet_bit;
};

FpLayout layout_of(unsigned esize) {
  if (esize == 2) return {fp::Format::F16, 10, 0x1f, 0x3ff, 0x8000, 0x200};
  return {fp::Format::F32, 23, 0xff, 0x7fffff, 0x80000000u, 0x400000};
}

bool is_signalling_nan(const FpLayout& f, uint64_t x) {
  return ((x >> f.exponent_shift) & f.exponent_mask) == f.exponent_mask &&
         (x & f.fraction_mask) != 0 && (x & f.quiet_bit) == 0;
}

void fp_reduce(Core& core, const DecodedInsn& insn, FpReduce kind) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const FpLayout f = layout_of(insn.esize);
  const mve::Vector m = mve::read_q(s, insn.m);
  fp::FpEnv env = mve::standard_fp_env(s.fpscr);
  uint64_t acc = core.reg(insn.t) & (f.format == fp::Format::F16 ? 0xffffu : 0xffffffffu);
  for (unsigned e = 0; e < mve::kVectorBytes / insn.esize; ++e) {
    if (!mve::lane_active<uint8_t>(lane_mask, e * insn.esize)) continue;
    uint64_t x = insn.esize == 2 ? m.lane<uint16_t>(e) : m.lane<uint32_t>(e);
    if (is_signalling_nan(f, acc)) {
      acc |= f.quiet_bit;
      env.flags |= fp::fpscr::kIOC;
    }
    if (is_signalling_nan(f, x)) {
      x |= f.quiet_bit;
      env.flags |= fp::fpscr::kIOC;
    }
    switch (kind) {
      case FpReduce::Max:
        acc = fp::max_num(f.format, acc, x, env);
        break;
      case FpReduce::Min:
        acc = fp::min_num(f.format, acc, x, env);
        break;
      case FpReduce::MaxMagnitude:
        acc = fp::max_num(f.format, acc, x & ~f.sign_bit, env);
        break;
      case FpReduce::MinMagnitude:
        acc = fp::min_num(f.format, acc, x & ~f.sign_bit, env);
        break;
    }
  }
  s.fpscr |= env.flags;
  core.set_reg(insn.t, static_cast<uint32_t>(acc));
  mve::finish_beatwise(core);
}

}  // namespace

void MVE_VMAXNMV(Core& core, const DecodedInsn& insn) {
  fp_reduce(core, insn, FpReduce::Max);
}
void MVE_VMINNMV(Core& core, const DecodedInsn& insn) {
  fp_reduce(core, insn, FpReduce::Min);
}
void MVE_VMAXNMAV(Core& core, const DecodedInsn& insn) {
  fp_reduce(core, insn, FpReduce::MaxMagnitude);
}
void MVE_VMINNMAV(Core& core, const DecodedInsn& insn) {
  fp_reduce(core, insn, FpReduce::MinMagnitude);
}

}  // namespace minifvp::cpu::exec
