using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Canonical;

/// <summary>A B2B account and the people linked to it (schema <c>account.schema.json</c>).</summary>
public sealed record Account
{
    /// <summary>The account's id in its source.</summary>
    public required string AccountId { get; init; }

    /// <summary>The source that reported it.</summary>
    public required string Source { get; init; }

    /// <summary>When the source observed it.</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>Web domain, lower case.</summary>
    public string? Domain { get; init; }

    /// <summary>Company name.</summary>
    public string? Name { get; init; }

    /// <summary>Industry.</summary>
    public string? Industry { get; init; }

    /// <summary>Other account traits.</summary>
    public JsonObject? Traits { get; init; }

    /// <summary>Identifiers of the profiles linked to the account.</summary>
    public IReadOnlyList<Identifier>? Members { get; init; }
}
