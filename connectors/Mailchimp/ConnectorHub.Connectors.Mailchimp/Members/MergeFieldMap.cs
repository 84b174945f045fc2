using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Mailchimp.Members;

/// <summary>
/// Which member value goes into which merge field, checked against the list's merge fields when a run opens, and
/// formatted for the field's type (birthday <c>MM/DD</c>, date <c>YYYY-MM-DD</c>, numbers as numbers).
/// </summary>
internal sealed class MergeFieldMap
{
    /// <summary>
    /// Used when the sync maps nothing: each applies only when the list has the merge field. PHONE is left out on
    /// purpose: a list's phone field may require US formatting, which would reject every international number.
    /// </summary>
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["first_name"] = "FNAME",
        ["last_name"] = "LNAME",
        ["birthday"] = "BIRTHDAY",
    };

    private readonly List<(string Source, string Tag, string Type)> _entries;

    private MergeFieldMap(List<(string, string, string)> entries) => _entries = entries;

    public IEnumerable<string> Tags => _entries.Select(e => e.Tag);

    /// <summary>Builds the map; a configured tag the list lacks is a configuration error.</summary>
    public static MergeFieldMap Build(IReadOnlyDictionary<string, string>? configured, IReadOnlyDictionary<string, string> listFieldTypes, string listId)
    {
        var fields = new Dictionary<string, string>(listFieldTypes, StringComparer.OrdinalIgnoreCase);
        var missing = configured?.Where(p => !fields.ContainsKey(p.Value)).Select(p => p.Value).ToList() ?? [];
        if (missing.Count > 0)
        {
            throw new ConfigurationException(
                $"The sync setting 'merge_fields' maps to {string.Join(", ", missing)}, which list {listId} does not have " +
                $"(it has {string.Join(", ", fields.Keys)}). Create the field in Mailchimp (Audience > Settings > Audience fields) or fix the mapping.");
        }

        var entries = (configured ?? Defaults)
            .Where(p => fields.ContainsKey(p.Value))
            .Select(p => (p.Key, p.Value, fields[p.Value]))
            .ToList();
        return new MergeFieldMap(entries);
    }

    /// <summary>The merge field values for <paramref name="member"/>; absent values are left out, never blanked.</summary>
    public JsonObject Values(AudienceMember member)
    {
        var values = new JsonObject();
        foreach (var (source, tag, type) in _entries)
        {
            if (Format(Source(member, source), type) is { } value)
            {
                values[tag] = value;
            }
        }

        return values;
    }

    private static JsonNode? Source(AudienceMember member, string name) => name switch
    {
        "first_name" => member.FirstName,
        "last_name" => member.LastName,
        "phone" => member.Phone.Count > 0 ? member.Phone[0] : null,
        "email" => member.Email.Count > 0 ? member.Email[0] : null,
        "city" => member.City,
        "state" => member.State,
        "postal_code" => member.PostalCode,
        "country" => member.Country,
        "birthday" => member.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "external_id" => member.ExternalId,
        _ => member.Traits?[name.StartsWith("traits.", StringComparison.Ordinal) ? name[7..] : name]?.DeepClone(),
    };

    private static JsonNode? Format(JsonNode? value, string type)
    {
        if (value is JsonObject or JsonArray)
        {
            return type == "address" && value is JsonObject ? value : null;
        }

        var text = value is JsonValue v ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return type switch
        {
            "number" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : null,
            "birthday" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("MM/dd", CultureInfo.InvariantCulture) : text,
            "address" => null,
            _ => text,
        };
    }
}
