// Firmware images: ELF files loaded as the FVP's `-a` option loads them, and raw binary blobs
// placed by `--data FILE@ADDRESS`.
//
// An ELF image is read and checked completely before anything is written to guest memory: only
// 32-bit little-endian Arm executables are accepted, every PT_LOAD segment must lie inside the file
// and inside RAM of the platform. Segments go to their physical (load) addresses, p_paddr, as the
// FVP does: a .data section linked to run from DTCM but stored in ITCM is placed in ITCM and the
// startup code copies it. The symbol table is kept for diagnostics (fault reports, traces).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/bus.h"

typedef struct Elf Elf;  // libelf's handle (libelf.h)

namespace minifvp {

// A bad firmware file or a file that does not fit the platform. what() is one line that names the
// file and the problem; the command line prints it and exits with status 2.
class LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ElfSegment {
  unsigned index = 0;  // program header index, as readelf -l numbers them
  uint32_t paddr = 0;  // where the bytes are placed
  uint32_t vaddr = 0;
  uint32_t file_offset = 0;
  uint32_t file_size = 0;  // bytes copied from the file
  uint32_t mem_size = 0;   // bytes occupied in memory; the part beyond file_size is zero-filled
  uint32_t flags = 0;      // PF_R, PF_W, PF_X
  std::string sections;    // the allocated sections it holds, "(.data .bss)", for messages
};

struct ElfSymbol {
  uint32_t addr = 0;  // for Thumb functions, the address of the first instruction (bit 0 clear)
  uint32_t size = 0;
  std::string name;
  bool function = false;  // STT_FUNC; otherwise STT_OBJECT
};

class ElfImage {
 public:
  // Reads and validates a file. Throws LoadError.
  static ElfImage from_file(const std::string& path);
  // Validates an image already in memory; `name` is used in messages. Throws LoadError.
  static ElfImage from_bytes(std::vector<uint8_t> bytes, std::string name);

  const std::string& name() const { return name_; }
  uint32_t entry() const { return entry_; }
  // PT_LOAD segments with a non-zero memory size, in program header order.
  const std::vector<ElfSegment>& segments() const { return segments_; }
  // Functions and data objects, sorted by address.
  const std::vector<ElfSymbol>& symbols() const { return symbols_; }

  // Copies every segment to its physical address and zero-fills its memory beyond the file size.
  // All segments are checked against the bus first: a segment that is not entirely in RAM throws
  // LoadError naming the segment, its address range and the part that is unmapped (or a device).
  void load(Bus& bus) const;

  // "main+0x1c" for an address inside a known function or object, "main" at its start, or an empty
  // string when no symbol covers the address.
  std::string symbolize(uint32_t addr) const;
  std::optional<uint32_t> symbol_address(std::string_view name) const;

 private:
  ElfImage() = default;
  void parse();
  void name_sections(Elf* elf);

  std::string name_;
  std::vector<uint8_t> bytes_;
  uint32_t entry_ = 0;
  std::vector<ElfSegment> segments_;
  std::vector<ElfSymbol> symbols_;
};

// Checks that [addr, addr + size) is RAM on `bus`. Throws LoadError starting with `what` and
// naming the first part that is not RAM.
void check_fits_in_ram(Bus& bus, uint32_t addr, uint64_t size, const std::string& what);

// `--data FILE@ADDRESS`: copies a whole host file to guest RAM. Throws LoadError.
void load_binary_file(Bus& bus, const std::string& path, uint32_t addr);

}  // namespace minifvp
