#include "sim/trace_writer.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "cpu/decode/encoding.h"

namespace minifvp {
namespace {

constexpr size_t kFileBufferBytes = 1 << 20;

void diff_u32(std::string& out, const char* name, uint32_t before, uint32_t after) {
  if (before != after) out += fmt::format(" {}=0x{:08x}", name, after);
}

void diff_flag(std::string& out, const char* name, bool before, bool after) {
  if (before != after) out += fmt::format(" {}={}", name, after ? 1 : 0);
}

}  // namespace

TraceWriter::TraceWriter(const std::string& path) : file_(std::fopen(path.c_str(), "w")) {
  if (file_ == nullptr) {
    throw std::runtime_error(fmt::format("--trace {}: {}", path, std::strerror(errno)));
  }
  std::setvbuf(file_, nullptr, _IOFBF, kFileBufferBytes);
}

TraceWriter::~TraceWriter() {
  std::fclose(file_);
}

void TraceWriter::flush() {
  std::fflush(file_);
}

void TraceWriter::commit(const cpu::CommitRecord& record) {
  const std::string line = format(record);
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fputc('\n', file_);
}

std::string TraceWriter::format(const cpu::CommitRecord& record) {
  const cpu::DecodedInsn& insn = *record.insn;
  std::string out =
      fmt::format("{} 0x{:08x} 0x{:0{}x} {}", record.cycle, record.pc, insn.raw, insn.size * 2,
                  insn.encoding != nullptr ? insn.encoding->name : "UNDEFINED");
  if (!record.executed) out += " (condition failed)";

  const cpu::CpuState& a = *record.before;
  const cpu::CpuState& b = *record.after;
  static const char* const kRegNames[15] = {"r0", "r1", "r2",  "r3",  "r4",  "r5", "r6", "r7",
                                            "r8", "r9", "r10", "r11", "r12", "sp", "lr"};
  for (unsigned i = 0; i < 15; ++i) diff_u32(out, kRegNames[i], a.r[i], b.r[i]);
  diff_flag(out, "n", a.n, b.n);
  diff_flag(out, "z", a.z, b.z);
  diff_flag(out, "c", a.c, b.c);
  diff_flag(out, "v", a.v, b.v);
  diff_flag(out, "q", a.q, b.q);
  if (a.ge != b.ge) out += fmt::format(" ge=0x{:x}", b.ge);
  diff_flag(out, "t", a.thumb, b.thumb);
  if (a.it.bits != b.it.bits) out += fmt::format(" itstate=0x{:02x}", b.it.bits);
  diff_u32(out, "ipsr", a.ipsr, b.ipsr);
  diff_u32(out, "banked_sp", a.banked_sp, b.banked_sp);
  diff_u32(out, "msplim", a.msplim, b.msplim);
  diff_u32(out, "psplim", a.psplim, b.psplim);
  diff_u32(out, "control", a.control, b.control);
  diff_flag(out, "primask", a.primask, b.primask);
  diff_flag(out, "faultmask", a.faultmask, b.faultmask);
  if (a.basepri != b.basepri) out += fmt::format(" basepri=0x{:02x}", b.basepri);

  for (const cpu::MemoryAccess& m : record.accesses) {
    out += fmt::format(" {}{}[0x{:08x}]=0x{:0{}x}", m.write ? 'W' : 'R', m.size, m.addr, m.value,
                       m.size * 2);
  }
  return out;
}

}  // namespace minifvp
