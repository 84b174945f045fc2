using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Sdk.Destinations;

/// <summary>Reads and writes the JSON form of <see cref="AudienceMember"/> by hand, so errors name the field.</summary>
internal static class AudienceMemberJson
{
    private const string DateFormat = "yyyy-MM-dd";

    public static AudienceMember Read(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new AudienceMember
        {
            Email = ReadList(data, "email"),
            Phone = ReadList(data, "phone"),
            FirstName = ReadString(data, "first_name"),
            LastName = ReadString(data, "last_name"),
            City = ReadString(data, "city"),
            State = ReadString(data, "state"),
            PostalCode = ReadString(data, "postal_code"),
            Country = ReadString(data, "country"),
            Birthday = ReadDate(data, "birthday"),
            Gender = ReadString(data, "gender"),
            ExternalId = ReadString(data, "external_id"),
            Maid = ReadList(data, "maid"),
            Traits = data["traits"] switch
            {
                null => null,
                JsonObject traits => (JsonObject)traits.DeepClone(),
                _ => throw WrongType("traits", "an object"),
            },
            Tags = ReadList(data, "tags"),
            Consent = ReadConsent(data),
        };
    }

    public static JsonObject Write(AudienceMember member)
    {
        var json = new JsonObject();
        WriteList(json, "email", member.Email);
        WriteList(json, "phone", member.Phone);
        WriteString(json, "first_name", member.FirstName);
        WriteString(json, "last_name", member.LastName);
        WriteString(json, "city", member.City);
        WriteString(json, "state", member.State);
        WriteString(json, "postal_code", member.PostalCode);
        WriteString(json, "country", member.Country);
        WriteString(json, "birthday", member.Birthday?.ToString(DateFormat, CultureInfo.InvariantCulture));
        WriteString(json, "gender", member.Gender);
        WriteString(json, "external_id", member.ExternalId);
        WriteList(json, "maid", member.Maid);
        if (member.Traits is not null)
        {
            json["traits"] = member.Traits.DeepClone();
        }

        WriteList(json, "tags", member.Tags);
        if (member.Consent is { } consent)
        {
            json["consent"] = new JsonObject { ["email"] = consent.Email, ["sms"] = consent.Sms, ["ads"] = consent.Ads };
        }

        return json;
    }

    private static string? ReadString(JsonObject data, string name) => data[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => throw WrongType(name, "a string"),
    };

    private static string[] ReadList(JsonObject data, string name) => data[name] switch
    {
        null => [],
        JsonArray array => array.Select((item, i) => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw WrongType($"{name}[{i}]", "a string"))
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .ToArray(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetValue<string>()) ? [] : [v.GetValue<string>()],
        _ => throw WrongType(name, "an array of strings"),
    };

    private static DateOnly? ReadDate(JsonObject data, string name)
    {
        var text = ReadString(data, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"The audience member field '{name}' must be a date written {DateFormat}; got '{text}'.");
    }

    private static Consent? ReadConsent(JsonObject data) => data["consent"] switch
    {
        null => null,
        JsonObject consent => new Consent
        {
            Email = ReadFlag(consent, "email"),
            Sms = ReadFlag(consent, "sms"),
            Ads = ReadFlag(consent, "ads"),
        },
        _ => throw WrongType("consent", "an object with email, sms and ads booleans"),
    };

    private static bool? ReadFlag(JsonObject consent, string name) => consent[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw WrongType($"consent.{name}", "true, false or null"),
    };

    private static void WriteString(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void WriteList(JsonObject json, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            json[name] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
    }

    private static FormatException WrongType(string name, string expected) =>
        new($"The audience member field '{name}' must be {expected}. Fix the sync's mapping so it produces the AudienceMember shape.");
}
