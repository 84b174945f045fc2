using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace ConnectorHub.Integration.Tests.Storage.Schema;

/// <summary>Reads a SQLite schema from sqlite_master and the table_info, index_list and index_xinfo pragmas.</summary>
internal static partial class SqliteSchemaReader
{
    public static async Task<StoreSchema> ReadAsync(DbConnection connection, string source)
    {
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var schema = new Dictionary<string, TableSchema>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var info = (await connection.QueryAsync<ColumnRow>($"SELECT name AS Name, type AS Type, \"notnull\" AS IsNotNull, pk AS Pk FROM pragma_table_info('{table}')")).ToArray();
            var primaryKey = info.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToArray();

            // SQLite lets a primary key other than INTEGER PRIMARY KEY hold NULL (a compatibility quirk); the hub never
            // writes one, so key columns count as NOT NULL, as they are on PostgreSQL.
            var columns = info.ToDictionary(c => c.Name, c => new ColumnSchema(c.Name, TypeClasses.OfSqlite(c.Type), c.IsNotNull == 0 && c.Pk == 0, c.Type), StringComparer.Ordinal);
            var indexes = new HashSet<IndexSchema>();
            foreach (var index in await connection.QueryAsync<IndexRow>($"SELECT name AS Name, \"unique\" AS IsUnique, origin AS Origin, partial AS Partial FROM pragma_index_list('{table}')"))
            {
                if (index.Origin == "pk")
                {
                    continue;
                }

                var keyColumns = await connection.QueryAsync<KeyColumnRow>($"SELECT name AS Name, \"desc\" AS Descending FROM pragma_index_xinfo('{index.Name}') WHERE key = 1 ORDER BY seqno");
                var predicate = index.Partial == 1 ? await PredicateAsync(connection, index.Name) : null;
                indexes.Add(new IndexSchema(
                    string.Join(", ", keyColumns.Select(k => k.Descending == 1 ? $"{k.Name} desc" : k.Name)),
                    index.IsUnique == 1,
                    IndexSchema.NormalisePredicate(predicate)));
            }

            schema[table] = new TableSchema(table, columns, primaryKey, indexes);
        }

        return new StoreSchema(source, schema);
    }

    private static async Task<string> PredicateAsync(DbConnection connection, string index)
    {
        var sql = await connection.QuerySingleAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = @index", new { index });
        return WhereClause().Match(sql).Groups[1].Value;
    }

    [GeneratedRegex(@"\bWHERE\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex WhereClause();

    private sealed class ColumnRow
    {
        public string Name { get; set; } = "";

        public string Type { get; set; } = "";

        public long IsNotNull { get; set; }

        public long Pk { get; set; }
    }

    private sealed class IndexRow
    {
        public string Name { get; set; } = "";

        public long IsUnique { get; set; }

        public string Origin { get; set; } = "";

        public long Partial { get; set; }
    }

    private sealed class KeyColumnRow
    {
        public string Name { get; set; } = "";

        public long Descending { get; set; }
    }
}
