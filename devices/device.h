// A memory-mapped device: the contract every peripheral (UART, SCC, NPU, PPB blocks) implements.
//
// The bus calls read()/write() with an offset relative to the device's base and an access size of
// 1, 2 or 4 bytes. Devices describe their registers once, in a RegisterTable, and report guest
// misuse (unknown offsets, bad sizes) through guest_error() instead of asserting: firmware bugs
// must never crash the host.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace minifvp {

// How a register behaves on access. Kept small on purpose: devices implement the behaviour in
// their read/write switch; the table is the single place that lists offsets, names and resets.
enum class RegAccess : uint8_t { ReadOnly, WriteOnly, ReadWrite, WriteOneToClear };

struct RegisterInfo {
  uint32_t offset;
  std::string_view name;
  RegAccess access;
  uint32_t reset_value;
};

// Looks up a register by offset; nullptr when the offset is not in the table.
const RegisterInfo* find_register(std::span<const RegisterInfo> table, uint32_t offset);

// The bytes a read of `size` bytes at `offset` sees of the 32-bit register containing it
// (sub-word reads of word registers: the lanes at offset & 3).
inline uint32_t register_lanes(uint32_t word, uint32_t offset, unsigned size) {
  word >>= (offset & 3u) * 8;
  return size >= 4 ? word : word & ((1u << (8 * size)) - 1);
}

// Result of a device access. A device answers Error for accesses the hardware would answer with
// a bus error (the bus turns that into a BusFault for the master).
enum class AccessStatus : uint8_t { Ok, Error };

// An interrupt output. The platform connects it to an NVIC input; a device only drives the level.
class IrqLine {
 public:
  IrqLine() = default;
  void connect(std::function<void(bool)> sink) { sink_ = std::move(sink); }
  void set(bool level) {
    if (level == level_) return;
    level_ = level;
    if (sink_) sink_(level);
  }
  bool level() const { return level_; }

 private:
  std::function<void(bool)> sink_;
  bool level_ = false;
};

class Device {
 public:
  explicit Device(std::string name) : name_(std::move(name)) {}
  virtual ~Device() = default;
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  const std::string& name() const { return name_; }

  // size is 1, 2 or 4; offset is relative to the mapping base. Reads fill `value`.
  virtual AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) = 0;
  virtual AccessStatus write(uint32_t offset, unsigned size, uint32_t value) = 0;
  virtual void reset() {}

 protected:
  // Logs a guest programming error (rate-limited per device) without stopping the simulation.
  void guest_error(std::string_view what, uint32_t offset) const;

 public:
  // How many guest errors this device has seen (all of them, including those not logged).
  uint64_t guest_error_count() const { return guest_errors_; }
  // Messages logged per device before the rest are only counted.
  static constexpr uint64_t kLoggedGuestErrors = 20;

 private:
  std::string name_;
  mutable uint64_t guest_errors_ = 0;
};

}  // namespace minifvp
