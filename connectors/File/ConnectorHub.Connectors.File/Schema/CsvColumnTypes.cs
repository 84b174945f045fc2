using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.File.Schema;

/// <summary>
/// The type of each CSV column, by header name. Columns it does not know are text. With
/// <see cref="AllText"/>, every value is read as it is.
/// </summary>
internal sealed class CsvColumnTypes
{
    private static readonly ColumnType[] Candidates = [ColumnType.Integer, ColumnType.Number, ColumnType.Boolean, ColumnType.DateTime];
    private readonly Dictionary<string, ColumnType> _types;

    private CsvColumnTypes(Dictionary<string, ColumnType> types) => _types = types;

    /// <summary>Every column is text.</summary>
    public static CsvColumnTypes AllText { get; } = new(new Dictionary<string, ColumnType>(StringComparer.Ordinal));

    /// <summary>
    /// Infers each column's type from sample rows (text values keyed by header name): the narrowest of integer,
    /// number, boolean and date-time that every non-empty sample value fits, else text. A column with no value in
    /// the sample is text.
    /// </summary>
    public static CsvColumnTypes Infer(IReadOnlyList<string> header, IEnumerable<JsonObject> sample)
    {
        ArgumentNullException.ThrowIfNull(header);
        var fitting = header.Distinct(StringComparer.Ordinal).ToDictionary(h => h, _ => new HashSet<ColumnType>(Candidates), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in sample)
        {
            foreach (var (name, value) in row)
            {
                if (value?.GetValue<string>() is not { Length: > 0 } text || !fitting.TryGetValue(name, out var types))
                {
                    continue;
                }

                seen.Add(name);
                types.RemoveWhere(type => !ValueShape.Fits(text, type));
            }
        }

        return new CsvColumnTypes(fitting.ToDictionary(
            pair => pair.Key,
            pair => seen.Contains(pair.Key) ? Candidates.FirstOrDefault(pair.Value.Contains, ColumnType.String) : ColumnType.String,
            StringComparer.Ordinal));
    }

    /// <summary>The type of the column named <paramref name="name"/>.</summary>
    public ColumnType Of(string name) => _types.TryGetValue(name, out var type) ? type : ColumnType.String;

    /// <summary>
    /// The value of column <paramref name="name"/> as its type: text as it is; for typed columns, null when
    /// empty. False (with the reason) when the value does not fit the column's type.
    /// </summary>
    public bool TryConvert(string name, string value, out JsonNode? node, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(value);
        problem = null;
        var type = Of(name);
        if (type == ColumnType.String)
        {
            node = JsonValue.Create(value);
            return true;
        }

        if (value.Length == 0)
        {
            node = null;
            return true;
        }

        if (ValueShape.TryConvert(value, type, out node))
        {
            return true;
        }

        problem = $"the value '{value}' of column '{name}' is not {Describe(type)}, the type inferred from the first rows. " +
            "Correct the value, or set infer_types to false to read every column as text";
        return false;
    }

    private static string Describe(ColumnType type) => type switch
    {
        ColumnType.Integer => "a whole number",
        ColumnType.Number => "a number",
        ColumnType.Boolean => "true or false",
        ColumnType.DateTime => "a date-time with a time zone (such as 2024-03-05T14:00:00Z)",
        _ => "text",
    };
}
