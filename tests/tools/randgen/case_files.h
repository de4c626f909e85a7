// The files of the random-instruction differential test: the assembly the firmware is built from,
// the case list the report script reads, and loading the built ELF for the in-process run.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "generator.h"
#include "sim/bus.h"

namespace minifvp::randdiff {

// cases.S: the case count, the case table and one stub per case (layout.h). Test instructions
// are written as .inst.n / .inst.w so the assembler takes them as they are.
void write_cases_assembly(std::ostream& out, const std::vector<GeneratedCase>& cases);

// cases.txt: one line per case, for reports:
//   <index> <encodings, ':'-joined, 4 or 8 hex digits> <row names, ':'-joined> <r0..r12 lr apsr>
//   [fp <s0..s31 fpscr vpr>]
void write_case_list(std::ostream& out, const std::vector<GeneratedCase>& cases);

// Copies the loadable segments of an ELF file into bus memory. Returns an error message, or an
// empty string on success.
std::string load_elf(Bus& bus, const std::string& path);

}  // namespace minifvp::randdiff
