namespace ConnectorHub.Connectors.File.Rows;

/// <summary>Checks a CSV header row: every column needs a name, and names must be unique.</summary>
internal static class CsvHeader
{
    /// <summary>The header's column names, trimmed.</summary>
    public static string[] Names(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Select(name => name.Trim()).ToArray();
    }

    /// <summary>What is wrong with the header, or null when it is usable.</summary>
    public static string? Problem(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var firstColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
            {
                return $"the header row has no name for column {i + 1}; every column needs a name in the first row";
            }

            if (!firstColumn.TryAdd(names[i], i))
            {
                return $"the header row names '{names[i]}' twice (columns {firstColumn[names[i]] + 1} and {i + 1}); column names must be unique";
            }
        }

        return null;
    }
}
