#include "import_walk.h"

#include "annals/error.h"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <unordered_map>

namespace annals {
namespace fs = std::filesystem;
namespace {

bool article_file(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".txt" || ext == ".md";
}

// Compares two relative names the way fs::path's operator< compares the paths
// they end: element by element ("a/b" before "a-b/c", though '-' < '/'), a
// path before the longer paths it starts. The files of one folder share its
// path, so this orders them exactly as sorting their whole paths would.
// "c/" names the folder "c". Kept as "c/", its manifest would be filed under
// another key than the folder its files are in, and so never found for them.
fs::path without_trailing_separator(fs::path p) {
  while (!p.has_filename() && p.has_relative_path()) p = p.parent_path();
  return p;
}

bool path_less(std::string_view a, std::string_view b) {
  for (;;) {
    const auto i = a.find('/'), j = b.find('/');
    if (const int c = a.substr(0, i).compare(b.substr(0, j))) return c < 0;
    if (i == a.npos || j == b.npos) return i == a.npos && j != b.npos;
    a.remove_prefix(i + 1);
    b.remove_prefix(j + 1);
  }
}

}  // namespace

std::string_view ImportWalk::text(std::size_t i) const {
  const std::size_t end = i + 1 < offsets_.size() ? offsets_[i + 1] : text_.size();
  return std::string_view(text_).substr(offsets_[i], end - offsets_[i]);
}

void ImportWalk::add(std::string_view text) {
  offsets_.push_back(text_.size());
  text_.append(text);
}

void ImportWalk::sort_from(std::size_t first) {
  std::vector<std::size_t> order(size() - first);
  std::iota(order.begin(), order.end(), first);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return path_less(text(a), text(b)); });
  // Rewritten in order, so each text still ends where the next begins.
  std::string sorted;
  sorted.reserve(text_.size() - offsets_[first]);
  std::vector<std::uint64_t> starts;
  starts.reserve(order.size());
  for (const std::size_t i : order) {
    starts.push_back(offsets_[first] + sorted.size());
    sorted.append(text(i));
  }
  text_.replace(offsets_[first], std::string::npos, sorted);
  std::copy(starts.begin(), starts.end(), offsets_.begin() + static_cast<std::ptrdiff_t>(first));
}

ImportInput ImportWalk::input(std::size_t i) const {
  const auto source = std::prev(std::upper_bound(sources_.begin(), sources_.end(), i,
                                                 [](std::size_t n, const Source& s) { return n < s.first; }));
  ImportInput in;
  if (source->is_folder) {
    in.name = std::string(text(i));
    in.path = source->folder / in.name;
  } else {
    in.path = std::string(text(i));
    in.name = in.path.filename().string();
  }
  const auto entry = std::lower_bound(entries_.begin(), entries_.end(), i,
                                      [](const auto& e, std::size_t n) { return e.first < n; });
  if (entry != entries_.end() && entry->first == i) in.manifest = entry->second;
  return in;
}

// Fills an ImportWalk as the paths named are walked; the walk's only writer.
class ImportWalker {
 public:
  explicit ImportWalker(ImportWalk& out) : out_(out) {}

  void named(const fs::path& p) {
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) throw Error(p.string(), ec.message());
    if (!fs::exists(st)) {
      const bool link = fs::is_symlink(fs::symlink_status(p, ec));
      throw Error(p.string(), link ? "is a symbolic link that loops or leads nowhere" : "no such file or folder");
    }
    if (fs::is_directory(st)) return folder(without_trailing_separator(p));
    if (!fs::is_regular_file(st)) return fail(p, p.filename().string(), "is not a regular file");
    load_manifest(p.parent_path());
    if (out_.sources_.empty() || out_.sources_.back().is_folder) out_.sources_.push_back({out_.size(), {}, false});
    add(p, p.native());
  }

  // Gives back the room the walk's growing left unused.
  void finish() {
    out_.text_.shrink_to_fit();
    out_.offsets_.shrink_to_fit();
    out_.entries_.shrink_to_fit();
  }

 private:
  // An explicit stack rather than recursion: nesting depth is the user's, not ours.
  void folder(const fs::path& root) {
    const std::size_t first = out_.size();
    std::vector<fs::path> pending = {root};
    while (!pending.empty()) {
      const fs::path dir = std::move(pending.back());
      pending.pop_back();
      load_manifest(dir);
      std::error_code ec;
      fs::directory_iterator it(dir, ec);
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entry(*it, root, pending);
      if (ec) fail(dir, name_in(dir, root), "cannot be read: " + ec.message());
    }
    if (out_.size() == first) return;
    out_.sources_.push_back({first, root, true});
    out_.sort_from(first);
    // Manifests are matched once the whole folder is read, as one deeper down may list a file.
    if (!index_.empty())
      for (std::size_t i = first; i < out_.size(); ++i) note_manifest(i, root / fs::path(out_.text(i)));
  }

  void entry(const fs::directory_entry& e, const fs::path& root, std::vector<fs::path>& pending) {
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
    // Stored as the name; the path is rebuilt as root / name, which gives it back.
    out_.add(name_in(e.path(), root));
  }

  static std::string name_in(const fs::path& p, const fs::path& root) {
    const fs::path rel = p.lexically_relative(root);
    return rel.empty() ? p.generic_string() : rel.generic_string();
  }

  void add(const fs::path& p, std::string_view text) {
    out_.add(text);
    note_manifest(out_.size() - 1, p);
  }

  void fail(const fs::path& p, std::string name, std::string why) {
    out_.failures.push_back({std::move(name), p.string(), ImportOutcome::failed, std::move(why)});
  }

  void load_manifest(const fs::path& dir) {
    if (out_.manifests_.count(dir)) return;
    std::error_code ec;
    const fs::path m = (dir.empty() ? fs::path(".") : dir) / "manifest.json";
    std::vector<ManifestEntry> entries;
    if (fs::is_regular_file(m, ec)) {
      entries = read_manifest(m);
      for (const auto& missing : missing_files(m, entries))
        fail(dir / missing, missing, "is listed in " + m.string() + " but does not exist");
    }
    const auto& kept = out_.manifests_.emplace(dir, std::move(entries)).first->second;
    if (kept.empty()) return;
    // Normal paths are equal exactly when their strings are (one '/' between
    // elements, "/" for the root), so a string key finds what comparing paths
    // would; emplace keeps the first entry naming a file, as a scan in order would.
    auto& files = index_[dir];
    for (const auto& e : kept) files.emplace((dir / e.file).lexically_normal().native(), &e);
  }

  void note_manifest(std::size_t i, const fs::path& file) {
    if (const ManifestEntry* e = manifest_for(file)) out_.entries_.emplace_back(i, e);
  }

  // The entry naming `file` in the manifest of its folder or of a folder above it.
  const ManifestEntry* manifest_for(const fs::path& file) const {
    if (index_.empty()) return nullptr;
    const std::string want = file.lexically_normal().native();
    for (fs::path dir = file.parent_path();; dir = dir.parent_path()) {
      if (auto it = index_.find(dir); it != index_.end())
        if (auto e = it->second.find(want); e != it->second.end()) return e->second;
      if (dir.empty() || dir == dir.parent_path()) return nullptr;
    }
  }

  ImportWalk& out_;
  // The manifests with entries, by folder: each entry by its file's normal path.
  std::map<fs::path, std::unordered_map<std::string, const ManifestEntry*>> index_;
};

ImportWalk walk_paths(const std::vector<fs::path>& paths) {
  ImportWalk out;
  ImportWalker walker(out);
  for (const auto& p : paths) walker.named(p);
  walker.finish();
  return out;
}

}  // namespace annals
