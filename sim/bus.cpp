#include "sim/bus.h"

#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace minifvp {
namespace {

constexpr size_t kPageCount = size_t{1} << (32 - Bus::kPageBits);

void* reserve_zeroed(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::runtime_error("cannot reserve host memory");
  return p;
}

}  // namespace

RamStorage::RamStorage(std::string name, uint32_t size)
    : name_(std::move(name)), size_(size), data_(static_cast<uint8_t*>(reserve_zeroed(size))) {}

RamStorage::~RamStorage() {
  munmap(data_, size_);
}

size_t RamStorage::resident_bytes() const {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  std::vector<unsigned char> vec((size_ + page - 1) / page);
  if (mincore(data_, size_, vec.data()) != 0) return 0;
  return page * static_cast<size_t>(
                    std::count_if(vec.begin(), vec.end(), [](unsigned char v) { return v & 1; }));
}

Bus::Bus()
    : pages_(static_cast<uint8_t**>(reserve_zeroed(kPageCount * sizeof(uint8_t*)))),
      watched_(static_cast<uint8_t*>(reserve_zeroed(kPageCount))),
      wait_states_(static_cast<uint8_t*>(reserve_zeroed(kPageCount))) {}

Bus::~Bus() {
  munmap(pages_, kPageCount * sizeof(uint8_t*));
  munmap(watched_, kPageCount);
  munmap(wait_states_, kPageCount);
}

void Bus::set_wait_states(uint32_t base, uint32_t size, uint8_t cycles) {
  if (size == 0) return;
  const uint32_t first = base >> kPageBits;
  const uint32_t last = static_cast<uint32_t>((uint64_t{base} + size - 1) >> kPageBits);
  for (uint64_t page = first; page <= last; ++page) wait_states_[page] = cycles;
}

void Bus::check_overlap(uint32_t base, uint32_t size, const std::string& name) const {
  const uint64_t end = uint64_t{base} + size;
  auto overlaps = [&](uint32_t b, uint32_t s) { return base < uint64_t{b} + s && b < end; };
  for (const RamMapping& m : ram_) {
    if (overlaps(m.base, m.size)) {
      throw std::logic_error(
          fmt::format("{} overlaps {} at 0x{:08x}", name, m.storage->name(), m.base));
    }
  }
  for (const DeviceMapping& m : devices_) {
    if (overlaps(m.base, m.size)) {
      throw std::logic_error(
          fmt::format("{} overlaps {} at 0x{:08x}", name, m.device->name(), m.base));
    }
  }
}

RamStorage& Bus::add_ram(const std::string& name, uint32_t base, uint32_t size) {
  storages_.push_back(std::make_unique<RamStorage>(name, size));
  add_alias(*storages_.back(), base);
  return *storages_.back();
}

void Bus::add_alias(RamStorage& storage, uint32_t base) {
  if (base % kPageSize != 0 || storage.size() % kPageSize != 0) {
    throw std::logic_error("RAM mappings must be page aligned: " + storage.name());
  }
  check_overlap(base, storage.size(), storage.name());
  ram_.push_back({base, storage.size(), &storage});
}

void Bus::add_device(Device& device, uint32_t base, uint32_t size) {
  check_overlap(base, size, device.name());
  devices_.push_back({base, size, &device});
  std::sort(devices_.begin(), devices_.end(),
            [](const DeviceMapping& a, const DeviceMapping& b) { return a.base < b.base; });
}

const Bus::RamMapping* Bus::find_ram(uint32_t addr) const {
  for (const RamMapping& m : ram_) {
    if (addr - m.base < m.size) return &m;
  }
  return nullptr;
}

const Bus::DeviceMapping* Bus::find_device(uint32_t addr) const {
  auto it = std::upper_bound(devices_.begin(), devices_.end(), addr,
                             [](uint32_t a, const DeviceMapping& m) { return a < m.base; });
  if (it == devices_.begin()) return nullptr;
  --it;
  return addr - it->base < it->size ? &*it : nullptr;
}

uint8_t* Bus::fill_page(uint32_t addr) {
  const RamMapping* m = find_ram(addr);
  if (m == nullptr) return nullptr;
  const uint32_t page_base = addr & ~(kPageSize - 1);
  uint8_t* host = m->storage->data() + (page_base - m->base);
  pages_[addr >> kPageBits] = host;
  return host;
}

bool Bus::is_mapped(uint32_t addr) const {
  return find_ram(addr) != nullptr || find_device(addr) != nullptr;
}

std::string Bus::describe(uint32_t addr) const {
  if (const RamMapping* m = find_ram(addr)) {
    return fmt::format("{}+0x{:x}", m->storage->name(), addr - m->base);
  }
  if (const DeviceMapping* d = find_device(addr)) {
    return fmt::format("{}+0x{:x}", d->device->name(), addr - d->base);
  }
  return "unmapped";
}

BusStatus Bus::read(uint32_t addr, unsigned size, uint32_t& value, AccessAttrs) {
  value = 0;
  // RAM, possibly spanning two pages for an unaligned access.
  if (uint8_t* p = ram_pointer(addr)) {
    if ((addr & (kPageSize - 1)) + size <= kPageSize) {
      std::memcpy(&value, p, size);
      return BusStatus::Ok;
    }
    for (unsigned i = 0; i < size; ++i) {
      uint8_t* b = ram_pointer(addr + i);
      if (b == nullptr) return BusStatus::Unmapped;
      value |= uint32_t{*b} << (8 * i);
    }
    return BusStatus::Ok;
  }
  const DeviceMapping* d = find_device(addr);
  if (d == nullptr) return BusStatus::Unmapped;
  if (addr - d->base + size > d->size) return BusStatus::DeviceError;
  return d->device->read(addr - d->base, size, value) == AccessStatus::Ok ? BusStatus::Ok
                                                                          : BusStatus::DeviceError;
}

BusStatus Bus::write(uint32_t addr, unsigned size, uint32_t value, AccessAttrs) {
  if (uint8_t* p = ram_pointer(addr)) {
    if ((addr & (kPageSize - 1)) + size <= kPageSize) {
      std::memcpy(p, &value, size);
    } else {
      for (unsigned i = 0; i < size; ++i) {
        if (ram_pointer(addr + i) == nullptr) return BusStatus::Unmapped;
      }
      for (unsigned i = 0; i < size; ++i) *ram_pointer(addr + i) = uint8_t(value >> (8 * i));
    }
    note_write(addr, size);
    return BusStatus::Ok;
  }
  const DeviceMapping* d = find_device(addr);
  if (d == nullptr) return BusStatus::Unmapped;
  if (addr - d->base + size > d->size) return BusStatus::DeviceError;
  return d->device->write(addr - d->base, size, value) == AccessStatus::Ok ? BusStatus::Ok
                                                                           : BusStatus::DeviceError;
}

BusStatus Bus::read_block(uint32_t addr, void* dst, size_t len, size_t* done) {
  auto* out = static_cast<uint8_t*>(dst);
  size_t i = 0;
  BusStatus status = BusStatus::Ok;
  while (i < len) {
    const uint32_t a = addr + static_cast<uint32_t>(i);
    if (uint8_t* p = ram_pointer(a)) {
      const size_t chunk = std::min<size_t>(len - i, kPageSize - (a & (kPageSize - 1)));
      std::memcpy(out + i, p, chunk);
      i += chunk;
      continue;
    }
    uint32_t v = 0;
    status = read(a, 1, v, {BusMaster::Debug});
    if (status != BusStatus::Ok) break;
    out[i++] = static_cast<uint8_t>(v);
  }
  if (done) *done = i;
  return status;
}

BusStatus Bus::write_block(uint32_t addr, const void* src, size_t len, size_t* done) {
  const auto* in = static_cast<const uint8_t*>(src);
  size_t i = 0;
  BusStatus status = BusStatus::Ok;
  while (i < len) {
    const uint32_t a = addr + static_cast<uint32_t>(i);
    if (uint8_t* p = ram_pointer(a)) {
      const size_t chunk = std::min<size_t>(len - i, kPageSize - (a & (kPageSize - 1)));
      std::memcpy(p, in + i, chunk);
      note_write(a, chunk);
      i += chunk;
      continue;
    }
    status = write(a, 1, in[i], {BusMaster::Debug});
    if (status != BusStatus::Ok) break;
    ++i;
  }
  if (done) *done = i;
  return status;
}

BusStatus Bus::zero_block(uint32_t addr, size_t len, size_t* done) {
  static const size_t host_page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  size_t i = 0;
  BusStatus status = BusStatus::Ok;
  while (i < len) {
    const uint32_t a = addr + static_cast<uint32_t>(i);
    if (uint8_t* p = ram_pointer(a)) {
      const size_t chunk = std::min<size_t>(len - i, kPageSize - (a & (kPageSize - 1)));
      // Whole host pages of a private anonymous mapping read as zero again after MADV_DONTNEED.
      const auto begin = reinterpret_cast<uintptr_t>(p);
      const uintptr_t aligned_begin = (begin + host_page - 1) & ~(host_page - 1);
      const uintptr_t aligned_end = (begin + chunk) & ~(host_page - 1);
      if (aligned_end > aligned_begin && madvise(reinterpret_cast<void*>(aligned_begin),
                                                 aligned_end - aligned_begin, MADV_DONTNEED) == 0) {
        std::memset(p, 0, aligned_begin - begin);
        std::memset(reinterpret_cast<uint8_t*>(aligned_end), 0, begin + chunk - aligned_end);
      } else {
        std::memset(p, 0, chunk);
      }
      note_write(a, chunk);
      i += chunk;
      continue;
    }
    status = write(a, 1, 0, {BusMaster::Debug});
    if (status != BusStatus::Ok) break;
    ++i;
  }
  if (done) *done = i;
  return status;
}

template <typename Fn>
void Bus::for_each_alias_page(uint32_t page_index, Fn fn) const {
  const uint32_t addr = page_index << kPageBits;
  const RamMapping* m = find_ram(addr);
  if (m == nullptr) {
    fn(page_index);
    return;
  }
  const uint32_t offset = addr - m->base;
  for (const RamMapping& other : ram_) {
    if (other.storage == m->storage) fn((other.base + offset) >> kPageBits);
  }
}

void Bus::watch_page(uint32_t page_index) {
  for_each_alias_page(page_index, [&](uint32_t p) { watched_[p] = 1; });
}

void Bus::notify_code_write(uint32_t addr, size_t len) {
  const uint32_t first = addr >> kPageBits;
  const uint32_t last = static_cast<uint32_t>((uint64_t{addr} + len - 1) >> kPageBits);
  for (uint32_t page = first; page <= last; ++page) {
    if (!watched_[page]) continue;
    for_each_alias_page(page, [&](uint32_t p) {
      watched_[p] = 0;
      if (on_code_write_) on_code_write_(p);
    });
  }
}

}  // namespace minifvp
