using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ConnectorHub.Core.Storage;

/// <summary>
/// Multi-row INSERT on SQLite: one prepared statement of many rows re-bound for each full chunk (far fewer statement
/// steps than a row at a time), and one more for the remainder. <paramref name="suffix"/> may add an ON CONFLICT clause.
/// Statements stay near 500 parameters: SQLite finds a named parameter by a linear search, so binding costs grow with
/// the square of the parameter count.
/// </summary>
internal sealed class SqliteBulkInsert(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns, string suffix = "")
{
    private const int MaxParameters = 512;
    private const int MaxRowsPerStatement = 100;

    public async Task<int> InsertAsync(IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var perStatement = Math.Max(1, Math.Min(MaxRowsPerStatement, MaxParameters / columns.Count));
        SqliteCommand? full = null;
        var chunk = new List<object?[]>(perStatement);
        var affected = 0;
        try
        {
            foreach (var row in rows)
            {
                chunk.Add(row);
                if (chunk.Count == perStatement)
                {
                    full ??= Prepare(perStatement);
                    affected += await ExecuteAsync(full, chunk, cancellationToken);
                    chunk.Clear();
                }
            }

            if (chunk.Count > 0)
            {
                await using var rest = Prepare(chunk.Count);
                affected += await ExecuteAsync(rest, chunk, cancellationToken);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        return affected;
    }

    private SqliteCommand Prepare(int rowCount)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"$p{r}_{c}");
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(suffix).ToString();
        return command;
    }

    private static Task<int> ExecuteAsync(SqliteCommand command, List<object?[]> rows, CancellationToken cancellationToken)
    {
        var i = 0;
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                command.Parameters[i++].Value = value ?? DBNull.Value;
            }
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }
}
