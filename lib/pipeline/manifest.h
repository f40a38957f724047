#pragma once
// The metadata manifest: what is known about articles from outside their text.
//
// A folder of articles may hold a file named `manifest.json` beside them:
//
//   {"articles": [
//     {"file": "a.txt",                    required: the article, relative to this folder
//      "title": "...", "publisher": "...", "author": "...",
//      "published": "2024-05-29",          or "2024-05" or "2024" (the precision follows)
//      "url": "https://...",
//      "language": "en",                   ISO 639 code, optionally with a region ("pt-BR")
//      "note": "..."}                      free text for people; not stored on the Article
//   ]}
//
// Every key but `file` may be left out or be null; an empty string counts as
// null. Unknown keys are errors, so a misspelt "autor" does not pass silently.
// `file` must stay inside the folder (no absolute path, no ".."), and may be
// listed once. A manifest value overrides what the cleaning rules read from the
// text, and says so: Stated::from (or Article::published_from) is "manifest".
// Only state what is known; anything left out is still read from the text.

#include "annals/types.h"
#include "pipeline/doc.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace annals {

struct ManifestEntry {
  std::string file;
  std::optional<std::string> title, publisher, author, url, language;
  std::optional<FuzzyDate> published;
  std::string note;
};

// The entries of the manifest at `path`, in file order. Throws Error(path,
// reason) when it cannot be read, is not JSON, has the wrong shape or types
// (the reason names the entry and key), an unknown key, a date that is not
// YYYY, YYYY-MM or YYYY-MM-DD, a bad language code, or the same file twice.
// Entries whose file is absent are returned; see missing_files.
std::vector<ManifestEntry> read_manifest(const std::filesystem::path& path);

// The `file` of each entry that names no regular file beside `manifest`, in
// entry order; empty when all are present.
std::vector<std::string> missing_files(const std::filesystem::path& manifest,
                                       const std::vector<ManifestEntry>& entries);

// Sets every field `entry` states on `article`, replacing what the text gave,
// with from = "manifest". Fields the entry leaves out are untouched.
void apply_manifest(Article& article, const ManifestEntry& entry);

}  // namespace annals
