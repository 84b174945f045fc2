using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping;

/// <summary>The result of mapping one record: the canonical entity, a skip, or a rejection with its errors.</summary>
public sealed record MappingOutcome
{
    private MappingOutcome(MappingStatus status, JsonObject? entity, IReadOnlyList<MappingError> errors)
    {
        Status = status;
        Entity = entity;
        Errors = errors;
    }

    /// <summary>What became of the record.</summary>
    public MappingStatus Status { get; }

    /// <summary>The canonical entity, when <see cref="Status"/> is <see cref="MappingStatus.Mapped"/>.</summary>
    public JsonObject? Entity { get; }

    /// <summary>Why the record was rejected; empty otherwise.</summary>
    public IReadOnlyList<MappingError> Errors { get; }

    /// <summary>Whether the record mapped to a valid entity.</summary>
    public bool IsMapped => Status == MappingStatus.Mapped;

    internal static MappingOutcome Skipped { get; } = new(MappingStatus.Skipped, null, []);

    internal static MappingOutcome Mapped(JsonObject entity) => new(MappingStatus.Mapped, entity, []);

    internal static MappingOutcome Rejected(IReadOnlyList<MappingError> errors) => new(MappingStatus.Rejected, null, errors);
}
