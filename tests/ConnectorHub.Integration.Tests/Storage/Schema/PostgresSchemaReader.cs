using System.Data.Common;
using Dapper;

namespace ConnectorHub.Integration.Tests.Storage.Schema;

/// <summary>Reads a PostgreSQL schema from information_schema and pg_catalog (partitions are left to their parent table).</summary>
internal static class PostgresSchemaReader
{
    private const string TablesSql = """
        SELECT c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        """;

    private const string ColumnsSql = """
        SELECT table_name AS "Table", column_name AS "Name", udt_name AS "Type", is_nullable = 'YES' AS "Nullable"
        FROM information_schema.columns
        WHERE table_schema = current_schema()
        ORDER BY table_name, ordinal_position
        """;

    private const string IndexesSql = """
        SELECT t.relname AS "Table", ix.indisunique AS "Unique", ix.indisprimary AS "Primary",
               pg_get_expr(ix.indpred, ix.indrelid) AS "Predicate",
               array(SELECT pg_get_indexdef(ix.indexrelid, k, true) || CASE WHEN ix.indoption[k - 1] & 1 = 1 THEN ' desc' ELSE '' END
                     FROM generate_series(1, ix.indnkeyatts) AS k ORDER BY k) AS "Columns"
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND NOT t.relispartition
        """;

    public static async Task<StoreSchema> ReadAsync(DbConnection connection, string source)
    {
        var tables = (await connection.QueryAsync<string>(TablesSql)).ToHashSet(StringComparer.Ordinal);
        var columns = (await connection.QueryAsync<ColumnRow>(ColumnsSql)).Where(c => tables.Contains(c.Table)).ToLookup(c => c.Table);
        var indexes = (await connection.QueryAsync<IndexRow>(IndexesSql)).Where(i => tables.Contains(i.Table)).ToLookup(i => i.Table);
        return new StoreSchema(source, tables.ToDictionary(t => t, t => new TableSchema(
            t,
            columns[t].ToDictionary(c => c.Name, c => new ColumnSchema(c.Name, TypeClasses.OfPostgres(c.Type), c.Nullable, c.Type), StringComparer.Ordinal),
            indexes[t].FirstOrDefault(i => i.Primary)?.Columns ?? [],
            indexes[t].Where(i => !i.Primary).Select(i => new IndexSchema(string.Join(", ", i.Columns), i.Unique, IndexSchema.NormalisePredicate(i.Predicate))).ToHashSet()),
            StringComparer.Ordinal));
    }

    private sealed class ColumnRow
    {
        public string Table { get; set; } = "";

        public string Name { get; set; } = "";

        public string Type { get; set; } = "";

        public bool Nullable { get; set; }
    }

    private sealed class IndexRow
    {
        public string Table { get; set; } = "";

        public bool Unique { get; set; }

        public bool Primary { get; set; }

        public string? Predicate { get; set; }

        public string[] Columns { get; set; } = [];
    }
}
