using System.Text.Json;

namespace ConnectorHub.Core.Activation;

/// <summary>A profile's identifiers (by type, in a stable order) and surviving traits, as read for one activation page.</summary>
internal sealed record ProfileData(long ProfileId, ILookup<string, string> Identifiers, IReadOnlyDictionary<string, JsonElement> Traits)
{
    /// <summary>The consent flag <c>consent.<paramref name="name"/></c>, or null when unknown.</summary>
    public bool? Consent(string name) =>
        Traits.TryGetValue("consent." + name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
