using System.Text.Json;

namespace ConnectorHub.Core.Segments.ComputedTraits;

/// <summary>Creates or changes a computed trait: its name (used in rules as <c>{"computedTrait": name}</c>) and definition.</summary>
public sealed record ComputedTraitRequest
{
    /// <summary>The name rules refer to; unique.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What it is for.</summary>
    public string? Description { get; init; }

    /// <summary>The definition: <c>{"kind":"count","event":"Order Completed","where":[...],"within":{"days":30}}</c>.</summary>
    public JsonElement Definition { get; init; }
}

/// <summary>A computed trait as stored.</summary>
public sealed record ComputedTraitView(long Id, string Name, string? Description, JsonElement Definition, DateTimeOffset? LastComputedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
