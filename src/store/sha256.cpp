#include "store/sha256.hpp"

#include <sodium/core.h>

#include <cstdint>

#include "core/error.hpp"

namespace mandate::store {

Sha256::Sha256() {
  if (sodium_init() < 0)
    throw core::Error(core::ErrorCategory::internal, "store.failed", {"sodium_init"});
  crypto_hash_sha256_init(&state_);
}

void Sha256::add(std::string_view bytes) {
  const auto n = static_cast<std::uint64_t>(bytes.size());
  unsigned char length[8];
  for (int i = 0; i < 8; ++i)
    length[i] = static_cast<unsigned char>(n >> (8 * i));
  crypto_hash_sha256_update(&state_, length, sizeof length);
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()),
                            bytes.size());
}

void Sha256::add_present(bool present) {
  const unsigned char byte = present ? 1 : 0;
  crypto_hash_sha256_update(&state_, &byte, 1);
}

std::string Sha256::hex() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state_, digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char d : digest) {
    out += kHex[d >> 4];
    out += kHex[d & 15];
  }
  return out;
}

}  // namespace mandate::store
