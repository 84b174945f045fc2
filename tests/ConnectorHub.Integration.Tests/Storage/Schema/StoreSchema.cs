namespace ConnectorHub.Integration.Tests.Storage.Schema;

/// <summary>
/// A schema reduced to what the hub's descriptions of it must agree on: tables, their columns (type class and
/// nullability), primary keys and indexes (columns with their order, uniqueness, and the partial index predicate).
/// Names of indexes are left out: the constraint indexes of UNIQUE columns are named differently by each database.
/// </summary>
/// <param name="Source">Where the schema was read (for messages).</param>
/// <param name="Tables">The tables by name.</param>
internal sealed record StoreSchema(string Source, IReadOnlyDictionary<string, TableSchema> Tables);

/// <summary>One table.</summary>
internal sealed record TableSchema(
    string Name,
    IReadOnlyDictionary<string, ColumnSchema> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlySet<IndexSchema> Indexes);

/// <summary>One column.</summary>
internal sealed record ColumnSchema(string Name, TypeClass Type, bool Nullable, string StoreType);

/// <summary>
/// One index other than the primary key's: its columns (<c>name</c> or <c>name desc</c>), whether it is unique, and
/// its predicate when partial, normalised (lower case, no casts, parentheses or extra spaces).
/// </summary>
internal sealed record IndexSchema(string Columns, bool Unique, string? Predicate)
{
    public override string ToString() => $"{(Unique ? "unique " : string.Empty)}({Columns}){(Predicate is null ? string.Empty : $" where {Predicate}")}";

    public static string? NormalisePredicate(string? predicate) => predicate is null
        ? null
        : System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(predicate, @"::[a-z ]+|[()""]", string.Empty), @"\s+", " ").Trim().ToLowerInvariant();
}

/// <summary>What kind of value a column holds, whatever the database calls its type.</summary>
internal enum TypeClass
{
    Text,
    Integer,
    Real,
    Decimal,
    Bool,
    Timestamp,
    Date,
    Uuid,
    Blob,
    Json,
}

/// <summary>How types map between the stores.</summary>
internal static class TypeClasses
{
    /// <summary>The class of a PostgreSQL type (<c>udt_name</c> from information_schema, or EF's store type).</summary>
    public static TypeClass OfPostgres(string type) => type.ToLowerInvariant() switch
    {
        "text" or "varchar" or "character varying" or "bpchar" or "character" or "citext" => TypeClass.Text,
        "int2" or "int4" or "int8" or "smallint" or "integer" or "bigint" => TypeClass.Integer,
        "float4" or "float8" or "real" or "double precision" => TypeClass.Real,
        "numeric" or "decimal" => TypeClass.Decimal,
        "bool" or "boolean" => TypeClass.Bool,
        "timestamptz" or "timestamp" or "timestamp with time zone" or "timestamp without time zone" => TypeClass.Timestamp,
        "date" => TypeClass.Date,
        "uuid" => TypeClass.Uuid,
        "bytea" => TypeClass.Blob,
        "json" or "jsonb" => TypeClass.Json,
        var other when other.StartsWith("numeric(", StringComparison.Ordinal) => TypeClass.Decimal,
        var other when other.StartsWith("character varying(", StringComparison.Ordinal) => TypeClass.Text,
        var other => throw new NotSupportedException($"No type class for the PostgreSQL type '{other}': add it to TypeClasses."),
    };

    /// <summary>The class of a SQLite declared type, by SQLite's affinity rules (sqlite.org/datatype3.html, 3.1).</summary>
    public static TypeClass OfSqlite(string declared)
    {
        var type = declared.ToUpperInvariant();
        return type.Contains("INT", StringComparison.Ordinal) ? TypeClass.Integer
            : type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) ? TypeClass.Text
            : type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal) ? TypeClass.Blob
            : type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal) ? TypeClass.Real
            : TypeClass.Decimal;
    }

    /// <summary>
    /// What SQLite stores for a PostgreSQL class, by the hub's conventions: booleans and timestamps (UTC unix
    /// milliseconds) as integers, uuids, dates (ISO) and JSON as text.
    /// </summary>
    public static TypeClass InSqlite(TypeClass postgres) => postgres switch
    {
        TypeClass.Bool or TypeClass.Timestamp => TypeClass.Integer,
        TypeClass.Uuid or TypeClass.Date or TypeClass.Json => TypeClass.Text,
        var same => same,
    };
}
