#include "cpu/decode/decoder.h"

#include <algorithm>
#include <bit>

namespace minifvp::cpu {

Decoder::Decoder() {
  for (const EncodingGroup& group : encoding_groups()) {
    for (const Encoding& e : group.t16) t16_.push_back(&e);
    for (const Encoding& e : group.t32) t32_.push_back(&e);
  }
  auto more_specific = [](const Encoding* a, const Encoding* b) {
    return std::popcount(a->pattern.mask) > std::popcount(b->pattern.mask);
  };
  std::stable_sort(t16_.begin(), t16_.end(), more_specific);
  std::stable_sort(t32_.begin(), t32_.end(), more_specific);
}

const Decoder& Decoder::instance() {
  static const Decoder decoder;
  return decoder;
}

const Encoding* Decoder::match(uint32_t raw, bool is32) const {
  for (const Encoding* e : rows(is32)) {
    if (e->pattern.matches(raw)) return e;
  }
  return nullptr;
}

DecodeStatus Decoder::decode(uint32_t raw, bool is32, DecodedInsn& out) const {
  out = DecodedInsn{};
  out.raw = raw;
  out.size = is32 ? 4 : 2;
  const Encoding* e = match(raw, is32);
  if (e == nullptr) return DecodeStatus::Undefined;
  out.encoding = e;
  out.exec = e->exec;
  const DecodeStatus status = e->decode(Fields(raw, e->pattern), out);
  if (status != DecodeStatus::Ok) out.exec = nullptr;
  return status;
}

}  // namespace minifvp::cpu
