// The fixture of the MVE shift and saturate tests (MveFixture with their helper names).
#pragma once

#include <initializer_list>

#include "cpu/exec/mve_common.h"
#include "mve_test_fixture.h"

namespace minifvp::test {

class MveShiftFixture : public MveFixture {
 protected:
  template <typename T>
  void set_q(unsigned q, std::initializer_list<T> lanes) {
    set_q_lanes<T>(q, lanes);
  }
  void run32(uint32_t raw) { exec32(raw); }
};

}  // namespace minifvp::test
