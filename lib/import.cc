#include "annals/import.h"

#include "annals/error.h"
#include "pipeline/analyse.h"
#include "pipeline/article.h"
#include "pipeline/entities.h"
#include "pipeline/manifest.h"
#include "store/connection.h"
#include "store/writer.h"
#include "util/sha256.h"

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace annals {
namespace fs = std::filesystem;
namespace {

struct Input {
  fs::path path;
  std::string name;  // relative to the folder given, or the bare file name
  const ManifestEntry* manifest = nullptr;
};

bool article_file(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".txt" || ext == ".md";
}

// Manifests by folder, loaded once each; malformed ones throw (the whole request fails
// before anything is written).
class Manifests {
 public:
  const ManifestEntry* find(const fs::path& file) {
    const fs::path dir = file.parent_path();
    auto it = by_dir_.find(dir);
    if (it == by_dir_.end()) {
      std::vector<ManifestEntry> entries;
      std::error_code ec;
      const fs::path m = dir / "manifest.json";
      if (fs::is_regular_file(m, ec)) entries = read_manifest(m);
      it = by_dir_.emplace(dir, std::move(entries)).first;
    }
    for (const auto& e : it->second)
      if (e.file == file.filename().string() || dir / e.file == file) return &e;
    return nullptr;
  }

 private:
  std::map<fs::path, std::vector<ManifestEntry>> by_dir_;
};

// Files under a folder, sorted so imports are repeatable. Symbolic links to
// folders are not followed, so a link loop cannot trap the walk.
void collect_folder(const fs::path& root, std::vector<Input>& out, ImportReport& report) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) throw Error(root.string(), ec.message());
  std::vector<fs::path> found;
  for (; it != end; it.increment(ec)) {
    if (ec) {
      report.files.push_back({it->path().string(), it->path().string(), ImportOutcome::failed, ec.message()});
      ec.clear();
      continue;
    }
    std::error_code e2;
    if (it->is_regular_file(e2) && article_file(it->path())) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  for (const auto& p : found) out.push_back({p, fs::relative(p, root).generic_string()});
}

std::vector<Input> collect(const std::vector<fs::path>& paths, Manifests& manifests, ImportReport& report) {
  std::vector<Input> out;
  for (const auto& p : paths) {
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) throw Error(p.string(), "no such file or folder");
    if (fs::is_directory(status)) collect_folder(p, out, report);
    else out.push_back({p, p.filename().string()});
  }
  for (auto& in : out) in.manifest = manifests.find(in.path);
  return out;
}

ImportedFile import_one(Database& db, Writer& writer, const Input& in, const ImportOptions& options) {
  ImportedFile result{in.name, in.path.string(), ImportOutcome::failed, ""};
  try {
    std::string raw = read_text_file(in.path, ReadLimits{static_cast<std::size_t>(options.max_file_bytes)});
    const std::string sha = sha256_hex(raw);
    if (auto stored = writer.already_stored(in.name, sha)) {
      result.outcome = ImportOutcome::unchanged;
      result.message = "same bytes as " + *stored;
      return result;
    }
    Article article = clean_article(in.name, std::move(raw));
    if (in.manifest) apply_manifest(article, *in.manifest);
    const Doc doc = analyse(std::move(article), default_gazetteer());
    SQLite::Transaction tx(connection(db));
    const auto written = writer.write(doc, sha);
    tx.commit();  // no commit, no rows
    result.outcome = written.replaced ? ImportOutcome::replaced : ImportOutcome::imported;
    result.sentences = doc.sentences.size();
    result.events = doc.events.size();
    result.persons = doc.persons.size();
  } catch (const Error& e) {
    result.message = e.reason();
  } catch (const std::exception& e) {
    result.message = e.what();
  }
  return result;
}

}  // namespace

std::size_t ImportReport::count(ImportOutcome o) const {
  return std::count_if(files.begin(), files.end(), [o](const ImportedFile& f) { return f.outcome == o; });
}

ImportReport import_paths(Database& db, const std::vector<fs::path>& paths, const ImportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ImportReport report;
  Manifests manifests;
  const std::vector<Input> inputs = collect(paths, manifests, report);
  Writer writer(connection(db));
  ImportProgress progress;
  progress.files_total = inputs.size();
  for (const auto& in : inputs) {
    std::error_code ec;
    const auto size = fs::file_size(in.path, ec);
    report.files.push_back(import_one(db, writer, in, options));
    if (!ec) report.bytes += size;
    ++progress.files_done;
    progress.bytes_done = report.bytes;
    progress.errors = report.count(ImportOutcome::failed);
    progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (options.on_progress) options.on_progress(progress);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace annals
