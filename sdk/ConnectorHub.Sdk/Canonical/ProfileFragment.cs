namespace ConnectorHub.Sdk.Canonical;

/// <summary>What one source knows about one person at one time (schema <c>profile-fragment.schema.json</c>).</summary>
public sealed record ProfileFragment
{
    /// <summary>The connection or source that observed it.</summary>
    public required string Source { get; init; }

    /// <summary>The source record's stable key.</summary>
    public string? RecordKey { get; init; }

    /// <summary>When the source observed these values (event time, not arrival time).</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>The person's identifiers; at least one.</summary>
    public required IReadOnlyList<Identifier> Identifiers { get; init; }

    /// <summary>Standard and custom traits.</summary>
    public ProfileTraits? Traits { get; init; }

    /// <summary>Consent per channel.</summary>
    public Consent? Consent { get; init; }
}
