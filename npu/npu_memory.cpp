#include "npu/npu_memory.h"

namespace minifvp::npu {

bool NpuMemory::resolve(unsigned region, uint64_t offset, size_t len, uint32_t& address) const {
  const uint64_t start = uint64_t{basep_[region % kRegions]} + offset;
  if (start + len > (uint64_t{1} << 32)) return false;
  address = static_cast<uint32_t>(start);
  return true;
}

void NpuMemory::record_fault(NpuChannel channel, bool write, unsigned port, uint32_t address) {
  if (fault_.happened) return;
  fault_.happened = true;
  fault_.channel = channel;
  fault_.write = write;
  fault_.port = port;
  fault_.address = address;
}

bool NpuMemory::read(NpuChannel channel, unsigned region, uint64_t offset, void* dst, size_t len) {
  uint32_t address = 0;
  if (!resolve(region, offset, len, address)) {
    record_fault(channel, false, port_of_region(region),
                 static_cast<uint32_t>(basep_[region % kRegions] + offset));
    return false;
  }
  size_t done = 0;
  if (bus_.read_block(address, dst, len, &done) != BusStatus::Ok) {
    record_fault(channel, false, port_of_region(region), address + static_cast<uint32_t>(done));
    return false;
  }
  traffic_.read_bytes[port_of_region(region)] += len;
  traffic_.region_read_bytes[region % kRegions] += len;
  return true;
}

bool NpuMemory::write(NpuChannel channel, unsigned region, uint64_t offset, const void* src,
                      size_t len) {
  uint32_t address = 0;
  if (!resolve(region, offset, len, address)) {
    record_fault(channel, true, port_of_region(region),
                 static_cast<uint32_t>(basep_[region % kRegions] + offset));
    return false;
  }
  size_t done = 0;
  if (bus_.write_block(address, src, len, &done) != BusStatus::Ok) {
    record_fault(channel, true, port_of_region(region), address + static_cast<uint32_t>(done));
    return false;
  }
  traffic_.write_bytes[port_of_region(region)] += len;
  traffic_.region_write_bytes[region % kRegions] += len;
  return true;
}

bool NpuMemory::read_command(uint32_t address, void* dst, size_t len, size_t& fetched) {
  fetched = 0;
  if (uint64_t{address} + len > (uint64_t{1} << 32)) len = (uint64_t{1} << 32) - address;
  const BusStatus status = bus_.read_block(address, dst, len, &fetched);
  traffic_.read_bytes[(cmd_port_attr_ & 3) >> 1] += fetched;
  return status == BusStatus::Ok;
}

}  // namespace minifvp::npu
