using System.Text.Json;
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
        if (fragment.Traits is { } t)
        {
            // Written field by field rather than through a JsonObject: this runs for every fragment of a bulk load.
            Add(traits, "first_name", t.FirstName, fragment);
            Add(traits, "last_name", t.LastName, fragment);
            Add(traits, "email", t.Email, fragment);
            Add(traits, "phone", t.Phone, fragment);
            AddJson(traits, "birthday", t.Birthday, fragment);
            Add(traits, "company", t.Company, fragment);
            Add(traits, "title", t.Title, fragment);
            AddJson(traits, "created_at", t.CreatedAt, fragment);
            AddJson(traits, "address", t.Address, fragment);
            foreach (var (name, value) in t.Custom ?? [])
            {
                if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    traits.Add(new TraitValue(name, value.GetRawText(), fragment.Source, fragment.ObservedAt));
                }
            }
        }

        if (fragment.Consent is { } consent)
        {
            AddJson(traits, ConsentPrefix + "email", consent.Email, fragment);
            AddJson(traits, ConsentPrefix + "sms", consent.Sms, fragment);
            AddJson(traits, ConsentPrefix + "ads", consent.Ads, fragment);
        }

        return traits;
    }

    /// <summary>The text a trait is searched by: a scalar's text, lower-cased; null for objects and arrays.</summary>
    public static string? SearchValue(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Length == 0 || json[0] is '{' or '['
            ? null
            : json[0] == '"' ? JsonSerializer.Deserialize<string>(json)!.ToLowerInvariant() : json.ToLowerInvariant();
    }

    private static void Add(List<TraitValue> traits, string name, string? value, ProfileFragment fragment)
    {
        if (value is not null)
        {
            traits.Add(new TraitValue(name, JsonSerializer.Serialize(value, CanonicalJson.Options), fragment.Source, fragment.ObservedAt));
        }
    }

    private static void AddJson<T>(List<TraitValue> traits, string name, T? value, ProfileFragment fragment)
    {
        if (value is not null)
        {
            traits.Add(new TraitValue(name, JsonSerializer.Serialize(value, CanonicalJson.Options), fragment.Source, fragment.ObservedAt));
        }
    }
}
