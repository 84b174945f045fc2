using System.Data.Common;
using ConnectorHub.Core.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ConnectorHub.Benchmarks.Identity;

/// <summary>
/// The baseline: the rows identity resolution wrote (profiles, identifiers, traits), read back and bulk inserted into
/// an empty store with no resolution at all: binary COPY on PostgreSQL, multi-row INSERT on SQLite.
/// </summary>
internal sealed class RawTables
{
    private static readonly (string Table, (string Column, NpgsqlDbType Type)[] Columns)[] Tables =
    [
        ("profiles", [("id", NpgsqlDbType.Bigint), ("created_at", NpgsqlDbType.TimestampTz), ("updated_at", NpgsqlDbType.TimestampTz)]),
        ("profile_identifiers",
        [
            ("value", NpgsqlDbType.Text), ("type", NpgsqlDbType.Text), ("profile_id", NpgsqlDbType.Bigint), ("lock_bucket", NpgsqlDbType.Integer),
            ("source", NpgsqlDbType.Text), ("record_key", NpgsqlDbType.Text), ("first_seen", NpgsqlDbType.TimestampTz), ("last_seen", NpgsqlDbType.TimestampTz),
        ]),
        ("profile_traits",
        [
            ("profile_id", NpgsqlDbType.Bigint), ("name", NpgsqlDbType.Text), ("value", NpgsqlDbType.Jsonb), ("search_value", NpgsqlDbType.Text),
            ("source", NpgsqlDbType.Text), ("observed_at", NpgsqlDbType.TimestampTz),
        ]),
    ];

    private readonly Dictionary<string, List<object?[]>> _rows = [];

    public long RowCount => _rows.Values.Sum(r => r.Count);

    public static async Task<RawTables> ReadAsync(HubDatabase database)
    {
        var tables = new RawTables();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        foreach (var (table, columns) in Tables)
        {
            var json = database.Provider == StorageProvider.Postgres ? "::text" : string.Empty;
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => c.Type == NpgsqlDbType.Jsonb ? c.Column + json : c.Column))} FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = tables._rows[table] = [];
            while (await reader.ReadAsync())
            {
                var row = new object?[columns.Length];
                for (var i = 0; i < columns.Length; i++)
                {
                    row[i] = await reader.IsDBNullAsync(i) ? null : Read(reader, i, columns[i].Type, database.Provider);
                }

                rows.Add(row);
            }
        }

        return tables;
    }

    public async Task WriteAsync(HubDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        if (connection is NpgsqlConnection postgres)
        {
            foreach (var (table, columns) in Tables)
            {
                await using var importer = await postgres.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)");
                foreach (var row in _rows[table])
                {
                    await importer.StartRowAsync();
                    for (var i = 0; i < columns.Length; i++)
                    {
                        if (row[i] is null)
                        {
                            await importer.WriteNullAsync();
                        }
                        else
                        {
                            await importer.WriteAsync(row[i], columns[i].Type);
                        }
                    }
                }

                await importer.CompleteAsync();
            }

            await using var analyze = new NpgsqlCommand("SELECT setval('profiles_id_seq', coalesce((SELECT max(id) FROM profiles), 0) + 1, false); ANALYZE", postgres);
            await analyze.ExecuteNonQueryAsync();
            return;
        }

        var sqlite = (SqliteConnection)connection;
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        foreach (var (table, columns) in Tables)
        {
            await new SqliteBulkInsert(sqlite, transaction, table, columns.Select(c => c.Column).ToArray()).InsertAsync(
                _rows[table].Select(r => r.Select((v, i) => v is DateTimeOffset t ? SqliteTime.Write(t) : v).ToArray()), CancellationToken.None);
        }

        await transaction.CommitAsync();
    }

    /// <summary>Adds generated rows (for building a large store quickly).</summary>
    public void Add(string table, object?[] row)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            _rows[table] = rows = [];
        }

        rows.Add(row);
    }

    private static object Read(DbDataReader reader, int i, NpgsqlDbType type, StorageProvider provider) => type switch
    {
        NpgsqlDbType.TimestampTz => provider == StorageProvider.Postgres ? reader.GetFieldValue<DateTimeOffset>(i) : SqliteTime.Read(reader.GetInt64(i)),
        NpgsqlDbType.Bigint => reader.GetInt64(i),
        NpgsqlDbType.Integer => reader.GetInt32(i),
        _ => reader.GetString(i),
    };
}
