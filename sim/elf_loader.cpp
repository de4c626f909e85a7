// ELF parsing uses elfutils' libelf through its class-independent gelf API rather than a parser of
// our own: libelf already validates header and table bounds, handles section-index and
// program-header-count escapes (PN_XNUM, SHN_XINDEX) and string-table lookups, and it is the same
// code binutils-compatible tools trust. We add the checks that are specific to loading firmware.
#include "sim/elf_loader.h"

#include <fmt/format.h>
#include <gelf.h>
#include <libelf.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>

namespace minifvp {
namespace {

struct ElfCloser {
  void operator()(Elf* elf) const { elf_end(elf); }
};
using ElfHandle = std::unique_ptr<Elf, ElfCloser>;

void init_libelf() {
  static const bool ok = elf_version(EV_CURRENT) != EV_NONE;
  if (!ok) throw LoadError("libelf is out of date (elf_version failed)");
}

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(fmt::format("{}: cannot open file", path));
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  if (in.bad()) throw LoadError(fmt::format("{}: read error", path));
  return bytes;
}

std::string format_size(uint64_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
    return fmt::format("{} MiB", bytes / (1024 * 1024));
  }
  if (bytes >= 1024 && bytes % 1024 == 0) return fmt::format("{} KiB", bytes / 1024);
  return fmt::format("{} bytes", bytes);
}

// The mapping kind of a RAM-less address, for messages.
std::string describe_non_ram(Bus& bus, uint32_t addr) {
  const std::string where = bus.describe(addr);
  if (where == "unmapped") return "unmapped";
  const auto plus = where.find('+');
  return fmt::format("the {} device window, not memory", where.substr(0, plus));
}

}  // namespace

void check_fits_in_ram(Bus& bus, uint32_t addr, uint64_t size, const std::string& what) {
  const uint64_t end = uint64_t{addr} + size;  // exclusive
  if (end > (uint64_t{1} << 32)) {
    throw LoadError(fmt::format("{} (0x{:08x}, {}) runs past the end of the 32-bit address space",
                                what, addr, format_size(size)));
  }
  // RAM mappings are page aligned, so checking one byte per page is exact.
  uint64_t a = addr;
  while (a < end) {
    const uint64_t page_end = std::min<uint64_t>(end, (a | (Bus::kPageSize - 1)) + 1);
    if (bus.ram_pointer(static_cast<uint32_t>(a)) == nullptr) {
      const std::string kind = describe_non_ram(bus, static_cast<uint32_t>(a));
      uint64_t bad_end = page_end;
      while (bad_end < end && bus.ram_pointer(static_cast<uint32_t>(bad_end)) == nullptr &&
             describe_non_ram(bus, static_cast<uint32_t>(bad_end)) == kind) {
        bad_end = std::min<uint64_t>(end, bad_end + Bus::kPageSize);
      }
      throw LoadError(fmt::format(
          "{} at 0x{:08x}-0x{:08x} ({}) is outside mapped memory: 0x{:08x}-0x{:08x} is {}", what,
          addr, end - 1, format_size(size), a, bad_end - 1, kind));
    }
    a = page_end;
  }
}

ElfImage ElfImage::from_file(const std::string& path) {
  return from_bytes(read_file(path), path);
}

ElfImage ElfImage::from_bytes(std::vector<uint8_t> bytes, std::string name) {
  ElfImage image;
  image.name_ = std::move(name);
  image.bytes_ = std::move(bytes);
  image.parse();
  return image;
}

void ElfImage::parse() {
  init_libelf();
  auto fail = [&](const std::string& problem) {
    return LoadError(fmt::format("{}: {}", name_, problem));
  };
  if (bytes_.size() < SELFMAG || std::memcmp(bytes_.data(), ELFMAG, SELFMAG) != 0) {
    throw fail("not an ELF file (no \\x7fELF magic)");
  }
  if (bytes_.size() < EI_NIDENT) throw fail("truncated file: incomplete ELF header");
  if (bytes_[EI_CLASS] == ELFCLASS64) {
    throw fail("64-bit ELF (ELFCLASS64); Cortex-M firmware must be a 32-bit Arm ELF");
  }
  if (bytes_[EI_CLASS] != ELFCLASS32) {
    throw fail(fmt::format("invalid ELF class {}", bytes_[EI_CLASS]));
  }
  if (bytes_[EI_DATA] == ELFDATA2MSB) {
    throw fail("big-endian ELF (ELFDATA2MSB); Cortex-M firmware here is little-endian");
  }
  if (bytes_[EI_DATA] != ELFDATA2LSB) {
    throw fail(fmt::format("invalid ELF data encoding {}", bytes_[EI_DATA]));
  }

  if (bytes_.size() < sizeof(Elf32_Ehdr)) {
    throw fail(fmt::format("truncated file: {} bytes, shorter than an ELF header", bytes_.size()));
  }

  ElfHandle elf(elf_memory(reinterpret_cast<char*>(bytes_.data()), bytes_.size()));
  if (!elf || elf_kind(elf.get()) != ELF_K_ELF) {
    throw fail(fmt::format("not an ELF file ({})", elf_errmsg(-1)));
  }
  GElf_Ehdr ehdr;
  if (gelf_getehdr(elf.get(), &ehdr) == nullptr) {
    throw fail(fmt::format("truncated or invalid ELF header ({})", elf_errmsg(-1)));
  }
  if (ehdr.e_machine != EM_ARM) {
    throw fail(fmt::format("ELF machine {} is not Arm (EM_ARM = {})", ehdr.e_machine, EM_ARM));
  }
  if (ehdr.e_type != ET_EXEC && ehdr.e_type != ET_DYN) {
    throw fail(fmt::format("ELF type {} is not an executable (ET_EXEC)", ehdr.e_type));
  }
  entry_ = static_cast<uint32_t>(ehdr.e_entry);

  // libelf quietly reports no program headers when their table lies beyond the end of the file;
  // check the table against the file size first (PN_XNUM: the count is in section 0).
  size_t phnum = ehdr.e_phnum;
  if (phnum == PN_XNUM && elf_getphdrnum(elf.get(), &phnum) != 0) {
    throw fail(fmt::format("cannot read the program header count ({})", elf_errmsg(-1)));
  }
  if (phnum == 0) throw fail("no program headers: not a loadable executable");
  const uint64_t ph_end = ehdr.e_phoff + uint64_t{phnum} * ehdr.e_phentsize;
  if (ehdr.e_phoff >= bytes_.size() || ph_end > bytes_.size()) {
    throw fail(fmt::format(
        "truncated file: the program header table (offset 0x{:x}, {} entries) ends beyond the end "
        "of the file (0x{:x} bytes)",
        ehdr.e_phoff, phnum, bytes_.size()));
  }
  for (size_t i = 0; i < phnum; ++i) {
    GElf_Phdr ph;
    if (gelf_getphdr(elf.get(), static_cast<int>(i), &ph) == nullptr) {
      throw fail(fmt::format("cannot read program header {} ({})", i, elf_errmsg(-1)));
    }
    if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
    if (ph.p_filesz > ph.p_memsz) {
      throw fail(fmt::format("segment {}: file size 0x{:x} is larger than its memory size 0x{:x}",
                             i, ph.p_filesz, ph.p_memsz));
    }
    if (ph.p_offset + ph.p_filesz > bytes_.size()) {
      throw fail(fmt::format(
          "truncated file: segment {} (file offset 0x{:x}, 0x{:x} bytes) ends beyond the end of "
          "the file (0x{:x} bytes)",
          i, ph.p_offset, ph.p_filesz, bytes_.size()));
    }
    segments_.push_back({static_cast<unsigned>(i), static_cast<uint32_t>(ph.p_paddr),
                         static_cast<uint32_t>(ph.p_vaddr), static_cast<uint32_t>(ph.p_offset),
                         static_cast<uint32_t>(ph.p_filesz), static_cast<uint32_t>(ph.p_memsz),
                         static_cast<uint32_t>(ph.p_flags), std::string()});
  }
  if (segments_.empty()) throw fail("no loadable (PT_LOAD) segment");

  name_sections(elf.get());

  // Symbols are for diagnostics only: a damaged symbol table is reported, not fatal.
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf.get(), scn)) != nullptr) {
    GElf_Shdr shdr;
    if (gelf_getshdr(scn, &shdr) == nullptr || shdr.sh_type != SHT_SYMTAB) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (data == nullptr || shdr.sh_entsize == 0) {
      spdlog::warn("{}: symbol table unreadable ({}); reports will show bare addresses", name_,
                   elf_errmsg(-1));
      continue;
    }
    const size_t count = shdr.sh_size / shdr.sh_entsize;
    for (size_t i = 1; i < count; ++i) {
      GElf_Sym sym;
      if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) break;
      const int type = GELF_ST_TYPE(sym.st_info);
      if ((type != STT_FUNC && type != STT_OBJECT) || sym.st_shndx == SHN_UNDEF) continue;
      const char* sym_name = elf_strptr(elf.get(), shdr.sh_link, sym.st_name);
      if (sym_name == nullptr || sym_name[0] == '\0' || sym_name[0] == '$') continue;
      uint32_t addr = static_cast<uint32_t>(sym.st_value);
      if (type == STT_FUNC) addr &= ~1u;  // the Thumb bit
      symbols_.push_back({addr, static_cast<uint32_t>(sym.st_size), sym_name, type == STT_FUNC});
    }
  }
  std::stable_sort(symbols_.begin(), symbols_.end(),
                   [](const ElfSymbol& a, const ElfSymbol& b) { return a.addr < b.addr; });
}

void ElfImage::name_sections(Elf* elf) {
  // Section names are for messages only; an image without section headers has none.
  size_t shstrndx = 0;
  if (elf_getshdrstrndx(elf, &shstrndx) != 0) return;
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr shdr;
    if (gelf_getshdr(scn, &shdr) == nullptr || (shdr.sh_flags & SHF_ALLOC) == 0 ||
        shdr.sh_size == 0) {
      continue;
    }
    const char* name = elf_strptr(elf, shstrndx, shdr.sh_name);
    if (name == nullptr || name[0] == '\0') continue;
    for (ElfSegment& seg : segments_) {
      if (shdr.sh_addr - seg.vaddr < seg.mem_size) {
        seg.sections += seg.sections.empty() ? std::string(name) : fmt::format(" {}", name);
        break;
      }
    }
  }
}

void ElfImage::load(Bus& bus) const {
  for (const ElfSegment& seg : segments_) {
    const std::string sections = seg.sections.empty() ? "" : fmt::format(" ({})", seg.sections);
    check_fits_in_ram(bus, seg.paddr, seg.mem_size,
                      fmt::format("{}: segment {}{}", name_, seg.index, sections));
  }
  for (const ElfSegment& seg : segments_) {
    bus.write_block(seg.paddr, bytes_.data() + seg.file_offset, seg.file_size);
    bus.zero_block(seg.paddr + seg.file_size, seg.mem_size - seg.file_size);
  }
}

std::string ElfImage::symbolize(uint32_t addr) const {
  auto it = std::upper_bound(symbols_.begin(), symbols_.end(), addr,
                             [](uint32_t a, const ElfSymbol& s) { return a < s.addr; });
  // Walk back over the symbols that start at or below addr; the nearest one that covers addr wins.
  // Symbols without a size cover only their own address.
  for (int steps = 0; it != symbols_.begin() && steps < 64; ++steps) {
    --it;
    const uint32_t offset = addr - it->addr;
    if (offset == 0) return it->name;
    if (offset < it->size) return fmt::format("{}+0x{:x}", it->name, offset);
  }
  return {};
}

std::optional<uint32_t> ElfImage::symbol_address(std::string_view name) const {
  for (const ElfSymbol& s : symbols_) {
    if (s.name == name) return s.addr;
  }
  return std::nullopt;
}

void load_binary_file(Bus& bus, const std::string& path, uint32_t addr) {
  const std::vector<uint8_t> bytes = read_file(path);
  check_fits_in_ram(bus, addr, bytes.size(), fmt::format("{}: data", path));
  bus.write_block(addr, bytes.data(), bytes.size());
}

}  // namespace minifvp
