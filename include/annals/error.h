#pragma once
// The one error policy of annals: a request that cannot be honoured throws
// annals::Error; "the text does not say" is an empty optional or vector.

#include <stdexcept>
#include <string>

namespace annals {

// A failure naming what it concerns (a file, a database, an argument) and why.
// what() reads "<subject>: <reason>", or just the reason when there is no subject.
class Error : public std::runtime_error {
 public:
  Error(std::string subject, const std::string& reason)
      : std::runtime_error(subject.empty() ? reason : subject + ": " + reason),
        subject_(std::move(subject)),
        reason_(reason) {}
  explicit Error(const std::string& reason) : Error(std::string(), reason) {}

  const std::string& subject() const { return subject_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string subject_;
  std::string reason_;
};

}  // namespace annals
