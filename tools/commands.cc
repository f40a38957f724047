#include "cli.h"
#include "query_commands.h"

namespace annals::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = [] {
  std::vector<Command> list = {
      {"import", "import article files or folders into a knowledge base",
       "usage: annals import [--db FILE] [--threads N] [--batch N] [--max-file-mb N] [--keep-indexes]\n"
       "                     [--quiet] PATH...\n\n"
       "Imports every .txt and .md file under each PATH (folders are read recursively;\n"
       "a manifest.json beside the articles supplies metadata). Files are analysed on\n"
       "several threads and written in order, in batches: one transaction per batch and\n"
       "a savepoint per article, so a bad file is reported and skipped, the others are\n"
       "imported, and an interrupted import loses at most its open batch.\n"
       "Re-importing identical bytes changes nothing; a changed file replaces its old version.\n\n"
       "  --db FILE         knowledge base to create or update (default annals.db)\n"
       "  --threads N       threads reading and analysing files (default: one per core)\n"
       "  --batch N         articles per transaction (default 4096; also at most 32 MB)\n"
       "  --max-file-mb N   refuse files larger than N MB (default 16)\n"
       "  --keep-indexes    keep the indexes only queries read up to date article by\n"
       "                    article. By default an import of 1,000 files or more, and of\n"
       "                    at least 1/16 as many files as the knowledge base holds, drops\n"
       "                    them and builds them again when it ends: much faster, but\n"
       "                    queries running meanwhile are slower (their answers are the same)\n"
       "  --quiet           no progress and no summary; errors are still printed\n\n"
       "exit status: 0 all imported, 2 any file failed or bad usage\n"
       "example: annals import --db annals.db seeds/\n",
       run_import, {"db", "threads", "batch", "max-file-mb"}, {"quiet", "keep-indexes"}},
      {"export", "print the whole knowledge base as JSON",
       "usage: annals export [--db FILE] [--format json]\n\n"
       "Prints sources, countries, persons, organizations, events and relations as one\n"
       "JSON object (see include/annals/export.h for the shape).\n\n"
       "example: annals export --db annals.db > kb.json\n",
       run_export, {"db", "format"}, {}},
      {"score", "score the knowledge base against gold facts",
       "usage: annals score --gold DIR [--db FILE] [--brief]\n\n"
       "Prints precision, recall and F1 per category (countries, persons, organizations,\n"
       "events, relations) against the gold files in DIR, then the misses and false hits\n"
       "(unless --brief). Matching rules: tests/gold/README.md.\n\n"
       "example: annals score --db annals.db --gold tests/gold\n",
       run_score, {"db", "gold"}, {"brief"}},
      {"stats", "count what the knowledge base holds",
       "usage: annals stats [--db FILE] [--json]\n\n"
       "example: annals stats --db annals.db\n",
       run_stats, {"db"}, {"json"}},
      {"sources", "list the imported articles, or everything extracted from them",
       "usage: annals sources [--db FILE] [--json] [--facts]\n\n"
       "Lists the current version of each source with its metadata and sentence count;\n"
       "--facts also prints the persons, organisations, events and relations extracted.\n\n"
       "example: annals sources --db annals.db --facts\n",
       run_sources, {"db"}, {"json", "facts"}},
  };
  const auto& queries = query_commands();
  list.insert(list.end(), queries.begin(), queries.end());
  return list;
  }();
  return all;
}

}  // namespace annals::cli
