namespace ConnectorHub.Integration.Tests.Storage.Schema;

/// <summary>Lists every way two descriptions of the schema disagree, one sentence each.</summary>
internal static class SchemaComparison
{
    /// <summary>
    /// The differences between the tables of <paramref name="expected"/> and <paramref name="actual"/>;
    /// <paramref name="typeInActual"/> translates a type class of <paramref name="expected"/> into the one
    /// <paramref name="actual"/> should have. With <paramref name="onlyTablesOfExpected"/>, tables of
    /// <paramref name="actual"/> that <paramref name="expected"/> does not describe are not differences.
    /// </summary>
    public static IReadOnlyList<string> Differences(StoreSchema expected, StoreSchema actual, Func<TypeClass, TypeClass> typeInActual, bool onlyTablesOfExpected = false)
    {
        var differences = new List<string>();
        foreach (var table in expected.Tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!actual.Tables.TryGetValue(table.Name, out var other))
            {
                differences.Add($"table {table.Name}: in {expected.Source}, not in {actual.Source}");
                continue;
            }

            differences.AddRange(Columns(table, other, expected, actual, typeInActual));
            if (!table.PrimaryKey.SequenceEqual(other.PrimaryKey))
            {
                differences.Add($"table {table.Name}: primary key ({string.Join(", ", table.PrimaryKey)}) in {expected.Source}, ({string.Join(", ", other.PrimaryKey)}) in {actual.Source}");
            }

            differences.AddRange(table.Indexes.Except(other.Indexes).Select(i => $"table {table.Name}: index {i} in {expected.Source}, not in {actual.Source}"));
            differences.AddRange(other.Indexes.Except(table.Indexes).Select(i => $"table {table.Name}: index {i} in {actual.Source}, not in {expected.Source}"));
        }

        if (!onlyTablesOfExpected)
        {
            differences.AddRange(actual.Tables.Keys.Where(t => !expected.Tables.ContainsKey(t)).Order(StringComparer.Ordinal)
                .Select(t => $"table {t}: in {actual.Source}, not in {expected.Source}"));
        }

        return differences;
    }

    private static IEnumerable<string> Columns(TableSchema table, TableSchema other, StoreSchema expected, StoreSchema actual, Func<TypeClass, TypeClass> typeInActual)
    {
        foreach (var column in table.Columns.Values)
        {
            if (!other.Columns.TryGetValue(column.Name, out var counterpart))
            {
                yield return $"column {table.Name}.{column.Name}: in {expected.Source}, not in {actual.Source}";
                continue;
            }

            if (typeInActual(column.Type) != counterpart.Type)
            {
                yield return $"column {table.Name}.{column.Name}: {column.StoreType} ({column.Type}) in {expected.Source}, {counterpart.StoreType} ({counterpart.Type}) in {actual.Source}";
            }

            if (column.Nullable != counterpart.Nullable)
            {
                yield return $"column {table.Name}.{column.Name}: {Nullability(column)} in {expected.Source}, {Nullability(counterpart)} in {actual.Source}";
            }
        }

        foreach (var column in other.Columns.Values.Where(c => !table.Columns.ContainsKey(c.Name)))
        {
            yield return $"column {table.Name}.{column.Name}: in {actual.Source}, not in {expected.Source}";
        }
    }

    private static string Nullability(ColumnSchema column) => column.Nullable ? "NULL" : "NOT NULL";
}
