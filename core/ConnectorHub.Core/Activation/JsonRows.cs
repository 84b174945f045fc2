using System.Text.Json;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// Many rows in one parameter: a JSON array turned back into rows by the database (<c>jsonb_to_recordset</c> on
/// PostgreSQL, <c>json_each</c> on SQLite), so a batch of 10,000 outcomes is a few statements, not 30,000.
/// </summary>
internal static class JsonRows
{
    /// <summary>A row source <c>r</c> with <paramref name="columns"/> (name, PostgreSQL type) read from the parameter <paramref name="parameter"/>.</summary>
    public static string Source(StorageProvider provider, string parameter, params (string Name, string Type)[] columns) =>
        provider == StorageProvider.Postgres
            ? $"jsonb_to_recordset(CAST(@{parameter} AS jsonb)) AS r({string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"))})"
            : $"(SELECT {string.Join(", ", columns.Select(c => $"json_extract(value, '$.{c.Name}') AS {c.Name}"))} FROM json_each(@{parameter})) AS r";

    /// <summary>The JSON text of <paramref name="rows"/>, property names as written (snake_case anonymous members).</summary>
    public static string Of<T>(IEnumerable<T> rows) => JsonSerializer.Serialize(rows);
}
