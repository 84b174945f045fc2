using System.Text.Json;

namespace ConnectorHub.Core.Activation;

/// <summary>One place a member field's value comes from: an identifier type or a trait (with a path into it).</summary>
internal sealed record MemberSource(bool IsIdentifier, string Name)
{
    public const string IdentifierPrefix = "identifier:";
    public const string TraitPrefix = "trait:";

    /// <summary>Parses <c>identifier:email</c> or <c>trait:address.city</c>; null when it is neither.</summary>
    public static MemberSource? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith(IdentifierPrefix, StringComparison.Ordinal) && trimmed.Length > IdentifierPrefix.Length)
        {
            return new MemberSource(true, trimmed[IdentifierPrefix.Length..]);
        }

        return trimmed.StartsWith(TraitPrefix, StringComparison.Ordinal) && trimmed.Length > TraitPrefix.Length
            ? new MemberSource(false, trimmed[TraitPrefix.Length..])
            : null;
    }

    /// <summary>The values this source holds for <paramref name="profile"/> (several for identifiers and array traits).</summary>
    public IReadOnlyList<string> Read(ProfileData profile)
    {
        if (IsIdentifier)
        {
            return profile.Identifiers[Name].ToArray();
        }

        return Trait(profile) switch
        {
            { ValueKind: JsonValueKind.String } s => string.IsNullOrWhiteSpace(s.GetString()) ? [] : [s.GetString()!],
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => [v.GetRawText()],
            { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).Where(s => s.Length > 0).ToArray(),
            _ => [],
        };
    }

    /// <summary>The trait's value: the whole name first (traits may hold dots), else the first segment and a path into it.</summary>
    public JsonElement? Trait(ProfileData profile)
    {
        if (profile.Traits.TryGetValue(Name, out var whole))
        {
            return whole;
        }

        var parts = Name.Split('.');
        if (parts.Length < 2 || !profile.Traits.TryGetValue(parts[0], out var current))
        {
            return null;
        }

        foreach (var part in parts.Skip(1))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    public override string ToString() => (IsIdentifier ? IdentifierPrefix : TraitPrefix) + Name;
}
