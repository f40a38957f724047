#pragma once

#include <string>
#include <string_view>

namespace annals {

// Lowercase hex SHA-256 of `bytes` (FIPS 180-4).
std::string sha256_hex(std::string_view bytes);

}  // namespace annals
