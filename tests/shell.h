#pragma once
// Running a shell command from a test and keeping what it printed.

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace annals::test {

struct Run {
  int status = -1;  // the exit code, or -1 when killed by a signal
  std::string out;  // stdout (and whatever the command redirects into it)
};

// Runs `command` through /bin/sh and waits for it.
inline Run shell(const std::string& command) {
  Run r;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) r.out.append(buf.data(), n);
  const int raw = ::pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

}  // namespace annals::test
