#include "core/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

namespace mandate::core {
namespace {

// ICU collators are thread-safe for comparison once built; one per thread
// avoids any doubt and costs a few kilobytes.
const icu::Collator* collator() {
  thread_local std::unique_ptr<icu::Collator> c = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(icu::Collator::createInstance(icu::Locale("vi"), status));
    // "Khối 2" before "Khối 10": numbers in names compare by value.
    if (U_SUCCESS(status))
      made->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
    if (U_FAILURE(status))
      made.reset();
    return made;
  }();
  return c.get();
}

}  // namespace

bool vietnamese_less(std::string_view a, std::string_view b) {
  const icu::Collator* c = collator();
  if (!c)
    return a < b;
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult r =
      c->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                     icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status) || r == UCOL_EQUAL)
    return a < b;
  return r == UCOL_LESS;
}

}  // namespace mandate::core
