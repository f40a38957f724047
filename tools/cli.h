#pragma once
// Shared plumbing of the annals subcommands: argument parsing and exit codes.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace annals::cli {

// Exit codes of every subcommand.
constexpr int kFound = 0;      // success; something was found or done
constexpr int kNothing = 1;    // the query found nothing
constexpr int kFailure = 2;    // usage or data error

// A usage error: main prints it with the subcommand's help hint and exits 2.
struct UsageError {
  std::string message;
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // --name value
  std::set<std::string> flags;                 // --name

  bool flag(const std::string& name) const { return flags.count(name) != 0; }
  std::optional<std::string> option(const std::string& name) const;
  std::string db() const { return option("db").value_or("annals.db"); }
};

// Parses argv[first..]; `valued` names the options that take a value. Unknown
// options are usage errors.
Args parse(int argc, char** argv, int first, const std::set<std::string>& valued,
           const std::set<std::string>& known_flags);

struct Command {
  const char* name;
  const char* summary;
  const char* help;  // full usage text with an example
  int (*run)(const Args&);
  std::set<std::string> valued, flags;
};

const std::vector<Command>& commands();

int run_import(const Args&);
int run_export(const Args&);
int run_score(const Args&);
int run_stats(const Args&);
int run_sources(const Args&);

}  // namespace annals::cli
