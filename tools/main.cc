// annals: the command line over the annals library.

#include "annals/error.h"
#include "cli.h"

#include <fmt/format.h>

#include <sqlite3.h>

#include <cstdio>
#include <exception>
#include <string_view>

namespace annals::cli {

std::optional<std::string> Args::option(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Args parse(int argc, char** argv, int first, const std::set<std::string>& valued,
           const std::set<std::string>& known_flags) {
  Args a;
  for (int i = first; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) a.positional.emplace_back(argv[i]);
      break;
    }
    if (!arg.starts_with("--") || arg.size() == 2) {
      a.positional.emplace_back(arg);
      continue;
    }
    std::string name(arg.substr(2));
    std::optional<std::string> value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (valued.count(name)) {
      if (!value) {
        if (i + 1 >= argc) throw UsageError{fmt::format("--{} needs a value", name)};
        value = argv[++i];
      }
      a.options[name] = *value;
    } else if (known_flags.count(name) || name == "help") {
      if (value) throw UsageError{fmt::format("--{} takes no value", name)};
      a.flags.insert(name);
    } else {
      throw UsageError{fmt::format("unknown option --{}", name)};
    }
  }
  return a;
}

namespace {

void print_overview() {
  std::puts("usage: annals <command> [options]\n\ncommands:");
  for (const auto& c : commands()) std::printf("  %-10s %s\n", c.name, c.summary);
  std::puts("\n'annals <command> --help' shows a command's options and an example.");
}

}  // namespace
}  // namespace annals::cli

int main(int argc, char** argv) {
  // No memory statistics: with them every allocation of SQLite's takes a
  // global mutex (2.5% of an import's instructions). Nothing here reads them.
  // Must come before SQLite is first used.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  using namespace annals::cli;
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "help") {
    print_overview();
    return argc < 2 ? kFailure : kFound;
  }
  const std::string_view name = argv[1];
  for (const auto& c : commands()) {
    if (name != c.name) continue;
    try {
      const Args args = parse(argc, argv, 2, c.valued, c.flags);
      if (args.flag("help")) {
        std::fputs(c.help, stdout);
        return kFound;
      }
      return c.run(args);
    } catch (const UsageError& e) {
      fmt::print(stderr, "annals {}: {}\n(see 'annals {} --help')\n", c.name, e.message, c.name);
      return kFailure;
    } catch (const std::exception& e) {
      fmt::print(stderr, "annals {}: {}\n", c.name, e.what());
      return kFailure;
    }
  }
  fmt::print(stderr, "annals: unknown command '{}'\n", name);
  print_overview();
  return kFailure;
}
