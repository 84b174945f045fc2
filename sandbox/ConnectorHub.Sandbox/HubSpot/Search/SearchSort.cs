namespace ConnectorHub.Sandbox.HubSpot.Search;

/// <summary>One sort rule: a property and a direction.</summary>
internal sealed record SearchSort(string PropertyName, bool Descending);
