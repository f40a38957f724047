#include "import_walk.h"

#include "annals/error.h"
#include "temp_dir.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace annals;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text = "The envoys met in the capital.\n") {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A manifest giving each listed file only a title.
void write_manifest(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& titles) {
  std::string json = R"({"articles": [)";
  for (const auto& [file, title] : titles)
    json += std::string(json.back() == '[' ? "" : ", ") + R"({"file": ")" + file + R"(", "title": ")" + title + R"("})";
  write(dir / "manifest.json", json + "]}");
}

std::string title_of(const ImportInput& in) { return in.manifest ? in.manifest->title.value_or("?") : ""; }

// What a walk gave for one file: its path relative to the test folder, name, manifest title.
struct Row {
  std::string path, name, title;
};

void check_inputs(const ImportWalk& walk, const fs::path& base, const std::vector<Row>& want) {
  REQUIRE(walk.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    const ImportInput in = walk.input(i);
    CHECK(in.path.native() == (base / want[i].path).native());
    CHECK(in.name == want[i].name);
    CHECK(title_of(in) == want[i].title);
  }
}

// A tree with nesting, names that sort differently as strings and as paths,
// skipped files, links, and manifests in a folder and above it.
void mixed_tree(const fs::path& t) {
  for (const char* f : {"c/b.txt", "c/A.md", "c/a b.txt", "c/a-b/c.txt", "c/a.txt", "c/a/z.md", "c/a/deep/e.txt",
                        "c/notes.json", "c/draft.txt.bak", "c/x.md/inner.txt", "other.text"})
    write(t / f);
  fs::create_symlink("a.txt", t / "c/link.txt");
  fs::create_directory_symlink("a", t / "c/dirlink");
  write_manifest(t / "c", {{"a.txt", "Root A"}, {"a/z.md", "Root Z"}, {"a/deep/e.txt", "Root E"}, {"link.txt", "Root link"}});
  write_manifest(t / "c/a", {{"z.md", "Inner Z"}, {"gone.txt", "Gone"}});
}

}  // namespace

TEST_CASE("walk: a folder's files come sorted by path, element by element, named relative to it") {
  test::TempDir t;
  mixed_tree(t.path);
  const ImportWalk walk = walk_paths({t.path / "c"});
  // "a/..." before "a b.txt" before "a-b/..." before "a.txt": paths compare by
  // element, though ' ' < '-' < '.' < '/' as characters.
  check_inputs(walk, t.path,
               {
                   {"c/A.md", "A.md", ""},
                   {"c/a/deep/e.txt", "a/deep/e.txt", "Root E"},
                   {"c/a/z.md", "a/z.md", "Inner Z"},  // the nearer manifest wins
                   {"c/a b.txt", "a b.txt", ""},
                   {"c/a-b/c.txt", "a-b/c.txt", ""},
                   {"c/a.txt", "a.txt", "Root A"},
                   {"c/b.txt", "b.txt", ""},
                   {"c/link.txt", "link.txt", "Root link"},
                   {"c/x.md/inner.txt", "x.md/inner.txt", ""},
               });
}

TEST_CASE("walk: inputs are what the walk gave before, for folders and files named in any mix") {
  test::TempDir t;
  mixed_tree(t.path);
  const ImportWalk walk = walk_paths({t.path / "c", t.path / "other.text", t.path / "c/a/z.md", t.path / "c/b.txt",
                                      t.path / "c/a"});
  check_inputs(walk, t.path,
               {
                   {"c/A.md", "A.md", ""},
                   {"c/a/deep/e.txt", "a/deep/e.txt", "Root E"},
                   {"c/a/z.md", "a/z.md", "Inner Z"},
                   {"c/a b.txt", "a b.txt", ""},
                   {"c/a-b/c.txt", "a-b/c.txt", ""},
                   {"c/a.txt", "a.txt", "Root A"},
                   {"c/b.txt", "b.txt", ""},
                   {"c/link.txt", "link.txt", "Root link"},
                   {"c/x.md/inner.txt", "x.md/inner.txt", ""},
                   {"other.text", "other.text", ""},  // a file named is taken whatever its extension
                   {"c/a/z.md", "z.md", "Inner Z"},
                   {"c/b.txt", "b.txt", ""},
                   {"c/a/deep/e.txt", "deep/e.txt", "Root E"},
                   {"c/a/z.md", "z.md", "Inner Z"},
               });
  // The manifest of c/a is read once, however often the folder is met.
  REQUIRE(walk.failures.size() == 1);
  CHECK(walk.failures[0].file == "gone.txt");
  CHECK(walk.failures[0].path == (t.path / "c/a/gone.txt").string());
  CHECK(walk.failures[0].message == "is listed in " + (t.path / "c/a/manifest.json").string() + " but does not exist");
}

TEST_CASE("walk: a file's path is the folder as named joined to its name") {
  test::TempDir t;
  write(t.path / "c/one.txt");
  write(t.path / "c/s/two.txt");
  const std::string base = t.path.native();
  const struct {
    std::string root, first_path, first_name, second_path;
  } cases[] = {
      {base + "/c", base + "/c/one.txt", "one.txt", base + "/c/s/two.txt"},
      {base + "/c/", base + "/c/one.txt", "one.txt", base + "/c/s/two.txt"},
      {base + "/c/s/..", base + "/c/s/../one.txt", "one.txt", base + "/c/s/../s/two.txt"},
      {base + "/c/s", base + "/c/s/two.txt", "two.txt", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.root);
    const ImportWalk walk = walk_paths({c.root});
    REQUIRE(walk.size() == (c.second_path.empty() ? 1u : 2u));
    CHECK(walk.input(0).path.native() == c.first_path);
    CHECK(walk.input(0).name == c.first_name);
    if (!c.second_path.empty()) {
      CHECK(walk.input(1).path.native() == c.second_path);
      CHECK(walk.input(1).name == "s/two.txt");
    }
  }
}

TEST_CASE("walk: a folder named with trailing separators still applies its manifest") {
  test::TempDir t;
  write(t.path / "d/a.txt");
  write(t.path / "d/s/b.txt");
  write_manifest(t.path / "d", {{"a.txt", "Listed A"}, {"s/b.txt", "Listed B"}});
  for (const std::string suffix : {"", "/", "//"}) {
    const std::string root = t.path.native() + "/d" + suffix;
    CAPTURE(root);
    const ImportWalk walk = walk_paths({root});
    REQUIRE(walk.size() == 2);
    CHECK(walk.input(0).path.native() == t.path.native() + "/d/a.txt");
    CHECK(walk.input(0).name == "a.txt");
    CHECK(title_of(walk.input(0)) == "Listed A");
    CHECK(walk.input(1).name == "s/b.txt");
    CHECK(title_of(walk.input(1)) == "Listed B");
    CHECK(walk.failures.empty());
  }
}

TEST_CASE("walk: a file named directly keeps the path as given and its bare name") {
  test::TempDir t;
  write(t.path / "d/notes.text");
  write_manifest(t.path / "d", {{"notes.text", "Listed"}});
  const struct {
    std::string path, name, title;
  } cases[] = {
      {t.path.native() + "/d/notes.text", "notes.text", "Listed"},
      {t.path.native() + "/d/./notes.text", "notes.text", "Listed"},
      {t.path.native() + "/d//notes.text", "notes.text", "Listed"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.path);
    const ImportWalk walk = walk_paths({c.path});
    REQUIRE(walk.size() == 1);
    CHECK(walk.input(0).path.native() == c.path);
    CHECK(walk.input(0).name == c.name);
    CHECK(title_of(walk.input(0)) == c.title);
    CHECK(walk.failures.empty());
  }
}

TEST_CASE("walk: a manifest in a parent folder lists files of the folders below it") {
  test::TempDir t;
  write(t.path / "p/q/r/deep.txt");
  write(t.path / "p/q/near.txt");
  write(t.path / "p/q/unlisted.txt");
  write_manifest(t.path / "p", {{"q/r/deep.txt", "Deep"}, {"q/near.txt", "Far"}});
  write_manifest(t.path / "p/q", {{"near.txt", "Near"}});
  const ImportWalk walk = walk_paths({t.path / "p"});
  check_inputs(walk, t.path,
               {
                   {"p/q/near.txt", "q/near.txt", "Near"},
                   {"p/q/r/deep.txt", "q/r/deep.txt", "Deep"},
                   {"p/q/unlisted.txt", "q/unlisted.txt", ""},
               });
}

TEST_CASE("walk: problems met become failures, in the order met") {
  test::TempDir t;
  const fs::path& d = t.path;
  fs::create_directories(d / "pipe");
  REQUIRE(::mkfifo((d / "pipe/p.txt").c_str(), 0600) == 0);
  fs::create_directories(d / "dangling");
  fs::create_symlink("nowhere.txt", d / "dangling/gone.txt");
  fs::create_directories(d / "loop");
  fs::create_symlink("self.md", d / "loop/self.md");
  write(d / "listed/ok.txt");
  write_manifest(d / "listed", {{"ok.txt", "Fine"}, {"absent.txt", "Absent"}});
  const ImportWalk walk = walk_paths({d / "pipe", d / "dangling", d / "loop", d / "listed", d / "pipe/p.txt"});
  const struct {
    std::string file, path, message;
  } want[] = {
      {"p.txt", "pipe/p.txt", "is not a regular file"},
      {"gone.txt", "dangling/gone.txt", "is a symbolic link that loops or leads nowhere"},
      {"self.md", "loop/self.md", "is a symbolic link that loops or leads nowhere"},
      {"absent.txt", "listed/absent.txt", "is listed in " + (d / "listed/manifest.json").string() + " but does not exist"},
      {"p.txt", "pipe/p.txt", "is not a regular file"},  // named directly: failed, not thrown
  };
  REQUIRE(walk.failures.size() == std::size(want));
  for (std::size_t i = 0; i < std::size(want); ++i) {
    CAPTURE(i);
    CHECK(walk.failures[i].file == want[i].file);
    CHECK(walk.failures[i].path == (d / want[i].path).string());
    CHECK(walk.failures[i].outcome == ImportOutcome::failed);
    CHECK(walk.failures[i].message == want[i].message);
  }
  check_inputs(walk, d, {{"listed/ok.txt", "ok.txt", "Fine"}});
}

TEST_CASE("walk: a path named that is missing or a dangling link throws before anything is walked") {
  test::TempDir t;
  fs::create_symlink("nowhere.txt", t.path / "dangling.txt");
  const struct {
    std::string name, reason;
  } cases[] = {
      {"missing.txt", "no such file or folder"},
      {"dangling.txt", "is a symbolic link that loops or leads nowhere"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    try {
      walk_paths({t.path / c.name});
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.subject() == (t.path / c.name).string());
      CHECK(e.reason() == c.reason);
    }
  }
}

TEST_CASE("walk: a folder without articles gives no inputs") {
  test::TempDir t;
  write(t.path / "e/readme.json");
  const ImportWalk walk = walk_paths({t.path / "e"});
  CHECK(walk.size() == 0);
  CHECK(walk.failures.empty());
}

TEST_CASE("walk: inputs read from several threads at once are the same as read from one") {
  test::TempDir t;
  mixed_tree(t.path);
  for (int i = 0; i < 40; ++i) write(t.path / "c/many" / ("f" + std::to_string(i) + ".txt"));
  const ImportWalk walk = walk_paths({t.path / "c", t.path / "other.text", t.path / "c/a"});
  std::vector<std::string> want;
  for (std::size_t i = 0; i < walk.size(); ++i)
    want.push_back(walk.input(i).path.native() + '|' + walk.input(i).name + '|' + title_of(walk.input(i)));
  std::vector<std::size_t> mismatches(4);
  std::vector<std::thread> threads;
  for (std::size_t n = 0; n < mismatches.size(); ++n)
    threads.emplace_back([&, n] {
      for (int round = 0; round < 50; ++round)
        for (std::size_t i = 0; i < walk.size(); ++i) {
          const ImportInput in = walk.input((i + n * 7) % walk.size());
          mismatches[n] += in.path.native() + '|' + in.name + '|' + title_of(in) != want[(i + n * 7) % walk.size()];
        }
    });
  for (auto& th : threads) th.join();
  CHECK(walk.size() == 40 + 9 + 1 + 2);
  for (const std::size_t m : mismatches) CHECK(m == 0);
}
