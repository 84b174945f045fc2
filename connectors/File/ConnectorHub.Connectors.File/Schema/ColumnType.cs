namespace ConnectorHub.Connectors.File.Schema;

/// <summary>The type of a CSV column, as inferred from a sample of its values.</summary>
internal enum ColumnType
{
    /// <summary>Text, read as it is.</summary>
    String,

    /// <summary>Whole numbers that fit in 64 bits, without leading zeros.</summary>
    Integer,

    /// <summary>Decimal numbers in JSON notation (no leading zeros, no plus sign, no thousands separators).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>, in any case.</summary>
    Boolean,

    /// <summary>RFC 3339 date-times with a time zone, kept as text.</summary>
    DateTime,
}
