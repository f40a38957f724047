#include "annals/error.h"
#include "embedded.h"

#include <string>

namespace annals {

std::string_view embedded(std::string_view name) {
  for (const auto& f : embedded_files())
    if (f.name == name) return f.content;
  throw Error(std::string(name), "no such file is built into the library");
}

}  // namespace annals
