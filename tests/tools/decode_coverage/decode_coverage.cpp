// decode_coverage: tells which instruction encodings minifvp's decoder does not implement.
//
// Reads lines "<encoding> <text>" on stdin, where <encoding> is the hexadecimal halfword of a
// 16-bit instruction or hw1hw2 (8 digits, hw1 first) of a 32-bit one, and <text> is anything
// (scripts/decode_coverage.py passes objdump's disassembly). Prints one line per input:
//   ok <encoding> <row name> <text>          decoded to an implemented row
//   missing <encoding> <row name> <text>     UNDEFINED or UNPREDICTABLE to our decoder, or only
//                                            matched by a floating-point/MVE catch-all row
// Exit status: 0 when every encoding decodes, 1 otherwise, 2 on malformed input.
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>

#include "cpu/decode/decoder.h"
#include "cpu/exec/fp_common.h"

namespace {

bool parse_encoding(const std::string& hex, uint32_t& raw, bool& is32) {
  if (hex.size() != 4 && hex.size() != 8) return false;
  raw = 0;
  for (char c : hex) {
    uint32_t digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
    raw = raw << 4 | digit;
  }
  is32 = hex.size() == 8;
  return true;
}

}  // namespace

int main() {
  using minifvp::cpu::DecodedInsn;
  using minifvp::cpu::Decoder;
  using minifvp::cpu::DecodeStatus;
  const Decoder& decoder = Decoder::instance();
  int missing = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    const size_t space = line.find(' ');
    const std::string hex = line.substr(0, space);
    const std::string text = space == std::string::npos ? "" : line.substr(space + 1);
    uint32_t raw = 0;
    bool is32 = false;
    if (!parse_encoding(hex, raw, is32)) {
      std::cerr << "decode_coverage: malformed line: " << line << '\n';
      return 2;
    }
    DecodedInsn insn;
    const DecodeStatus status = decoder.decode(raw, is32, insn);
    const bool implemented =
        status == DecodeStatus::Ok && insn.exec != minifvp::cpu::exec::fp_undefined;
    const std::string_view row = insn.encoding == nullptr ? "<none>" : insn.encoding->name;
    std::cout << (implemented ? "ok " : "missing ") << hex << ' ' << row << ' ' << text << '\n';
    if (!implemented) ++missing;
  }
  return missing == 0 ? 0 : 1;
}
