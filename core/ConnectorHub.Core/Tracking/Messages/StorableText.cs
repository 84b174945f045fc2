using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectorHub.Core.Tracking.Messages;

/// <summary>
/// Lengths that keep every accepted event storable on both stores. PostgreSQL indexes ids, event names, trait names
/// and trait values, and one index entry holds at most 2,704 bytes: a longer value would fail the whole commit, so it
/// is refused up front, naming the field.
/// </summary>
internal static partial class StorableText
{
    /// <summary>User, anonymous, previous, group and message ids, external ids and the email trait.</summary>
    public const int MaxIdBytes = 1_000;

    /// <summary>Track event names and page or screen names.</summary>
    public const int MaxNameBytes = 1_000;

    /// <summary>Names of identify traits.</summary>
    public const int MaxTraitNameBytes = 200;

    /// <summary>The text of an identify trait's value (a string, number or boolean): profile traits are indexed for search.</summary>
    public const int MaxTraitValueBytes = 2_000;

    /// <summary>Why <paramref name="value"/> of <paramref name="field"/> is too long, or null.</summary>
    public static string? TooLong(string field, string? value, int max, string hint)
    {
        var bytes = value is null ? 0 : Encoding.UTF8.GetByteCount(value);
        return bytes <= max ? null : string.Create(CultureInfo.InvariantCulture, $"{field} is {bytes} bytes long; at most {max} bytes are stored ({hint}).");
    }

    /// <summary>Why an identify call's traits cannot all become profile traits, or null.</summary>
    public static string? TraitsError(JsonObject traits, string path)
    {
        foreach (var (name, value) in traits)
        {
            if (TooLong($"The trait name {path}.{Shorten(name)}", name, MaxTraitNameBytes, "trait names are indexed") is { } nameError)
            {
                return nameError;
            }

            var text = value is JsonValue scalar ? scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString() : null;
            var max = name == "email" ? MaxIdBytes : MaxTraitValueBytes;
            if (TooLong($"{path}.{name}", text, max, name == "email" ? "the email is an identifier" : "profile traits are indexed for search; send long text as a track property") is { } valueError)
            {
                return valueError;
            }
        }

        return null;
    }

    /// <summary>Why the <c>context.externalIds</c> entries cannot all become identifiers, or null.</summary>
    public static string? ExternalIdsError(JsonObject? context, string path)
    {
        if (context?["externalIds"] is not JsonArray ids)
        {
            return null;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is not JsonObject entry)
            {
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.context.externalIds[{i}]");
            if (entry["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && !IdentifierType().IsMatch(type.GetValue<string>()))
            {
                return $"{at}.type must be 1 to 100 letters, digits, '_', '.' or '-' (such as hubspot.contact_id).";
            }

            var id = entry["id"] is JsonValue v ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null;
            if (TooLong($"{at}.id", id, MaxIdBytes, "external ids are identifiers") is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string Shorten(string name) => name.Length > 40 ? name[..40] + "…" : name;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex IdentifierType();
}
