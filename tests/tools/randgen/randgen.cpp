// randgen: the host side of the random-instruction differential test (scripts/randdiff.py).
//
//   randgen generate --seed S --cases N [--max-insns K] [--it PERCENT] [--classes dp,mul,...]
//                    (classes: dp mul div load store ldm stm branch system fp mve; cp = fp)
//                    [--mve-unaligned PERCENT]  (MVE loads/stores with misaligned elements)
//                    [--exclude RE]
//                    [--rows RE]
//                    --asm cases.S --list cases.txt
//       draws N cases from minifvp's decode tables and writes the firmware's case file and a case
//       list for reports; a summary of the rows used goes to stderr.
//   randgen run cases.elf
//       runs every case of a built test ELF on minifvp's core in-process and prints exactly the
//       lines the firmware driver prints (tests/diff/randdiff/driver.S).
//   randgen rows
//       lists the decoder's rows with their class and whether the default filter takes them.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "case_files.h"
#include "cpu/decode/decoder.h"
#include "generator.h"
#include "test_case.h"

namespace minifvp::randdiff {
namespace {

int usage() {
  std::cerr
      << "usage: randgen generate --seed S --cases N [--max-insns K] [--it PERCENT]\n"
         "                        [--mve-unaligned PERCENT]\n"
         "                        [--classes LIST]  (dp,mul,div,load,store,ldm,stm,branch,\n"
         "                                           system,fp,mve; cp = fp)\n"
         "                        [--exclude REGEX] [--rows REGEX] --asm FILE.S --list FILE.txt\n"
         "       randgen run FILE.elf\n"
         "       randgen rows\n";
  return 2;
}

bool parse_number(const std::string& text, uint64_t& out) {
  char* end = nullptr;
  out = std::strtoull(text.c_str(), &end, 0);
  return !text.empty() && *end == '\0';
}

int generate(const std::vector<std::string>& args) {
  GeneratorOptions options;
  std::string asm_path, list_path;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (i + 1 >= args.size()) return usage();
    const std::string& value = args[++i];
    uint64_t number = 0;
    if (arg == "--seed" && parse_number(value, number)) {
      options.seed = number;
    } else if (arg == "--cases" && parse_number(value, number) && number <= RD_MAX_CASES) {
      options.cases = static_cast<unsigned>(number);
    } else if (arg == "--max-insns" && parse_number(value, number) && number >= 1 && number <= 3) {
      options.max_insns = static_cast<unsigned>(number);
    } else if (arg == "--it" && parse_number(value, number) && number <= 100) {
      options.it_percent = static_cast<unsigned>(number);
    } else if (arg == "--mve-unaligned" && parse_number(value, number) && number <= 100) {
      options.mve_unaligned_percent = static_cast<unsigned>(number);
    } else if (arg == "--classes") {
      options.filter.classes.clear();
      std::stringstream list(value);
      std::string name;
      while (std::getline(list, name, ',')) {
        TestClass klass;
        if (!parse_test_class(name, klass)) {
          std::cerr << "randgen: unknown class '" << name << "'\n";
          return 2;
        }
        options.filter.classes.push_back(klass);
      }
    } else if (arg == "--exclude") {
      options.filter.exclude = std::regex(value);
    } else if (arg == "--rows") {
      options.filter.include = std::regex(value);
    } else if (arg == "--asm") {
      asm_path = value;
    } else if (arg == "--list") {
      list_path = value;
    } else {
      return usage();
    }
  }
  if (asm_path.empty() || list_path.empty()) return usage();

  CaseGenerator generator(options);
  GeneratorReport report;
  const std::vector<GeneratedCase> cases = generator.generate(report);
  std::ofstream asm_file(asm_path), list_file(list_path);
  write_cases_assembly(asm_file, cases);
  write_case_list(list_file, cases);
  if (!asm_file || !list_file) {
    std::cerr << "randgen: cannot write " << asm_path << " or " << list_path << "\n";
    return 1;
  }
  std::cerr << "randgen: seed " << options.seed << ": " << cases.size() << " cases from "
            << report.used.size() << " of " << report.candidate_rows << " candidate rows\n";
  for (const cpu::Encoding* row : report.unusable) {
    std::cerr << "randgen: unusable row " << row->name
              << " (no random encoding decoded as Ok without writing SP or PC)\n";
  }
  for (const auto& [row, count] : report.outside_access) {
    std::cerr << "randgen: suspicious row " << row->name << ": " << count
              << " single-instruction case(s) dropped because minifvp accessed memory outside "
                 "the scratch\n";
  }
  return 0;
}

TestCase read_case(Bus& bus, uint32_t index) {
  TestCase tc;
  uint32_t words[RD_CASE_WORDS] = {};
  bus.read_block(RD_CASE_TABLE_BASE + index * RD_CASE_WORDS * 4, words, sizeof words);
  for (unsigned i = 0; i < 13; ++i) tc.r[i] = words[i];
  tc.lr = words[RD_CASE_LR];
  tc.apsr = words[RD_CASE_APSR];
  const uint32_t length = words[RD_CASE_LENGTH] & RD_CASE_LENGTH_MASK;
  tc.has_fp = (words[RD_CASE_LENGTH] & RD_CASE_FP_FLAG) != 0;
  if (tc.has_fp) {
    uint32_t fp_words[RD_FP_WORDS] = {};
    bus.read_block(RD_FP_TABLE_BASE + index * RD_FP_WORDS * 4, fp_words, sizeof fp_words);
    for (unsigned i = 0; i < 32; ++i) tc.s[i] = fp_words[i];
    tc.fpscr = fp_words[RD_FP_FPSCR];
    tc.vpr = fp_words[RD_FP_VPR];
  }
  uint32_t addr = stub_address(index);
  while (addr < stub_address(index) + length && length <= RD_STUB_MAX_BYTES) {
    uint32_t hw1 = 0, hw2 = 0;
    bus.read(addr, 2, hw1);
    TestInsn insn{hw1, cpu::is_32bit_thumb(static_cast<uint16_t>(hw1))};
    if (insn.is32) {
      bus.read(addr + 2, 2, hw2);
      insn.raw = hw1 << 16 | hw2;
    }
    tc.insns.push_back(insn);
    addr += insn.bytes();
  }
  return tc;
}

int run(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage();
  CaseMachine machine;
  const std::string error = load_elf(machine.bus(), args[0]);
  if (!error.empty()) {
    std::cerr << "randgen: " << error << "\n";
    return 1;
  }
  uint32_t count = 0;
  machine.bus().read(RD_CASE_COUNT_ADDR, 4, count);
  if (count > RD_MAX_CASES) {
    std::cerr << "randgen: " << args[0] << " has no valid case count\n";
    return 1;
  }
  std::string out = "RANDDIFF begin\n";
  for (uint32_t index = 0; index < count; ++index) {
    const TestCase tc = read_case(machine.bus(), index);
    out += machine.report_line(index, machine.run(index, tc));
    out += '\n';
  }
  out += "RANDDIFF end\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int rows() {
  const RowFilter filter = RowFilter::integer_default();
  for (bool is32 : {false, true}) {
    for (const cpu::Encoding* row : cpu::Decoder::instance().rows(is32)) {
      std::cout << row->name << " " << test_class_name(test_class_of(*row))
                << (filter.allows(*row) ? " used" : " excluded") << "\n";
    }
  }
  return 0;
}

}  // namespace
}  // namespace minifvp::randdiff

int main(int argc, char** argv) {
  using namespace minifvp::randdiff;
  if (argc < 2) return usage();
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (command == "generate") return generate(args);
    if (command == "run") return run(args);
    if (command == "rows") return rows();
  } catch (const std::exception& e) {
    std::cerr << "randgen: " << e.what() << "\n";
    return 1;
  }
  return usage();
}
