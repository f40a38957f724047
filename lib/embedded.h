#pragma once
// Files compiled into the library: schema/*.sql, schema/**/*.tsv (by their path
// below schema/) and the iso-codes JSON (as "iso-codes/iso_3166-1.json").

#include <string_view>
#include <vector>

namespace annals {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

// All embedded files, sorted by name.
const std::vector<EmbeddedFile>& embedded_files();

// The content of the embedded file `name`; throws Error if there is none.
std::string_view embedded(std::string_view name);

}  // namespace annals
