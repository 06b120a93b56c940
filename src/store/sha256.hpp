#pragma once
// SHA-256 (libsodium) over a sequence of byte strings, each fed with its
// length first so that no two sequences hash alike by running together.
#include <sodium/crypto_hash_sha256.h>

#include <string>
#include <string_view>

namespace mandate::store {

class Sha256 {
 public:
  Sha256();
  void add(std::string_view bytes);  // length, then the bytes
  void add_present(bool present);    // one byte: whether an optional value follows
  std::string hex();                 // once, at the end

 private:
  crypto_hash_sha256_state state_;
};

}  // namespace mandate::store
