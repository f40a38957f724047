#pragma once
// Finding the article files an import names: files, and folders read
// recursively, with the manifest.json files beside them.

#include "annals/import.h"
#include "pipeline/manifest.h"

#include <filesystem>
#include <map>
#include <string>
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
struct ImportWalk {
  std::vector<ImportInput> inputs;
  std::vector<ImportedFile> failures;
  std::map<std::filesystem::path, std::vector<ManifestEntry>> manifests;  // by folder
};

// Walks `paths`. A file named is taken whatever its extension; folders are read
// recursively for .txt and .md files, sorted by path. Symbolic links to files
// are followed, links to folders are not, so a link loop cannot trap the walk.
// Throws Error (before anything is imported) when a path named does not exist
// or a manifest.json met on the way is malformed.
ImportWalk walk_paths(const std::vector<std::filesystem::path>& paths);

}  // namespace annals
