// MRS and MSR for the M-profile special registers (Armv8-M ARM, "MRS", "MSR (register)").
//
// SYSm values (decode rejects the others as UNPREDICTABLE, and the _NS aliases 0x88-0x98 as
// UNDEFINED, since this core runs in Secure state with no TrustZone transitions modelled yet):
//   0 APSR, 1 IAPSR, 2 EAPSR, 3 XPSR, 5 IPSR, 6 EPSR, 7 IEPSR (bit 0: IPSR, bit 1: EPSR, bit 2
//   clear: APSR), 8 MSP, 9 PSP, 10 MSPLIM, 11 PSPLIM, 16 PRIMASK, 17 BASEPRI, 18 BASEPRI_MAX,
//   19 FAULTMASK, 20 CONTROL.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// MRS <Rd>, <spec_reg>. Operands: d, imm (SYSm).
void MRS(Core& core, const DecodedInsn& insn);
// MSR <spec_reg>, <Rn>. Operands: n, imm (SYSm), imm2 (mask: bit 1 nzcvq, bit 0 g).
void MSR(Core& core, const DecodedInsn& insn);

// The SYSm values MRS/MSR accept (without the _NS aliases).
bool is_special_register(uint32_t sysm);

}  // namespace minifvp::cpu::exec
