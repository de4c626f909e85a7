// The system bus: one interface through which every master (the core, the NPU, the ELF loader,
// semihosting, the debugger) reaches memory and devices.
//
// RAM is reached through a 4 KiB page table that maps a guest page straight to host memory, so the
// common case of a load or store is a table lookup and a memcpy. Pages are filled on first touch,
// and RAM storage is reserved with mmap and backed by the host only where the guest writes, so a
// 2 GiB DDR costs nothing until used. Devices sit behind the slow path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "devices/device.h"

namespace minifvp {

static_assert(std::endian::native == std::endian::little, "minifvp assumes a little-endian host");

enum class BusMaster : uint8_t { Cpu, Npu, Debug };

// Attributes of one access, for the MPU/security checks that sit in front of the bus.
struct AccessAttrs {
  BusMaster master = BusMaster::Cpu;
  bool privileged = true;
  bool secure = true;
};

enum class BusStatus : uint8_t {
  Ok,
  Unmapped,     // no region at that address
  DeviceError,  // the device answered with an error response
};

// A named block of host storage. Aliases (the Corstone secure/non-secure views) are several
// mappings of one RamStorage.
class RamStorage {
 public:
  RamStorage(std::string name, uint32_t size);
  ~RamStorage();
  RamStorage(const RamStorage&) = delete;
  RamStorage& operator=(const RamStorage&) = delete;

  const std::string& name() const { return name_; }
  uint32_t size() const { return size_; }
  uint8_t* data() { return data_; }
  // Bytes the host has actually backed (resident), for the RSS claim in tests and --stats.
  size_t resident_bytes() const;

 private:
  std::string name_;
  uint32_t size_;
  uint8_t* data_;
};

class Bus {
 public:
  static constexpr unsigned kPageBits = 12;
  static constexpr uint32_t kPageSize = 1u << kPageBits;

  Bus();
  ~Bus();
  Bus(const Bus&) = delete;
  Bus& operator=(const Bus&) = delete;

  // Creates storage and maps it at `base`. Returns the storage so that aliases can map it again.
  RamStorage& add_ram(const std::string& name, uint32_t base, uint32_t size);
  // Maps existing storage at another address (a secure or non-secure alias of the same memory).
  void add_alias(RamStorage& storage, uint32_t base);
  // Maps a device window of `size` bytes at `base`. The bus does not own the device.
  void add_device(Device& device, uint32_t base, uint32_t size);

  // Single accesses. size is 1, 2 or 4; the bus itself has no alignment rules (the core applies
  // the architecture's), but device accesses must not cross the device window.
  BusStatus read(uint32_t addr, unsigned size, uint32_t& value, AccessAttrs attrs = {});
  BusStatus write(uint32_t addr, unsigned size, uint32_t value, AccessAttrs attrs = {});

  // Block transfers for loaders, semihosting and DMA. They stop at the first failing byte and
  // return its status; `done` (if given) receives how many bytes were transferred.
  BusStatus read_block(uint32_t addr, void* dst, size_t len, size_t* done = nullptr);
  BusStatus write_block(uint32_t addr, const void* src, size_t len, size_t* done = nullptr);
  // Sets `len` bytes to zero like write_block, but hands whole host pages of RAM back to the host
  // instead of writing them, so zero-filling a large .bss costs no resident memory.
  BusStatus zero_block(uint32_t addr, size_t len, size_t* done = nullptr);

  // Fast path for the core: host pointer of a RAM byte, or nullptr for devices and holes.
  uint8_t* ram_pointer(uint32_t addr) {
    uint8_t* page = pages_[addr >> kPageBits];
    if (page == nullptr) page = fill_page(addr);
    return page == nullptr ? nullptr : page + (addr & (kPageSize - 1));
  }

  // Pages whose contents were decoded into the core's instruction cache. A write to a watched page
  // calls the handler once and clears the watch (self-modifying code, loaders, DMA).
  // Watching a page watches every alias of the same storage, since the guest may write code through
  // one alias (0x0000_0000) and run it through another (0x1000_0000).
  void watch_page(uint32_t page_index);
  void set_code_write_handler(std::function<void(uint32_t page_index)> handler) {
    on_code_write_ = std::move(handler);
  }
  void note_write(uint32_t addr, size_t len) {
    if (watched_[addr >> kPageBits] || watched_[(addr + len - 1) >> kPageBits]) {
      notify_code_write(addr, len);
    }
  }

  // Wait states: extra core cycles of every CPU data access to [base, base + size), for the timing
  // model (page granular; 0 everywhere by default, as the TCMs are).
  void set_wait_states(uint32_t base, uint32_t size, uint8_t cycles);
  uint8_t wait_states(uint32_t addr) const { return wait_states_[addr >> kPageBits]; }

  // The mapping at an address, for diagnostics ("unmapped", "SRAM", device name).
  std::string describe(uint32_t addr) const;
  bool is_mapped(uint32_t addr) const;

  const std::vector<std::unique_ptr<RamStorage>>& storages() const { return storages_; }

 private:
  struct DeviceMapping {
    uint32_t base;
    uint32_t size;
    Device* device;
  };
  struct RamMapping {
    uint32_t base;
    uint32_t size;
    RamStorage* storage;
  };

  uint8_t* fill_page(uint32_t addr);
  const DeviceMapping* find_device(uint32_t addr) const;
  const RamMapping* find_ram(uint32_t addr) const;
  void check_overlap(uint32_t base, uint32_t size, const std::string& name) const;
  void notify_code_write(uint32_t addr, size_t len);
  // Calls fn(page_index) for the page and each alias page of the same storage.
  template <typename Fn>
  void for_each_alias_page(uint32_t page_index, Fn fn) const;

  uint8_t** pages_;       // 2^20 entries, lazily filled (mmap'd, so untouched entries cost nothing)
  uint8_t* watched_;      // 2^20 flags
  uint8_t* wait_states_;  // 2^20 per-page wait states
  std::vector<std::unique_ptr<RamStorage>> storages_;
  std::vector<RamMapping> ram_;
  std::vector<DeviceMapping> devices_;
  std::function<void(uint32_t)> on_code_write_;
};

}  // namespace minifvp
