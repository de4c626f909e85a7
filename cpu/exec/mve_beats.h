// Beat bookkeeping the MVE load/store and move execute functions need beyond mve_common.h: which
// beats EPSR.ECI leaves to execute (without VPR predication), and the ECI advance alone for the
// beat-wise instructions that are not predicated and do not advance a VPT block (VLD2/VLD4/
// VST2/VST4, as QEMU's do_vldst_il).
#pragma once

#include <cstdint>

#include "cpu/exec/mve_common.h"

namespace minifvp::cpu::exec::mve {

// The bytes of the beats of the current instruction that EPSR.ECI does not mark as executed
// (bit i = byte i), the ECI half of element_mask().
inline uint16_t unexecuted_beats(const CpuState& s) {
  switch (static_cast<Eci>(eci_bits(s))) {
    case Eci::None:
      return 0xffff;
    case Eci::A0:
      return 0xfff0;
    case Eci::A0A1:
      return 0xff00;
    case Eci::A0A1A2:
    case Eci::A0A1A2B0:
      return 0xf000;
  }
  return 0xffff;
}

// Consumes ECI as finish_beatwise() does (A0A1A2B0 leaves A0 for the next instruction), leaving
// VPR alone.
inline void advance_eci(CpuState& s) {
  const uint8_t eci = eci_bits(s);
  if (eci != 0) [[unlikely]] {
    s.it.bits = static_cast<Eci>(eci) == Eci::A0A1A2B0 ? uint8_t{uint8_t(Eci::A0) << 4} : 0;
  }
}

}  // namespace minifvp::cpu::exec::mve
