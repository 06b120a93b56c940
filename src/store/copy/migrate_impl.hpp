#pragma once
// The copy between two databases of any kinds, in three passes over every
// table, each a merge of both sides in key order (table_reader.hpp):
// check (conflicts: nothing is written when there is one), copy (the source
// rows the target lacks, in batches) and verify (counts and checksums).
// The source is read in one snapshot, so a server writing to it meanwhile
// does not tear the copy.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/copy/table_reader.hpp"
#include "store/migrate.hpp"

namespace mandate::store::copy {

template <typename Dialect>
std::vector<Layout> layouts(typename Dialect::Connection& c) {
  for (const auto& name : Dialect::tables(c)) {
    const auto tables = copied_tables();
    const bool known = std::any_of(tables.begin(), tables.end(),
                                   [&](const TableSpec& t) { return t.name == name; });
    if (!known && !is_bookkeeping_table(name))
      throw core::Error(core::ErrorCategory::internal, "migrate.unknown_table", {name});
  }
  std::vector<Layout> out;
  for (const auto& spec : copied_tables())
    out.push_back(make_layout(spec, Dialect::columns(c, spec)));
  return out;
}

template <typename Dialect>
std::vector<TableChecksum> checksums(typename Dialect::Connection& c, long long page_rows) {
  std::vector<TableChecksum> out;
  Dialect::begin_snapshot(c);
  for (const auto& layout : layouts<Dialect>(c)) {
    TableReader<Dialect> reader(c, layout, rows_at_once(*layout.spec, page_rows));
    RowHasher hasher(layout);
    while (const Row* row = reader.next())
      hasher.add(*row);
    out.push_back({std::string(layout.spec->name), hasher.rows(), hasher.hex()});
  }
  c.exec("COMMIT");
  return out;
}

template <typename Source, typename Target>
class Migration {
 public:
  Migration(typename Source::Connection& source, typename Target::Connection& target,
            const MigrateOptions& options)
      : source_(source), target_(target), options_(options) {}

  std::vector<TableMigration> run() {
    const auto source_layouts = layouts<Source>(source_);
    const auto target_layouts = layouts<Target>(target_);
    for (size_t i = 0; i < source_layouts.size(); ++i)
      same_columns(source_layouts[i], target_layouts[i]);
    Source::begin_snapshot(source_);
    std::vector<TableMigration> report;
    for (const auto& layout : source_layouts)
      report.push_back(check(layout));
    if (conflicts_ > 0)
      throw core::Error(core::ErrorCategory::conflict, "migrate.conflict",
                        {first_conflict_[0], first_conflict_[1], first_conflict_[2],
                         first_conflict_[3], std::to_string(conflicts_ - 1)});
    mark_search_index_stale();
    for (size_t i = 0; i < source_layouts.size(); ++i)
      copy(source_layouts[i], report[i]);
    announce_copied();
    for (size_t i = 0; i < source_layouts.size(); ++i)
      verify(source_layouts[i], report[i]);
    source_.exec("COMMIT");
    return report;
  }

 private:
  static constexpr long long kRowsPerInsert = 100;
  using SourceReader = TableReader<Source>;
  using TargetReader = TableReader<Target>;

  static void same_columns(const Layout& s, const Layout& t) {
    for (size_t i = 0; i < std::max(s.columns.size(), t.columns.size()); ++i)
      if (i >= s.columns.size() || i >= t.columns.size() || !(s.columns[i] == t.columns[i]))
        throw core::Error(
            core::ErrorCategory::internal, "migrate.schema_differs",
            {std::string(s.spec->name), (i < s.columns.size() ? s.columns[i] : t.columns[i]).name});
  }

  void conflict(const Layout& layout, std::string key, std::string ours, std::string theirs) {
    if (conflicts_++ == 0)
      first_conflict_ = {std::string(layout.spec->name), std::move(key), std::move(ours),
                         std::move(theirs)};
  }

  // A source row the target lacks must not take a unique value (a code, a
  // user name) that the target gives to another key.
  void check_unique(const Layout& layout, const Row& row) {
    for (size_t u : layout.unique) {
      if (!row[u] || (layout.columns[u].name == "rowid" && !Target::rowid_unique))
        continue;
      std::string keys;
      for (size_t n = 0; n < layout.key.size(); ++n)
        keys += (n ? ", \"" : "\"") + layout.columns[layout.key[n]].name + "\"";
      auto q = target_.prepare("SELECT " + keys + " FROM \"" + std::string(layout.spec->name) +
                               "\" WHERE \"" + layout.columns[u].name + "\" = ?1");
      bind_cell(q, 1, row[u], layout.columns[u].kind);
      if (!q.step())
        continue;
      std::string theirs;
      for (size_t n = 0; n < layout.key.size(); ++n) {
        Row key_only(layout.columns.size());
        const auto& c = layout.columns[layout.key[n]];
        key_only[layout.key[n]] = c.kind == Kind::integer
                                      ? std::to_string(q.integer(static_cast<int>(n)))
                                      : q.text(static_cast<int>(n));
        theirs += (n ? ", " : "") + describe_cell(layout, key_only, layout.key[n]);
      }
      conflict(layout, describe_cell(layout, row, u), describe_key(layout, row), theirs);
    }
  }

  TableMigration check(const Layout& layout) {
    TableMigration m{std::string(layout.spec->name), 0, 0, 0, 0, ""};
    const long long page = rows_at_once(*layout.spec, options_.batch_rows);
    SourceReader source(source_, layout, page);
    TargetReader target(target_, layout, page);
    const bool target_empty = !target_.prepare("SELECT 1 FROM \"" + m.table + "\" LIMIT 1").step();
    merge_by_key(layout, source, &target, [&](const Row* s, const Row* t) {
      if (s)
        ++m.source_rows;
      if (s && t) {
        if (*s == *t) {
          ++m.already;
        } else {
          auto [ours, theirs] = describe_difference(layout, *s, *t);
          conflict(layout, describe_key(layout, *s), ours, theirs);
        }
      } else if (s && !target_empty) {
        check_unique(layout, *s);
      } else {
        ++m.target_only;
      }
    });
    return m;
  }

  // Servers running on the target follow its change feed, which the copied
  // rows did not go through: a gap marker makes them reload everything.
  void announce_copied() {
    typename Target::Backend::Transaction tx(target_);
    Target::begin_write(target_);
    target_.exec("INSERT INTO changes(kind) VALUES('gap')");
    Target::Backend::announce_changes(target_);
    tx.commit();
  }

  void mark_search_index_stale() {
    typename Target::Backend::Transaction tx(target_);
    Target::begin_write(target_);
    target_.exec("UPDATE search_index_state SET version = 0 WHERE id = 1");
    tx.commit();
  }

  // INSERT of n rows in one statement: one round trip to a server per
  // kRowsPerInsert rows instead of per row.
  static std::string insert_sql(const Layout& layout, size_t rows) {
    std::string columns, values;
    const size_t width = layout.columns.size();
    for (size_t i = 0; i < width; ++i)
      columns += (i ? ", \"" : "\"") + layout.columns[i].name + "\"";
    for (size_t r = 0; r < rows; ++r) {
      values += r ? ", (" : "(";
      for (size_t i = 0; i < width; ++i)
        values += (i ? ", ?" : "?") + std::to_string(r * width + i + 1);
      values += ")";
    }
    return "INSERT INTO \"" + std::string(layout.spec->name) + "\"(" + columns + ") VALUES " +
           values;
  }

  void copy(const Layout& layout, TableMigration& m) {
    if (m.already < m.source_rows)
      copy_rows(layout, m);
    // Also when an earlier run copied every row but ended before this.
    typename Target::Backend::Transaction after(target_);
    Target::after_copy(target_, *layout.spec);
    after.commit();
  }

  void copy_rows(const Layout& layout, TableMigration& m) {
    const long long batch = rows_at_once(*layout.spec, options_.batch_rows);
    const auto per_insert = static_cast<size_t>(rows_at_once(*layout.spec, kRowsPerInsert));
    SourceReader source(source_, layout, batch);
    // An empty target has nothing to skip: no need to read it.
    std::optional<TargetReader> target;
    if (m.already + m.target_only > 0)
      target.emplace(target_, layout, batch);
    std::optional<typename Target::Backend::Transaction> tx;
    std::vector<Row> pending;  // bound by pointer (SQLite blobs) until the insert has run
    long long in_batch = 0;
    auto flush = [&] {
      if (pending.empty())
        return;
      auto st = target_.prepare(insert_sql(layout, pending.size()));
      int param = 1;
      for (const Row& row : pending)
        for (size_t i = 0; i < layout.columns.size(); ++i)
          bind_cell(st, param++, row[i], layout.columns[i].kind);
      st.run();
      m.copied += static_cast<long long>(pending.size());
      pending.clear();
    };
    auto commit = [&] {
      flush();
      tx->commit();
      tx.reset();
      in_batch = 0;
      if (options_.on_batch)
        options_.on_batch(m.table, m.copied);
    };
    merge_by_key(layout, source, target ? &*target : nullptr, [&](const Row* s, const Row* t) {
      if (!s || t)
        return;
      if (!tx) {
        tx.emplace(target_);
        Target::begin_write(target_);
      }
      pending.push_back(*s);
      if (pending.size() == per_insert)
        flush();
      if (++in_batch >= batch && !layout.spec->self_referencing)
        commit();
    });
    if (tx)
      commit();
  }

  // The target's rows with the source's keys, counted and checksummed as the
  // source's are; rows only the target has are left out.
  void verify(const Layout& layout, TableMigration& m) {
    const long long page = rows_at_once(*layout.spec, options_.batch_rows);
    SourceReader source(source_, layout, page);
    TargetReader target(target_, layout, page);
    RowHasher ours(layout), theirs(layout);
    merge_by_key(layout, source, &target, [&](const Row* s, const Row* t) {
      if (s)
        ours.add(*s);
      if (s && t)
        theirs.add(*t);
    });
    m.checksum = ours.hex();
    const std::string copied = theirs.hex();
    if (ours.rows() != theirs.rows() || m.checksum != copied)
      throw core::Error(core::ErrorCategory::conflict, "migrate.verify_failed",
                        {m.table, std::to_string(ours.rows()), m.checksum,
                         std::to_string(theirs.rows()), copied});
  }

  typename Source::Connection& source_;
  typename Target::Connection& target_;
  const MigrateOptions& options_;
  long long conflicts_ = 0;
  std::vector<std::string> first_conflict_;
};

}  // namespace mandate::store::copy
