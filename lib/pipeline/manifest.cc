#include "pipeline/manifest.h"

#include "annals/error.h"
#include "pipeline/article.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>

namespace annals {
namespace fs = std::filesystem;
namespace {

using Json = nlohmann::json;

// Reads one entry of "articles"; `where` ("articles[2]") prefixes every complaint.
class EntryReader {
 public:
  EntryReader(const fs::path& manifest, const Json& json, std::string where)
      : manifest_(manifest.string()), json_(json), where_(std::move(where)) {}

  ManifestEntry read() const {
    if (!json_.is_object()) fail("", "must be an object");
    for (const auto& [key, value] : json_.items())
      if (!kKeys.count(key)) fail(key, "is not a known key");
    ManifestEntry e;
    e.file = file();
    e.title = text("title");
    e.publisher = text("publisher");
    e.author = text("author");
    e.url = text("url");
    e.language = language();
    e.published = published();
    e.note = text("note").value_or("");
    return e;
  }

 private:
  [[noreturn]] void fail(const std::string& key, const std::string& why) const {
    throw Error(manifest_, fmt::format("{}{} {}", where_, key.empty() ? "" : "." + key, why));
  }

  // A string value; nullopt for a missing key, null or "".
  std::optional<std::string> text(const std::string& key) const {
    const auto it = json_.find(key);
    if (it == json_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) fail(key, "must be a string or null");
    std::string value = it->get<std::string>();
    if (value.empty()) return std::nullopt;
    return value;
  }

  std::string file() const {
    const auto value = text("file");
    if (!value) fail("file", "is required");
    const fs::path p(*value);
    if (p.is_absolute() || p.has_root_name()) fail("file", "must be relative to the manifest's folder");
    for (const auto& part : p)
      if (part == "..") fail("file", "must stay inside the manifest's folder");
    return p.lexically_normal().generic_string();
  }

  std::optional<FuzzyDate> published() const {
    const auto value = text("published");
    if (!value) return std::nullopt;
    auto d = parse_iso(*value);
    if (!d) fail("published", fmt::format("\"{}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", *value));
    return d;
  }

  std::optional<std::string> language() const {
    static const std::regex kCode("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    auto value = text("language");
    if (value && !std::regex_match(*value, kCode))
      fail("language", fmt::format("\"{}\" is not a language code like \"en\"", *value));
    return value;
  }

  static inline const std::set<std::string> kKeys = {
      "file", "title", "publisher", "author", "published", "url", "language", "note"};
  std::string manifest_;
  const Json& json_;
  std::string where_;
};

void set(std::optional<Stated>& field, const std::optional<std::string>& value) {
  if (value) field = Stated{*value, "manifest"};
}

}  // namespace

std::vector<ManifestEntry> read_manifest(const fs::path& path) {
  const std::string text = read_text_file(path);
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& e) {
    throw Error(path.string(), fmt::format("malformed JSON: {}", e.what()));
  }
  if (!json.is_object()) throw Error(path.string(), "must be a JSON object with an \"articles\" list");
  for (const auto& [key, value] : json.items())
    if (key != "articles") throw Error(path.string(), fmt::format("{} is not a known key", key));
  const auto articles = json.find("articles");
  if (articles == json.end() || !articles->is_array())
    throw Error(path.string(), "\"articles\" must be a list");
  std::vector<ManifestEntry> entries;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < articles->size(); ++i) {
    ManifestEntry e = EntryReader(path, (*articles)[i], fmt::format("articles[{}]", i)).read();
    if (!seen.insert(e.file).second)
      throw Error(path.string(), fmt::format("articles[{}].file \"{}\" is listed twice", i, e.file));
    entries.push_back(std::move(e));
  }
  return entries;
}

std::vector<std::string> missing_files(const fs::path& manifest,
                                       const std::vector<ManifestEntry>& entries) {
  std::vector<std::string> missing;
  const fs::path dir = manifest.parent_path();
  for (const auto& e : entries) {
    std::error_code ec;
    if (!fs::is_regular_file(dir / e.file, ec)) missing.push_back(e.file);
  }
  return missing;
}

void apply_manifest(Article& article, const ManifestEntry& entry) {
  set(article.title, entry.title);
  set(article.publisher, entry.publisher);
  set(article.author, entry.author);
  set(article.url, entry.url);
  set(article.language, entry.language);
  if (entry.published) {
    article.published = entry.published;
    article.published_from = "manifest";
  }
}

}  // namespace annals
