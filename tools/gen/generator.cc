#include "generator.h"

#include <fstream>

#include "annals/error.h"
#include "article.h"
#include "pipeline/gazetteer.h"

namespace annals::gen {
namespace {

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(path.string(), "cannot create");
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) throw Error(path.string(), "cannot write");
}

}  // namespace

GenerateReport generate(const GenerateOptions& options,
                        const std::function<void(std::uint64_t)>& progress) {
  const std::filesystem::path gold_dir = options.gold.empty() ? options.out : options.gold;
  std::error_code ec;
  for (const auto& dir : {options.out, gold_dir}) {
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir)) throw Error(dir.string(), "cannot create the folder");
  }
  const World world(default_gazetteer(), options.seed);
  GenerateReport report;
  for (std::uint64_t i = 0; i < options.articles; ++i) {
    const GeneratedArticle a = make_article(world, i);
    const std::string gold = a.gold.dump(2) + "\n";
    write_file(options.out / (a.stem + ".txt"), a.text);
    write_file(gold_dir / (a.stem + ".json"), gold);
    report.text_bytes += a.text.size();
    report.gold_bytes += gold.size();
    ++report.articles;
    if (progress && (report.articles % 1000 == 0 || report.articles == options.articles))
      progress(report.articles);
  }
  return report;
}

}  // namespace annals::gen
