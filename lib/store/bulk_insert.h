#pragma once
// Inserting many rows into one table with multi-row INSERT statements. Each
// statement execution has a fixed cost (opening a cursor per index, binding,
// halting) that one-row statements pay per row; for the dozens of evidence rows
// and sentences of an article that cost was most of the writer's time.

#include "store/statements.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace annals {

// Binds `text` as TEXT (SQLiteCpp's pointer-and-size bind would make a BLOB).
inline void bind_text(SQLite::Statement& st, int index, std::string_view text) { st.bind(index, std::string(text)); }

// Keep a BulkInsert beside its StatementCache rather than on the stack: its
// statements are prepared once per row count and reused for every article.
class BulkInsert {
 public:
  // A value to bind: NULL, an integer, or text that must outlive flush().
  using Value = std::variant<std::nullptr_t, std::int64_t, std::string_view>;

  // `head` is "INSERT INTO table (col, ...)" naming `columns` columns.
  BulkInsert(StatementCache& sql, std::string head, int columns) : sql_(sql), head_(std::move(head)), columns_(columns) {}
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  // Queues one row of `columns` values.
  void add(std::initializer_list<Value> row) { values_.insert(values_.end(), row.begin(), row.end()); }
  std::size_t rows() const { return values_.size() / static_cast<std::size_t>(columns_); }

  // Inserts the queued rows, up to kChunk per statement, and empties the queue.
  void flush() {
    const std::size_t total = rows();
    for (std::size_t done = 0; done < total;) {
      const std::size_t n = std::min(kChunk, total - done);
      SQLite::Statement& st = sql_(sql_for(n));
      // Texts are bound without SQLite's own copy, from copies that live
      // until the statement has run (reserved, so none moves meanwhile).
      bound_.clear();
      bound_.reserve(n * static_cast<std::size_t>(columns_));
      int index = 1;
      for (std::size_t v = done * columns_; v < (done + n) * columns_; ++v, ++index) bind(st, index, values_[v]);
      st.exec();
      done += n;
    }
    values_.clear();
  }
  void clear() { values_.clear(); }

 private:
  static constexpr std::size_t kChunk = 32;

  void bind(SQLite::Statement& st, int index, const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) st.bind(index, *i);
    else if (const auto* s = std::get_if<std::string_view>(&v)) st.bindNoCopy(index, bound_.emplace_back(*s));
    else st.bind(index);
  }

  // The statement text for n rows, built once.
  std::string_view sql_for(std::size_t n) {
    std::string& text = texts_[n];
    if (text.empty()) {
      std::string row = "(";
      for (int c = 0; c < columns_; ++c) row += c ? ",?" : "?";
      row += ")";
      text = head_ + " VALUES ";
      for (std::size_t r = 0; r < n; ++r) text += (r ? "," : "") + row;
    }
    return text;
  }

  StatementCache& sql_;
  std::string head_;
  int columns_;
  std::vector<Value> values_;
  std::vector<std::string> bound_;  // the texts bound by the running statement
  std::map<std::size_t, std::string> texts_;  // by row count; nodes never move
};

}  // namespace annals
