using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Destinations;

/// <summary>What one writer writes to.</summary>
public sealed record WriteRequest
{
    /// <summary>The destination object, for example <c>profiles</c> or an audience's name.</summary>
    public required string Stream { get; init; }

    /// <summary>How records are applied.</summary>
    public DestinationSyncMode Mode { get; init; } = DestinationSyncMode.Append;

    /// <summary>Per-sync target settings (for example the audience or list id), validated by the connector.</summary>
    public JsonObject Settings { get; init; } = [];
}
