// --trace lines: cycle, pc, encoding, name, registers written, memory accesses.
#include "sim/trace_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cpu/decode/decoder.h"
#include "cpu_test_harness.h"

namespace minifvp {
namespace {

class RecordingSink : public cpu::TraceSink {
 public:
  void commit(const cpu::CommitRecord& record) override {
    lines.push_back(TraceWriter::format(record));
  }
  std::vector<std::string> lines;
};

TEST(TraceWriter, OneLinePerInstructionWithRegisterAndMemoryChanges) {
  test::CpuHarness h;
  RecordingSink sink;
  h.core().set_trace_sink(&sink);
  h.state().r[0] = test::CpuHarness::kDataBase;
  h.load({0x2107,    // MOVS r1, #7
          0x6001,    // STR r1, [r0]
          0x6842,    // LDR r2, [r0, #4]
          0x2900});  // CMP r1, #0
  h.bus().write(test::CpuHarness::kDataBase + 4, 4, 0x1234);
  h.run();
  ASSERT_EQ(sink.lines.size(), 4u);
  EXPECT_EQ(sink.lines[0], "1 0x00001000 0x2107 T16_MOV_imm_T1 r1=0x00000007");
  EXPECT_NE(sink.lines[1].find("0x00001002 0x6001 T16_STR_imm_T1 W4[0x00008000]=0x00000007"),
            std::string::npos)
      << sink.lines[1];
  EXPECT_NE(sink.lines[2].find("T16_LDR_imm_T1 r2=0x00001234 R4[0x00008004]=0x00001234"),
            std::string::npos)
      << sink.lines[2];
  EXPECT_NE(sink.lines[3].find("T16_CMP_imm_T1 c=1"), std::string::npos) << sink.lines[3];
}

TEST(TraceWriter, WritesTheFile) {
  const std::string path = ::testing::TempDir() + "/minifvp_trace.txt";
  {
    test::CpuHarness h;
    TraceWriter writer(path);
    h.core().set_trace_sink(&writer);
    h.load({0x2005});  // MOVS r0, #5
    h.run();
    h.core().set_trace_sink(nullptr);
  }
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), "1 0x00001000 0x2005 T16_MOV_imm_T1 r0=0x00000005\n");
  std::remove(path.c_str());
  EXPECT_THROW(TraceWriter("/nonexistent-dir/trace.txt"), std::runtime_error);
}

}  // namespace
}  // namespace minifvp
