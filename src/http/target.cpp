#include "http/target.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/pct_string_view.hpp>

namespace mandate::http {

std::optional<Target> parse_target(std::string_view target) {
  if (target.empty() || target.front() != '/')
    return std::nullopt;
  auto url = boost::urls::parse_origin_form(target);
  if (!url)
    return std::nullopt;
  Target out;
  // Split the encoded path ourselves: Boost.URL's segments() hides a leading
  // "/." (its way to write a path starting with "//"), and that must be refused.
  std::string_view rest = url->encoded_path();
  rest.remove_prefix(1);
  if (!rest.empty() || url->encoded_path().size() > 1) {
    for (;;) {
      const size_t slash = rest.find('/');
      auto encoded = boost::urls::make_pct_string_view(rest.substr(0, slash));
      if (!encoded)
        return std::nullopt;
      std::string segment = encoded->decode();
      if (segment == "." || segment == ".." || segment.find('\0') != std::string::npos)
        return std::nullopt;
      out.segments.push_back(std::move(segment));
      if (slash == std::string_view::npos)
        break;
      rest.remove_prefix(slash + 1);
    }
  }
  out.path.push_back('/');
  for (size_t i = 0; i < out.segments.size(); ++i) {
    if (i > 0)
      out.path.push_back('/');
    out.path.append(out.segments[i]);
  }
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  for (auto param : url->params(opts))
    out.query.emplace(param.key, param.has_value ? param.value : std::string());
  return out;
}

}  // namespace mandate::http
