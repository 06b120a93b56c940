#include "core/dhis2_uid.hpp"

#include <cstdint>

namespace mandate::core {
namespace {

constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kAlphanumeric =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

// FNV-1a over the bytes, from a chosen offset basis.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// MurmurHash3's 64-bit finaliser: every input bit affects every output bit,
// which FNV-1a alone does not give for short inputs.
std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// Two independent 64-bit hashes of (kind, code): the kind and the code are
// separated by a byte that occurs in neither ('\0'), so ("ab", "c") and
// ("a", "bc") differ.
unsigned __int128 hash128(std::string_view kind, std::string_view code) {
  std::uint64_t a = fnv1a(kind, 0xcbf29ce484222325ULL);
  std::uint64_t b = fnv1a(kind, 0x84222325cbf29ce4ULL);
  a = fnv1a(std::string_view("\0", 1), a);
  b = fnv1a(std::string_view("\0", 1), b);
  a = mix(fnv1a(code, a));
  b = mix(fnv1a(code, b) ^ 0x9e3779b97f4a7c15ULL);
  return (static_cast<unsigned __int128>(a) << 64) | b;
}

}  // namespace

std::string dhis2_uid(std::string_view kind, std::string_view code) {
  // 52 * 62^10 ≈ 2^65.3 uids; 128 bits of hash cover them with room to spare.
  unsigned __int128 h = hash128(kind, code);
  std::string uid;
  uid.reserve(11);
  uid += kLetters[static_cast<size_t>(h % kLetters.size())];
  h /= kLetters.size();
  for (int i = 0; i < 10; ++i) {
    uid += kAlphanumeric[static_cast<size_t>(h % kAlphanumeric.size())];
    h /= kAlphanumeric.size();
  }
  return uid;
}

bool is_dhis2_uid(std::string_view text) {
  if (text.size() != 11 || kLetters.find(text[0]) == std::string_view::npos)
    return false;
  for (char c : text.substr(1))
    if (kAlphanumeric.find(c) == std::string_view::npos)
      return false;
  return true;
}

}  // namespace mandate::core
