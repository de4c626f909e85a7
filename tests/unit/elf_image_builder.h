// Builds small 32-bit Arm ELF executables in memory for loader and platform tests: program headers
// for the given segments, and a symbol table when symbols are given. Header fields can be
// overridden afterwards to make malformed images (wrong class, machine, byte order).
#pragma once

#include <elf.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace minifvp::test {

struct TestSegment {
  uint32_t paddr = 0;
  uint32_t vaddr = 0;
  std::vector<uint8_t> data;  // the file bytes
  uint32_t mem_size = 0;      // 0: same as data.size()
  uint32_t type = PT_LOAD;
};

// An allocated section header (for messages that list a segment's sections); no file bytes.
struct TestSection {
  std::string name;
  uint32_t addr = 0;
  uint32_t size = 0;
};

struct TestSymbol {
  std::string name;
  uint32_t value = 0;
  uint32_t size = 0;
  unsigned type = STT_FUNC;
};

class ElfImageBuilder {
 public:
  ElfImageBuilder& entry(uint32_t e) {
    entry_ = e;
    return *this;
  }
  ElfImageBuilder& segment(TestSegment s) {
    segments_.push_back(std::move(s));
    return *this;
  }
  ElfImageBuilder& symbol(TestSymbol s) {
    symbols_.push_back(std::move(s));
    return *this;
  }
  ElfImageBuilder& section(TestSection s) {
    sections_.push_back(std::move(s));
    return *this;
  }

  std::vector<uint8_t> build() const {
    std::vector<uint8_t> out(sizeof(Elf32_Ehdr) + segments_.size() * sizeof(Elf32_Phdr));
    std::vector<Elf32_Phdr> phdrs;
    for (const TestSegment& s : segments_) {
      Elf32_Phdr ph{};
      ph.p_type = s.type;
      ph.p_offset = static_cast<Elf32_Off>(out.size());
      ph.p_vaddr = s.vaddr != 0 ? s.vaddr : s.paddr;
      ph.p_paddr = s.paddr;
      ph.p_filesz = static_cast<Elf32_Word>(s.data.size());
      ph.p_memsz = s.mem_size != 0 ? s.mem_size : static_cast<Elf32_Word>(s.data.size());
      ph.p_flags = PF_R | PF_X;
      ph.p_align = 4;
      phdrs.push_back(ph);
      out.insert(out.end(), s.data.begin(), s.data.end());
      while (out.size() % 4) out.push_back(0);
    }

    Elf32_Ehdr eh{};
    std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS32;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = ET_EXEC;
    eh.e_machine = EM_ARM;
    eh.e_version = EV_CURRENT;
    eh.e_entry = entry_;
    eh.e_phoff = sizeof(Elf32_Ehdr);
    eh.e_flags = 0x05000200;  // EABI5, soft/hard float irrelevant here
    eh.e_ehsize = sizeof(Elf32_Ehdr);
    eh.e_phentsize = sizeof(Elf32_Phdr);
    eh.e_phnum = static_cast<Elf32_Half>(segments_.size());
    eh.e_shentsize = sizeof(Elf32_Shdr);

    if (!symbols_.empty() || !sections_.empty()) {
      // Sections: [0] null, [1] .symtab, [2] .strtab, [3] .shstrtab, [4...] the test sections.
      std::string strtab(1, '\0');
      std::vector<Elf32_Sym> syms(1);  // index 0 is the undefined symbol
      for (const TestSymbol& s : symbols_) {
        Elf32_Sym sym{};
        sym.st_name = static_cast<Elf32_Word>(strtab.size());
        strtab += s.name;
        strtab += '\0';
        sym.st_value = s.value;
        sym.st_size = s.size;
        sym.st_info = static_cast<unsigned char>(ELF32_ST_INFO(STB_GLOBAL, s.type));
        sym.st_shndx = 1;  // any defined section
        syms.push_back(sym);
      }
      std::string shstrtab(1, '\0');
      auto add_name = [&](const std::string& name) {
        const auto offset = static_cast<Elf32_Word>(shstrtab.size());
        shstrtab += name;
        shstrtab += '\0';
        return offset;
      };
      const auto symtab_off = static_cast<Elf32_Off>(out.size());
      append(out, syms.data(), syms.size() * sizeof(Elf32_Sym));
      const auto strtab_off = static_cast<Elf32_Off>(out.size());
      append(out, strtab.data(), strtab.size());

      std::vector<Elf32_Shdr> sh(4 + sections_.size());
      sh[1].sh_name = add_name(".symtab");
      sh[1].sh_type = SHT_SYMTAB;
      sh[1].sh_offset = symtab_off;
      sh[1].sh_size = static_cast<Elf32_Word>(syms.size() * sizeof(Elf32_Sym));
      sh[1].sh_link = 2;
      sh[1].sh_info = 1;
      sh[1].sh_entsize = sizeof(Elf32_Sym);
      sh[1].sh_addralign = 4;
      sh[2].sh_name = add_name(".strtab");
      sh[2].sh_type = SHT_STRTAB;
      sh[2].sh_offset = strtab_off;
      sh[2].sh_size = static_cast<Elf32_Word>(strtab.size());
      sh[2].sh_addralign = 1;
      sh[3].sh_name = add_name(".shstrtab");
      for (size_t i = 0; i < sections_.size(); ++i) {
        Elf32_Shdr& h = sh[4 + i];
        h.sh_name = add_name(sections_[i].name);
        h.sh_type = SHT_NOBITS;
        h.sh_flags = SHF_ALLOC | SHF_WRITE;
        h.sh_addr = sections_[i].addr;
        h.sh_offset = static_cast<Elf32_Off>(out.size());
        h.sh_size = sections_[i].size;
        h.sh_addralign = 4;
      }
      sh[3].sh_type = SHT_STRTAB;
      sh[3].sh_offset = static_cast<Elf32_Off>(out.size());
      sh[3].sh_size = static_cast<Elf32_Word>(shstrtab.size());
      sh[3].sh_addralign = 1;
      append(out, shstrtab.data(), shstrtab.size());
      while (out.size() % 4) out.push_back(0);
      eh.e_shoff = static_cast<Elf32_Off>(out.size());
      eh.e_shnum = static_cast<Elf32_Half>(sh.size());
      eh.e_shstrndx = 3;
      append(out, sh.data(), sh.size() * sizeof(Elf32_Shdr));
    }

    std::memcpy(out.data(), &eh, sizeof(eh));
    std::memcpy(out.data() + sizeof(eh), phdrs.data(), phdrs.size() * sizeof(Elf32_Phdr));
    return out;
  }

 private:
  static void append(std::vector<uint8_t>& out, const void* p, size_t n) {
    const auto* b = static_cast<const uint8_t*>(p);
    out.insert(out.end(), b, b + n);
  }

  uint32_t entry_ = 0;
  std::vector<TestSegment> segments_;
  std::vector<TestSymbol> symbols_;
  std::vector<TestSection> sections_;
};

// Offsets of header fields, for tests that damage an image.
inline constexpr size_t kElfMachineOffset = offsetof(Elf32_Ehdr, e_machine);

}  // namespace minifvp::test
