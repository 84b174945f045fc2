namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>The type a rule's value is coerced to (<c>type:</c>).</summary>
public enum TargetType
{
    /// <summary>Text (<c>string</c>); numbers and booleans become their text.</summary>
    Text,

    /// <summary>A decimal number; numeric text is parsed.</summary>
    Number,

    /// <summary>A whole number (<c>integer</c>).</summary>
    WholeNumber,

    /// <summary>true or false; also reads yes/no, y/n, on/off, 1/0.</summary>
    Boolean,

    /// <summary>An ISO 8601 date (2024-03-05).</summary>
    Date,

    /// <summary>An ISO 8601 date and time with its offset (2024-03-05T14:00:00+00:00).</summary>
    DateTime,
}
