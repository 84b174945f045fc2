namespace ConnectorHub.Sandbox.HubSpot.Objects;

/// <summary>How a property's string value compares in search filters and sorts.</summary>
internal enum CrmPropertyKind
{
    /// <summary>Text, compared case-insensitively.</summary>
    Text,

    /// <summary>A number written as a string.</summary>
    Number,

    /// <summary>A timestamp (ISO 8601 on output; filters accept epoch milliseconds or ISO 8601).</summary>
    DateTime,

    /// <summary>A calendar date such as <c>1985-03-14</c>.</summary>
    Date,
}
