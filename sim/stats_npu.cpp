// The NPU parts of --stats and --stats-json (schema in docs/stats-json.md, key "npu").
#include <fmt/format.h>

#include <array>
#include <numeric>

#include "sim/stats.h"

namespace minifvp {
namespace {

template <size_t N>
uint64_t sum(const std::array<uint64_t, N>& values) {
  return std::accumulate(values.begin(), values.end(), uint64_t{0});
}

double utilisation(const NpuRunStats& npu, uint64_t total_cycles) {
  return total_cycles == 0 ? 0.0 : static_cast<double>(npu.active_cycles) / total_cycles;
}

std::string shape_text(const npu::Shape& s) {
  return fmt::format("{}x{}x{}", s.height, s.width, s.depth);
}

// "r1 100, r2 40" for the non-zero entries, "-" when there are none.
template <size_t N>
std::string nonzero_text(const std::array<uint64_t, N>& values, const char* prefix) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    if (values[i] == 0) continue;
    out += fmt::format("{}{}{} {}", out.empty() ? "" : ", ", prefix, i, values[i]);
  }
  return out.empty() ? "-" : out;
}

template <size_t N>
std::string json_array(const std::array<uint64_t, N>& values) {
  std::string out = "[";
  for (size_t i = 0; i < N; ++i) out += fmt::format("{}{}", i ? ", " : "", values[i]);
  return out + "]";
}

std::string shape_json(const npu::Shape& s) {
  return fmt::format("[{}, {}, {}]", s.height, s.width, s.depth);
}

std::string operation_json(const npu::OperationRecord& op) {
  std::string out = fmt::format("{{\"index\": {}, \"type\": {}, \"start_cycle\": {}, ", op.index,
                                json_quote(op.type), op.start_cycle);
  if (op.has_feature_maps) {
    out += fmt::format("\"ifm\": {}, \"ifm2\": {}, \"ofm\": {}, ", shape_json(op.ifm),
                       op.has_ifm2 ? shape_json(op.ifm2) : "null", shape_json(op.ofm));
  } else {
    out += "\"ifm\": null, \"ifm2\": null, \"ofm\": null, ";
  }
  out += op.kernel_height > 0
             ? fmt::format("\"kernel\": [{}, {}], ", op.kernel_height, op.kernel_width)
             : std::string("\"kernel\": null, ");
  out += fmt::format(
      "\"macs\": {}, \"cycles\": {}, \"compute_cycles\": {}, \"memory_cycles\": {}, "
      "\"region_read_bytes\": {}, \"region_write_bytes\": {}, \"axi_read_bytes\": {}, "
      "\"axi_write_bytes\": {}}}",
      op.macs, op.cycles, op.compute_cycles, op.memory_cycles, json_array(op.region_read_bytes),
      json_array(op.region_write_bytes), json_array(op.axi_read_bytes),
      json_array(op.axi_write_bytes));
  return out;
}

}  // namespace

std::string format_npu_text(const NpuRunStats& npu, uint64_t total_cycles) {
  const npu::NpuStatistics& d = npu.detail;
  std::string out =
      fmt::format("  NPU                : {}, {} MACs/cycle\n", npu.name, npu.macs_per_cycle);
  out += fmt::format("  NPU operations     : {} ({} MACs, {} estimated cycles)\n", d.operations(),
                     d.macs(), d.estimated_cycles());
  out += fmt::format("  NPU active cycles  : {} (utilisation {:.2f} % of {} cycles)\n",
                     npu.active_cycles, 100.0 * utilisation(npu, total_cycles), total_cycles);
  out += fmt::format("  NPU bytes read     : {} ({}; AXI: {}; command stream {})\n",
                     sum(d.axi_read_bytes()), nonzero_text(d.region_read_bytes(), "region "),
                     nonzero_text(d.axi_read_bytes(), "AXI"), d.command_stream_bytes());
  out += fmt::format("  NPU bytes written  : {} ({}; AXI: {})\n", sum(d.axi_write_bytes()),
                     nonzero_text(d.region_write_bytes(), "region "),
                     nonzero_text(d.axi_write_bytes(), "AXI"));
  for (const auto& [type, t] : d.by_type()) {
    out += fmt::format(
        "    {:<20} {:>6} ops {:>12} MACs {:>10} cycles {:>10} B read {:>10} B written\n", type,
        t.operations, t.macs, t.cycles, t.read_bytes, t.write_bytes);
  }
  if (!d.detailed().empty()) {
    out += fmt::format("  NPU operations in detail (the first {} are kept):\n",
                       npu::NpuStatistics::kDetailedOperations);
  }
  for (const npu::OperationRecord& op : d.detailed()) {
    std::string shapes;
    if (op.has_feature_maps) {
      shapes = fmt::format(" ifm {}{} ofm {}", shape_text(op.ifm),
                           op.has_ifm2 ? " ifm2 " + shape_text(op.ifm2) : "", shape_text(op.ofm));
    }
    if (op.kernel_height > 0)
      shapes += fmt::format(" kernel {}x{}", op.kernel_height, op.kernel_width);
    out += fmt::format(
        "    #{:<4} {}{}: {} MACs, {} cycles (compute {}, memory {}) at cycle {}; read {}; "
        "written {}\n",
        op.index, op.type, shapes, op.macs, op.cycles, op.compute_cycles, op.memory_cycles,
        op.start_cycle, nonzero_text(op.region_read_bytes, "region "),
        nonzero_text(op.region_write_bytes, "region "));
  }
  return out;
}

std::string format_npu_json(const NpuRunStats& npu, uint64_t total_cycles) {
  const npu::NpuStatistics& d = npu.detail;
  std::string out = "{\n";
  out += fmt::format("    \"name\": {},\n", json_quote(npu.name));
  out += fmt::format("    \"macs_per_cycle\": {},\n", npu.macs_per_cycle);
  out += fmt::format("    \"operations\": {},\n", d.operations());
  out += fmt::format("    \"macs\": {},\n", d.macs());
  out += fmt::format("    \"estimated_cycles\": {},\n", d.estimated_cycles());
  out += fmt::format("    \"active_cycles\": {},\n", npu.active_cycles);
  out += fmt::format("    \"utilisation\": {},\n", json_number(utilisation(npu, total_cycles)));
  out += fmt::format("    \"command_stream_bytes\": {},\n", d.command_stream_bytes());
  out += fmt::format("    \"region_read_bytes\": {},\n", json_array(d.region_read_bytes()));
  out += fmt::format("    \"region_write_bytes\": {},\n", json_array(d.region_write_bytes()));
  out += fmt::format("    \"axi_read_bytes\": {},\n", json_array(d.axi_read_bytes()));
  out += fmt::format("    \"axi_write_bytes\": {},\n", json_array(d.axi_write_bytes()));
  out += "    \"by_type\": {";
  bool first = true;
  for (const auto& [type, t] : d.by_type()) {
    out += fmt::format(
        "{}\n      {}: {{\"operations\": {}, \"macs\": {}, \"cycles\": {}, \"read_bytes\": {}, "
        "\"write_bytes\": {}}}",
        first ? "" : ",", json_quote(type), t.operations, t.macs, t.cycles, t.read_bytes,
        t.write_bytes);
    first = false;
  }
  out += first ? "},\n" : "\n    },\n";
  out += fmt::format("    \"detailed_limit\": {},\n", npu::NpuStatistics::kDetailedOperations);
  out += "    \"detailed\": [";
  for (size_t i = 0; i < d.detailed().size(); ++i) {
    out += fmt::format("{}\n      {}", i ? "," : "", operation_json(d.detailed()[i]));
  }
  out += d.detailed().empty() ? "]\n" : "\n    ]\n";
  out += "  }";
  return out;
}

}  // namespace minifvp
