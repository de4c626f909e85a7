// Architectural state of an Armv8.1-M Mainline core: a plain, copyable struct with no pointers,
// so tests can snapshot it, compare two of them and print the difference.
//
// Conventions (they matter to every instruction handler):
//  - r[15] holds the address of the next instruction between instructions. While a handler runs,
//    the core has set r[15] to (address of the instruction + 4), which is what the Arm ARM's
//    "PC" reads as in Thumb state; handlers never write r[15] directly (see Core::branch_to).
//  - r[13] is the stack pointer currently selected (SP_main or SP_process); the other one is kept
//    in banked_sp. The exception model swaps them (Armv8-M ARM, LookUpSP()).
//  - The APSR flags are kept unpacked for speed; xpsr() packs them.
#pragma once

#include <array>
#include <cstdint>

namespace minifvp::cpu {

// ITSTATE as the Arm ARM defines it (EPSR.IT): bits [7:5] base condition, [4:0] mask.
struct ItState {
  uint8_t bits = 0;

  bool in_it_block() const { return (bits & 0x0f) != 0; }
  bool last_in_it_block() const { return (bits & 0x0f) == 0x08; }
  uint8_t condition() const { return bits >> 4; }
  // ITAdvance() from the Armv8-M ARM.
  void advance() {
    if ((bits & 0x07) == 0) {
      bits = 0;
    } else {
      bits = static_cast<uint8_t>((bits & 0xe0) | ((bits << 1) & 0x1f));
    }
  }

  bool operator==(const ItState&) const = default;
};

struct CpuState {
  std::array<uint32_t, 16> r{};

  // APSR
  bool n = false, z = false, c = false, v = false, q = false;
  uint8_t ge = 0;  // APSR.GE[3:0]

  ItState it;
  bool thumb = true;  // EPSR.T; clearing it makes the next instruction take INVSTATE
  uint32_t ipsr = 0;  // exception number, 0 in Thread mode

  uint32_t banked_sp = 0;  // the stack pointer not selected in r[13]
  uint32_t msplim = 0, psplim = 0;
  uint32_t control = 0;  // CONTROL: nPRIV [0], SPSEL [1], FPCA [2], SFPA [3]
  bool primask = false, faultmask = false;
  uint8_t basepri = 0;

  // Local exclusive monitor (Armv8-M ARM, "Exclusive access instructions").
  bool exclusive_open = false;
  uint32_t exclusive_addr = 0;

  // The event register that SEV sets and WFE consumes (Armv8-M ARM, "Wait For Event"). Exception
  // entry and return set it too, once the exception model exists.
  bool event_register = false;

  // Low-overhead-branch state (LO_BRANCH_INFO) is a cache the architecture allows to be absent;
  // we do not keep it, so LE is always executed as an instruction.

  uint32_t xpsr() const {
    uint32_t v_ = (uint32_t{n} << 31) | (uint32_t{z} << 30) | (uint32_t{c} << 29) |
                  (uint32_t{v} << 28) | (uint32_t{q} << 27) | (uint32_t{ge} << 16);
    v_ |= uint32_t{thumb} << 24;
    v_ |= uint32_t(it.bits & 0x03) << 25;  // IT[1:0]
    v_ |= uint32_t(it.bits >> 2) << 10;    // IT[7:2]
    v_ |= ipsr & 0x1ff;
    return v_;
  }
  void set_apsr_nzcvq(uint32_t value) {
    n = value >> 31 & 1;
    z = value >> 30 & 1;
    c = value >> 29 & 1;
    v = value >> 28 & 1;
    q = value >> 27 & 1;
  }

  bool operator==(const CpuState&) const = default;
};

}  // namespace minifvp::cpu
