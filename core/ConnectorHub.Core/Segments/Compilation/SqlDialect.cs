using ConnectorHub.Core.Storage;

namespace ConnectorHub.Core.Segments.Compilation;

/// <summary>
/// What differs between PostgreSQL (jsonb, timestamptz, arrays) and SQLite (JSON text, unix milliseconds) when a
/// rule compiles: how a JSON value reads as text, number or time, and how parameters are shaped.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect For(StorageProvider provider) => provider == StorageProvider.Postgres ? new PostgresDialect() : new SqliteDialect();

    /// <summary>The lower-cased text of a scalar JSON expression.</summary>
    public abstract string Text(string json);

    /// <summary>The number of a JSON expression, or NULL when it is not a number.</summary>
    public abstract string Number(string json);

    /// <summary>The time of a JSON string in ISO 8601, comparable with <see cref="Time"/> parameters, or NULL.</summary>
    public abstract string Date(string json);

    /// <summary>The JSON value at a property path of a JSON column (NULL when absent).</summary>
    public abstract string Property(string column, string pathParameter);

    /// <summary>The parameter value for a property path.</summary>
    public abstract object PropertyPath(IReadOnlyList<string> path);

    /// <summary>A time parameter as the store keeps times.</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>A number parameter that compares numerically with <see cref="Number"/>.</summary>
    public abstract object Decimal(decimal value);

    /// <summary><paramref name="expression"/> is one of the list parameter's values.</summary>
    public abstract string InList(string expression, string parameter);

    /// <summary>The text contains the parameter's text.</summary>
    public abstract string Contains(string text, string parameter);

    /// <summary>Applies settings a large set-based query needs inside the current transaction (PostgreSQL's work_mem).</summary>
    public abstract string? SessionSettings { get; }
}

internal sealed class PostgresDialect : SqlDialect
{
    public override string Text(string json) => $"lower({json} #>> '{{}}')";

    public override string Number(string json) => $"(CASE WHEN jsonb_typeof({json}) = 'number' THEN ({json} #>> '{{}}')::numeric END)";

    // The pattern guard keeps a free-text value from failing the cast (and so the whole refresh).
    public override string Date(string json) =>
        $"(CASE WHEN jsonb_typeof({json}) = 'string' AND ({json} #>> '{{}}') ~ '^\\d{{4}}-\\d{{2}}-\\d{{2}}([T ]\\d{{2}}:\\d{{2}}(:\\d{{2}}(\\.\\d+)?)?)?(Z|[+-]\\d{{2}}(:?\\d{{2}})?)?$' THEN ({json} #>> '{{}}')::timestamptz END)";

    public override string Property(string column, string pathParameter) => $"({column} #> {pathParameter})";

    public override object PropertyPath(IReadOnlyList<string> path) => path.ToArray();

    public override object Time(DateTimeOffset value) => value.ToUniversalTime();

    public override object Decimal(decimal value) => value;

    public override string InList(string expression, string parameter) => $"{expression} = ANY({parameter})";

    public override string Contains(string text, string parameter) => $"strpos({text}, {parameter}) > 0";

    // Lets NOT IN / IN over large id sets run as hashed subplans instead of per-row rescans.
    public override string? SessionSettings => "SET LOCAL work_mem = '256MB'";
}

internal sealed class SqliteDialect : SqlDialect
{
    // json_extract turns true/false into 1/0; keep them as the words, as PostgreSQL and search_value do.
    public override string Text(string json) =>
        $"lower(CASE WHEN json_type({json}) IN ('true', 'false') THEN json_type({json}) ELSE json_extract({json}, '$') END)";

    public override string Number(string json) => $"(CASE WHEN json_type({json}) IN ('integer', 'real') THEN json_extract({json}, '$') END)";

    // julianday reads ISO 8601 with offsets; rounding to whole milliseconds makes comparisons exact.
    public override string Date(string json) =>
        $"(CASE WHEN json_type({json}) = 'text' THEN CAST(round((julianday(json_extract({json}, '$')) - 2440587.5) * 86400000.0) AS INTEGER) END)";

    public override string Property(string column, string pathParameter) => $"({column} -> {pathParameter})";

    public override object PropertyPath(IReadOnlyList<string> path) => "$" + string.Concat(path.Select(p => ".\"" + p + "\""));

    public override object Time(DateTimeOffset value) => SqliteTime.Write(value);

    // SQLite binds decimal as text, which never compares equal to a number.
    public override object Decimal(decimal value) => (double)value;

    public override string InList(string expression, string parameter) => $"{expression} IN {parameter}";

    public override string Contains(string text, string parameter) => $"instr({text}, {parameter}) > 0";

    public override string? SessionSettings => null;
}
