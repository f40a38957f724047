// annals export: the knowledge base as JSON.

#include "annals/database.h"
#include "annals/export.h"
#include "cli.h"

#include <fmt/format.h>

namespace annals::cli {

int run_export(const Args& args) {
  const std::string format = args.option("format").value_or("json");
  if (format != "json") throw UsageError{"only --format json is supported"};
  auto db = Database::open(args.db(), OpenMode::read_only);
  fmt::print("{}\n", export_json(db));
  return kFound;
}

}  // namespace annals::cli
