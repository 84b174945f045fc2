namespace ConnectorHub.Sandbox.HubSpot.Search;

#pragma warning disable CA1707 // The members are HubSpot's operator names, as sent on the wire.

/// <summary>The filter operators of HubSpot's search (SDK <c>Filter.operator</c>).</summary>
internal enum FilterOperator
{
    EQ,
    NEQ,
    LT,
    LTE,
    GT,
    GTE,
    BETWEEN,
    IN,
    NOT_IN,
    HAS_PROPERTY,
    NOT_HAS_PROPERTY,
    CONTAINS_TOKEN,
    NOT_CONTAINS_TOKEN,
}
