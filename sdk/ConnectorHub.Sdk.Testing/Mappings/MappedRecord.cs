using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Testing.Mappings;

/// <summary>What a mapping made of one record: a canonical entity, a deliberate skip, or a rejection with its errors.</summary>
/// <param name="Entity">The canonical entity, when the record was mapped.</param>
/// <param name="Skipped">Whether the mapping skipped the record on purpose (its <c>when</c> did not hold).</param>
/// <param name="Errors">Why the record was rejected, when it was.</param>
public sealed record MappedRecord(JsonObject? Entity, bool Skipped, IReadOnlyList<string> Errors)
{
    /// <summary>A mapped record.</summary>
    public static MappedRecord Mapped(JsonObject entity) => new(entity, false, []);

    /// <summary>A record skipped on purpose.</summary>
    public static MappedRecord Skip() => new(null, true, []);

    /// <summary>A rejected record.</summary>
    public static MappedRecord Rejected(IReadOnlyList<string> errors) => new(null, false, errors);
}
