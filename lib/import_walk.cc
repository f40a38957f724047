#include "import_walk.h"

#include "annals/error.h"

#include <algorithm>

namespace annals {
namespace fs = std::filesystem;
namespace {

bool article_file(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".txt" || ext == ".md";
}

class Walker {
 public:
  explicit Walker(ImportWalk& out) : out_(out) {}

  void named(const fs::path& p) {
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) throw Error(p.string(), ec.message());
    if (!fs::exists(st)) {
      const bool link = fs::is_symlink(fs::symlink_status(p, ec));
      throw Error(p.string(), link ? "is a symbolic link that loops or leads nowhere" : "no such file or folder");
    }
    if (fs::is_directory(st)) return folder(p);
    if (!fs::is_regular_file(st)) return fail(p, p.filename().string(), "is not a regular file");
    load_manifest(p.parent_path());
    out_.inputs.push_back({p, p.filename().string(), manifest_for(p)});
  }

 private:
  // An explicit stack rather than recursion: nesting depth is the user's, not ours.
  void folder(const fs::path& root) {
    std::vector<fs::path> pending = {root}, files;
    while (!pending.empty()) {
      const fs::path dir = std::move(pending.back());
      pending.pop_back();
      load_manifest(dir);
      std::error_code ec;
      fs::directory_iterator it(dir, ec);
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entry(*it, root, pending, files);
      if (ec) fail(dir, name_in(dir, root), "cannot be read: " + ec.message());
    }
    std::sort(files.begin(), files.end());
    for (const auto& p : files) out_.inputs.push_back({p, name_in(p, root), manifest_for(p)});
  }

  void entry(const fs::directory_entry& e, const fs::path& root, std::vector<fs::path>& pending,
             std::vector<fs::path>& files) {
    std::error_code ec;
    const auto link = e.symlink_status(ec);
    if (fs::is_directory(link)) return pending.push_back(e.path());
    if (!article_file(e.path())) return;
    auto target = link;
    if (fs::is_symlink(link)) {
      target = fs::status(e.path(), ec);
      if (ec || !fs::exists(target))
        return fail(e.path(), name_in(e.path(), root), "is a symbolic link that loops or leads nowhere");
      if (fs::is_directory(target)) return;  // links to folders are not followed
    }
    if (!fs::is_regular_file(target)) return fail(e.path(), name_in(e.path(), root), "is not a regular file");
    files.push_back(e.path());
  }

  static std::string name_in(const fs::path& p, const fs::path& root) {
    const fs::path rel = p.lexically_relative(root);
    return rel.empty() ? p.generic_string() : rel.generic_string();
  }

  void fail(const fs::path& p, std::string name, std::string why) {
    out_.failures.push_back({std::move(name), p.string(), ImportOutcome::failed, std::move(why)});
  }

  void load_manifest(const fs::path& dir) {
    if (out_.manifests.count(dir)) return;
    std::error_code ec;
    const fs::path m = (dir.empty() ? fs::path(".") : dir) / "manifest.json";
    std::vector<ManifestEntry> entries;
    if (fs::is_regular_file(m, ec)) {
      entries = read_manifest(m);
      for (const auto& missing : missing_files(m, entries))
        fail(dir / missing, missing, "is listed in " + m.string() + " but does not exist");
    }
    out_.manifests.emplace(dir, std::move(entries));
  }

  // The entry naming `file` in the manifest of its folder or of a folder above it.
  const ManifestEntry* manifest_for(const fs::path& file) const {
    const fs::path want = file.lexically_normal();
    for (fs::path dir = file.parent_path();; dir = dir.parent_path()) {
      if (auto it = out_.manifests.find(dir); it != out_.manifests.end())
        for (const auto& e : it->second)
          if ((dir / e.file).lexically_normal() == want) return &e;
      if (dir.empty() || dir == dir.parent_path()) return nullptr;
    }
  }

  ImportWalk& out_;
};

}  // namespace

ImportWalk walk_paths(const std::vector<fs::path>& paths) {
  ImportWalk out;
  Walker walker(out);
  for (const auto& p : paths) walker.named(p);
  return out;
}

}  // namespace annals
