using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Schemas;

namespace ConnectorHub.Core.Mapping.Validation;

/// <summary>
/// Validates mapped entities against the canonical schema (<see cref="CanonicalSchemas.Validate"/>), with a compiled
/// fast path for the common case of a valid entity: only an entity the fast path cannot vouch for goes through the
/// full validator, which decides and words the errors.
/// </summary>
internal static class CanonicalValidator
{
    private static readonly ConcurrentDictionary<CanonicalEntityType, SchemaCheck?> Checks = new();

    public static IReadOnlyList<SchemaViolation> Validate(CanonicalEntityType type, JsonObject entity)
    {
        var check = Checks.GetOrAdd(type, static t => SchemaCheckBuilder.TryBuild(CanonicalSchemas.Schema(t)));
        return check is not null && check.IsCertainlyValid(entity) ? [] : CanonicalSchemas.Validate(type, entity);
    }
}
