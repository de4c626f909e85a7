// ELF loading: accepted and rejected images, placement at physical addresses, zero-fill, aliases,
// symbols. Images are built in memory by ElfImageBuilder.
#include "sim/elf_loader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "devices/fpgaio.h"
#include "elf_image_builder.h"

namespace minifvp {
namespace {

using test::ElfImageBuilder;

std::vector<uint8_t> bytes_of(std::initializer_list<int> values) {
  std::vector<uint8_t> out;
  for (int v : values) out.push_back(static_cast<uint8_t>(v));
  return out;
}

// The loader's error message for an image, or "" when it loads.
std::string load_error(std::vector<uint8_t> image, Bus& bus) {
  try {
    ElfImage::from_bytes(std::move(image), "fw.elf").load(bus);
  } catch (const LoadError& e) {
    return e.what();
  }
  return {};
}

std::string parse_error(std::vector<uint8_t> image) {
  try {
    ElfImage::from_bytes(std::move(image), "fw.elf");
  } catch (const LoadError& e) {
    return e.what();
  }
  return {};
}

uint32_t read32(Bus& bus, uint32_t addr) {
  uint32_t v = 0;
  EXPECT_EQ(bus.read(addr, 4, v), BusStatus::Ok);
  return v;
}

class ElfLoaderTest : public ::testing::Test {
 protected:
  ElfLoaderTest() {
    RamStorage& itcm = bus_.add_ram("ITCM", 0x10000000, 0x10000);
    bus_.add_alias(itcm, 0x00000000);
    bus_.add_ram("DTCM", 0x20000000, 0x10000);
    bus_.add_device(window_, 0x40000000, 0x1000);
  }
  Bus bus_;
  ReadAsZeroDevice window_{"uart0"};
};

TEST_F(ElfLoaderTest, PlacesSegmentsAtPhysicalAddressesAndReportsEntry) {
  const auto image = ElfImageBuilder()
                         .entry(0x10000009)
                         .segment({.paddr = 0x10000000, .data = bytes_of({1, 2, 3, 4, 5, 6, 7, 8})})
                         // .data: linked to run at 0x20000000 (vaddr), stored at 0x10000100.
                         .segment({.paddr = 0x10000100,
                                   .vaddr = 0x20000000,
                                   .data = bytes_of({0x11, 0x22, 0x33, 0x44})})
                         .build();
  const ElfImage elf = ElfImage::from_bytes(image, "fw.elf");
  EXPECT_EQ(elf.entry(), 0x10000009u);
  ASSERT_EQ(elf.segments().size(), 2u);
  EXPECT_EQ(elf.segments()[1].vaddr, 0x20000000u);
  elf.load(bus_);
  EXPECT_EQ(read32(bus_, 0x10000000), 0x04030201u);
  EXPECT_EQ(read32(bus_, 0x10000004), 0x08070605u);
  EXPECT_EQ(read32(bus_, 0x10000100), 0x44332211u);
  EXPECT_EQ(read32(bus_, 0x20000000), 0u) << "the VMA must not be written";
}

TEST_F(ElfLoaderTest, ZeroFillsMemoryBeyondFileSize) {
  // Memory that held something before the load (a previous image) must read as zero in .bss.
  for (uint32_t a = 0x20000000; a < 0x20003000; a += 4) bus_.write(a, 4, 0xdeadbeef);
  const auto image =
      ElfImageBuilder()
          .segment({.paddr = 0x20000ffc, .data = bytes_of({9, 9, 9, 9}), .mem_size = 0x2000})
          .build();
  ElfImage::from_bytes(image, "fw.elf").load(bus_);
  EXPECT_EQ(read32(bus_, 0x20000ffc), 0x09090909u);
  for (uint32_t a = 0x20001000; a < 0x20000ffc + 0x2000; a += 4) {
    ASSERT_EQ(read32(bus_, a), 0u) << std::hex << a;
  }
  EXPECT_EQ(read32(bus_, 0x20000ffc + 0x2000), 0xdeadbeefu) << "beyond the segment is untouched";
  EXPECT_EQ(read32(bus_, 0x20000ff8), 0xdeadbeefu);
}

TEST_F(ElfLoaderTest, SecureAndNonSecureAliasesSeeTheSameBytes) {
  const auto image = ElfImageBuilder()
                         .segment({.paddr = 0x00000200, .data = bytes_of({0xaa, 0xbb, 0xcc, 0xdd})})
                         .build();
  ElfImage::from_bytes(image, "fw.elf").load(bus_);
  EXPECT_EQ(read32(bus_, 0x10000200), 0xddccbbaau);
}

TEST_F(ElfLoaderTest, KeepsFunctionAndObjectSymbolsForDiagnostics) {
  const auto image =
      ElfImageBuilder()
          .segment({.paddr = 0x10000000, .data = std::vector<uint8_t>(0x100)})
          .symbol({.name = "main", .value = 0x10000041, .size = 0x40})
          .symbol({.name = "Reset_Handler", .value = 0x10000001, .size = 0x20})
          .symbol({.name = "buffer", .value = 0x20000000, .size = 16, .type = STT_OBJECT})
          .symbol({.name = "$t", .value = 0x10000040, .type = STT_NOTYPE})
          .symbol({.name = "a_section", .value = 0x10000000, .type = STT_SECTION})
          .build();
  const ElfImage elf = ElfImage::from_bytes(image, "fw.elf");
  ASSERT_EQ(elf.symbols().size(), 3u);
  EXPECT_EQ(elf.symbols()[0].name, "Reset_Handler");
  EXPECT_EQ(elf.symbols()[0].addr, 0x10000000u) << "Thumb bit cleared";
  EXPECT_EQ(elf.symbolize(0x1000005c), "main+0x1c");
  EXPECT_EQ(elf.symbolize(0x10000040), "main");
  EXPECT_EQ(elf.symbolize(0x10000002), "Reset_Handler+0x2");
  EXPECT_EQ(elf.symbolize(0x20000004), "buffer+0x4");
  EXPECT_EQ(elf.symbolize(0x10000030), "") << "between functions";
  EXPECT_EQ(elf.symbolize(0x10000080), "") << "past the end of main";
  EXPECT_EQ(elf.symbol_address("buffer"), 0x20000000u);
  EXPECT_FALSE(elf.symbol_address("nothing").has_value());
}

TEST(ElfLoaderRejects, FilesThatAreNotElf) {
  EXPECT_NE(parse_error(bytes_of({'h', 'e', 'l', 'l', 'o', '\n'})).find("fw.elf: not an ELF file"),
            std::string::npos);
  EXPECT_NE(parse_error({}).find("not an ELF file"), std::string::npos);
}

TEST(ElfLoaderRejects, SixtyFourBitElf) {
  auto image = ElfImageBuilder().segment({.paddr = 0, .data = bytes_of({1})}).build();
  image[EI_CLASS] = ELFCLASS64;
  EXPECT_NE(parse_error(image).find("64-bit ELF (ELFCLASS64)"), std::string::npos);
}

TEST(ElfLoaderRejects, BigEndianElf) {
  auto image = ElfImageBuilder().segment({.paddr = 0, .data = bytes_of({1})}).build();
  image[EI_DATA] = ELFDATA2MSB;
  EXPECT_NE(parse_error(image).find("big-endian"), std::string::npos);
}

TEST(ElfLoaderRejects, OtherMachines) {
  auto image = ElfImageBuilder().segment({.paddr = 0, .data = bytes_of({1})}).build();
  image[test::kElfMachineOffset] = EM_RISCV;
  image[test::kElfMachineOffset + 1] = 0;
  EXPECT_NE(parse_error(image).find("ELF machine 243 is not Arm"), std::string::npos);
}

TEST(ElfLoaderRejects, SegmentBeyondTheEndOfTheFile) {
  auto image =
      ElfImageBuilder().segment({.paddr = 0, .data = std::vector<uint8_t>(64, 0x5a)}).build();
  image.resize(image.size() - 32);
  const std::string error = parse_error(image);
  EXPECT_NE(error.find("truncated file: segment 0"), std::string::npos) << error;
}

TEST(ElfLoaderRejects, ProgramHeaderTableBeyondTheEndOfTheFile) {
  auto image = ElfImageBuilder()
                   .segment({.paddr = 0, .data = {}, .mem_size = 4})
                   .segment({.paddr = 0x100, .data = {}, .mem_size = 4})
                   .build();
  image.resize(sizeof(Elf32_Ehdr) + sizeof(Elf32_Phdr) / 2);
  const std::string error = parse_error(image);
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
}

TEST(ElfLoaderRejects, TruncatedHeader) {
  auto image = ElfImageBuilder().segment({.paddr = 0, .data = bytes_of({1})}).build();
  image.resize(30);
  const std::string error = parse_error(image);
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
}

TEST(ElfLoaderRejects, ImagesWithoutLoadableSegments) {
  auto image =
      ElfImageBuilder().segment({.paddr = 0, .data = bytes_of({1}), .type = PT_NOTE}).build();
  EXPECT_NE(parse_error(image).find("no loadable (PT_LOAD) segment"), std::string::npos);
}

TEST_F(ElfLoaderTest, SegmentInAHoleNamesTheSegmentAndTheUnmappedPart) {
  const auto image =
      ElfImageBuilder()
          .segment({.paddr = 0x10000000, .data = bytes_of({1, 2})})
          .segment({.paddr = 0x30000000, .data = bytes_of({1, 2, 3, 4}), .mem_size = 0x100})
          .build();
  EXPECT_EQ(load_error(image, bus_),
            "fw.elf: segment 1 at 0x30000000-0x300000ff (256 bytes) is outside mapped memory: "
            "0x30000000-0x300000ff is unmapped");
  EXPECT_EQ(read32(bus_, 0x10000000), 0u) << "nothing is written when any segment is bad";
}

TEST_F(ElfLoaderTest, SegmentRunningPastTheEndOfRamNamesTheUnmappedTail) {
  const auto image =
      ElfImageBuilder().segment({.paddr = 0x2000f000, .data = {}, .mem_size = 0x3000}).build();
  EXPECT_EQ(load_error(image, bus_),
            "fw.elf: segment 0 at 0x2000f000-0x20011fff (12 KiB) is outside mapped memory: "
            "0x20010000-0x20011fff is unmapped");
}

TEST_F(ElfLoaderTest, SegmentOverADeviceIsRejected) {
  const auto image =
      ElfImageBuilder().segment({.paddr = 0x40000000, .data = bytes_of({1, 2, 3, 4})}).build();
  const std::string error = load_error(image, bus_);
  EXPECT_NE(error.find("0x40000000-0x40000003 is the uart0 device window, not memory"),
            std::string::npos)
      << error;
}

TEST_F(ElfLoaderTest, SegmentWrappingTheAddressSpaceIsRejected) {
  const auto image =
      ElfImageBuilder().segment({.paddr = 0xfffffff0, .data = {}, .mem_size = 0x20}).build();
  EXPECT_NE(load_error(image, bus_).find("runs past the end of the 32-bit address space"),
            std::string::npos);
}

TEST_F(ElfLoaderTest, ABadSegmentIsNamedWithItsSections) {
  const auto image = ElfImageBuilder()
                         .segment({.paddr = 0x10000000, .data = bytes_of({1, 2})})
                         .segment({.paddr = 0x30000000, .data = {}, .mem_size = 0x50})
                         .section({.name = ".text", .addr = 0x10000000, .size = 2})
                         .section({.name = ".data", .addr = 0x30000000, .size = 0x10})
                         .section({.name = ".bss", .addr = 0x30000010, .size = 0x40})
                         .build();
  const ElfImage elf = ElfImage::from_bytes(image, "fw.elf");
  EXPECT_EQ(elf.segments()[0].sections, ".text");
  EXPECT_EQ(elf.segments()[1].sections, ".data .bss");
  EXPECT_EQ(load_error(image, bus_),
            "fw.elf: segment 1 (.data .bss) at 0x30000000-0x3000004f (80 bytes) is outside mapped "
            "memory: 0x30000000-0x3000004f is unmapped");
}

TEST_F(ElfLoaderTest, FileErrorsNameTheFile) {
  try {
    ElfImage::from_file("/nonexistent/fw.elf");
    FAIL() << "expected LoadError";
  } catch (const LoadError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/fw.elf: cannot open file");
  }
}

TEST_F(ElfLoaderTest, DataBlobsAreCopiedAndChecked) {
  const std::string path = ::testing::TempDir() + "/minifvp_blob.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << "ABCDEFGH";
  }
  load_binary_file(bus_, path, 0x20000010);
  EXPECT_EQ(read32(bus_, 0x20000010), 0x44434241u);
  EXPECT_EQ(read32(bus_, 0x20000014), 0x48474645u);
  EXPECT_THROW(load_binary_file(bus_, path, 0x2000fffc), LoadError);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace minifvp
