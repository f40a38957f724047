#pragma once
// Finding the article files an import names: files, and folders read
// recursively, with the manifest.json files beside them.

#include "annals/import.h"
#include "pipeline/manifest.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annals {

// One article file to import.
struct ImportInput {
  std::filesystem::path path;
  std::string name;  // the source's name: relative to the folder named, or the bare file name
  const ManifestEntry* manifest = nullptr;  // owned by the ImportWalk; null when none
};

// What a walk found: the files in a repeatable order, and the problems met on
// the way (unreadable folders, links that loop or lead nowhere, things that are
// not regular files, files a manifest lists that do not exist), as failed files.
// A file costs about the bytes of its name plus 8: an ImportInput is built only
// when asked for.
class ImportWalk {
 public:
  ImportWalk() = default;
  ImportWalk(ImportWalk&&) = default;
  ImportWalk& operator=(ImportWalk&&) = default;
  // Not copied: a copy's inputs would point at the original's manifests.
  ImportWalk(const ImportWalk&) = delete;
  ImportWalk& operator=(const ImportWalk&) = delete;

  // How many files were found.
  std::size_t size() const { return offsets_.size(); }
  // The file at `i` (< size()), in walk order. Builds a new ImportInput each
  // call; safe to call from several threads at once, as the walk is not changed.
  ImportInput input(std::size_t i) const;

  std::vector<ImportedFile> failures;

 private:
  friend class ImportWalker;

  // Files [first, next source's first) came from one path named: a folder, whose
  // files' texts are names relative to it, or a run of files named one by one,
  // whose texts are the whole paths as named.
  struct Source {
    std::size_t first = 0;
    std::filesystem::path folder;
    bool is_folder = false;
  };

  // File i's text: text_[offsets_[i], offsets_[i + 1]), the last one to the end.
  std::string_view text(std::size_t i) const;
  void add(std::string_view text);
  // Puts files [first, size()) of a folder in the order of their paths.
  void sort_from(std::size_t first);

  std::string text_;
  std::vector<std::uint64_t> offsets_;
  std::vector<Source> sources_;  // by first
  std::vector<std::pair<std::size_t, const ManifestEntry*>> entries_;  // by file; only files a manifest lists
  std::map<std::filesystem::path, std::vector<ManifestEntry>> manifests_;  // by folder
};

// Walks `paths`. A file named is taken whatever its extension; folders are read
// recursively for .txt and .md files, sorted by path. Symbolic links to files
// are followed, links to folders are not, so a link loop cannot trap the walk.
// Throws Error (before anything is imported) when a path named does not exist
// or a manifest.json met on the way is malformed.
ImportWalk walk_paths(const std::vector<std::filesystem::path>& paths);

}  // namespace annals
