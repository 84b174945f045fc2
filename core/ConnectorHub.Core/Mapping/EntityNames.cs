using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Mapping;

/// <summary>The names of canonical entities in mapping files: profile_fragment, event, order, ad_performance, account.</summary>
public static class EntityNames
{
    /// <summary>The names, as written in mapping files.</summary>
    public static IReadOnlyList<string> All { get; } = ["profile_fragment", "event", "order", "ad_performance", "account"];

    /// <summary>The name of <paramref name="type"/> as mapping files and canonical envelopes write it.</summary>
    public static string Of(CanonicalEntityType type) => type switch
    {
        CanonicalEntityType.ProfileFragment => "profile_fragment",
        CanonicalEntityType.Event => "event",
        CanonicalEntityType.Order => "order",
        CanonicalEntityType.AdPerformance => "ad_performance",
        CanonicalEntityType.Account => "account",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown canonical entity type."),
    };

    /// <summary>Reads an entity name (snake_case, kebab-case or PascalCase, any case).</summary>
    public static bool TryParse(string name, out CanonicalEntityType type)
    {
        var key = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();
        return Enum.TryParse(key, ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
