using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Profiles;

/// <summary>The trait observations a fragment carries: each non-null standard or custom trait, and each known consent.</summary>
internal static class FragmentTraits
{
    /// <summary>The prefix of consent traits.</summary>
    public const string ConsentPrefix = "consent.";

    public static IReadOnlyList<TraitValue> Of(ProfileFragment fragment)
    {
        var traits = new List<TraitValue>();
        if (fragment.Traits is not null)
        {
            foreach (var (name, value) in CanonicalJson.ToJson(fragment.Traits))
            {
                if (value is not null && !(value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Null))
                {
                    traits.Add(new TraitValue(name, value.ToJsonString(), fragment.Source, fragment.ObservedAt));
                }
            }
        }

        if (fragment.Consent is { } consent)
        {
            Add(traits, "email", consent.Email, fragment);
            Add(traits, "sms", consent.Sms, fragment);
            Add(traits, "ads", consent.Ads, fragment);
        }

        return traits;
    }

    /// <summary>The text a trait is searched by: a scalar's text, lower-cased; null for objects and arrays.</summary>
    public static string? SearchValue(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Length == 0 || json[0] is '{' or '['
            ? null
            : json[0] == '"' ? System.Text.Json.JsonSerializer.Deserialize<string>(json)!.ToLowerInvariant() : json.ToLowerInvariant();
    }

    private static void Add(List<TraitValue> traits, string channel, bool? value, ProfileFragment fragment)
    {
        if (value is { } granted)
        {
            traits.Add(new TraitValue(ConsentPrefix + channel, granted ? "true" : "false", fragment.Source, fragment.ObservedAt));
        }
    }
}
