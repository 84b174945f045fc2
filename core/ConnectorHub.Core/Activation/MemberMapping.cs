using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Activation;

/// <summary>An <see cref="ActivationMapping"/> checked and ready: builds the <see cref="AudienceMember"/> of a profile.</summary>
internal sealed class MemberMapping
{
    /// <summary>The sources used when an activation names none for a field.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["email"] = "identifier:email|trait:email",
        ["phone"] = "identifier:phone|trait:phone",
        ["first_name"] = "trait:first_name",
        ["last_name"] = "trait:last_name",
        ["city"] = "trait:address.city",
        ["state"] = "trait:address.state",
        ["postal_code"] = "trait:address.postal_code",
        ["country"] = "trait:address.country",
        ["birthday"] = "trait:birthday",
        ["gender"] = "trait:gender",
        ["external_id"] = "identifier:user_id",
        ["maid"] = "identifier:maid",
    };

    private readonly Dictionary<string, MemberSource[]> _fields;
    private readonly IReadOnlyList<string> _traits;

    private MemberMapping(Dictionary<string, MemberSource[]> fields, IReadOnlyList<string> traits)
    {
        _fields = fields;
        _traits = traits;
    }

    /// <summary>Checks <paramref name="mapping"/>; every problem is named with its field in <paramref name="errors"/>.</summary>
    public static MemberMapping Compile(ActivationMapping mapping, ValidationErrors errors)
    {
        var fields = new Dictionary<string, MemberSource[]>(StringComparer.Ordinal);
        var merged = new Dictionary<string, string>(Defaults, StringComparer.Ordinal);
        foreach (var (field, sources) in mapping.Fields)
        {
            if (!Defaults.ContainsKey(field))
            {
                errors.Add($"mapping.fields.{field}", $"'{field}' is not an audience member field. Use one of: {string.Join(", ", Defaults.Keys)}.");
                continue;
            }

            merged[field] = sources ?? string.Empty;
        }

        foreach (var (field, text) in merged.Where(f => f.Value.Trim().Length > 0))
        {
            var parsed = text.Split('|').Select(s => (Text: s, Source: MemberSource.Parse(s))).ToArray();
            foreach (var bad in parsed.Where(p => p.Source is null))
            {
                errors.Add($"mapping.fields.{field}", $"'{bad.Text.Trim()}' is not a source. Write identifier:<type> (e.g. identifier:email) or trait:<name> (e.g. trait:address.city).");
            }

            fields[field] = parsed.Where(p => p.Source is not null).Select(p => p.Source!).ToArray();
        }

        foreach (var trait in mapping.Traits.Where(string.IsNullOrWhiteSpace))
        {
            errors.Add("mapping.traits", "A trait name is empty. List trait names such as plan or lifetime_value.");
        }

        return new MemberMapping(fields, mapping.Traits.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The member of <paramref name="profile"/>: identifiers normalized as stored, never hashed (destinations hash).</summary>
    public AudienceMember Build(ProfileData profile)
    {
        JsonObject? traits = null;
        foreach (var name in _traits)
        {
            if (new MemberSource(false, name).Trait(profile) is { } value)
            {
                traits ??= [];
                traits[name] = JsonNode.Parse(value.GetRawText());
            }
        }

        return new AudienceMember
        {
            Email = List(profile, "email"),
            Phone = List(profile, "phone"),
            FirstName = Single(profile, "first_name"),
            LastName = Single(profile, "last_name"),
            City = Single(profile, "city"),
            State = Single(profile, "state"),
            PostalCode = Single(profile, "postal_code"),
            Country = Single(profile, "country"),
            Birthday = DateOnly.TryParseExact(Single(profile, "birthday"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthday) ? birthday : null,
            Gender = Single(profile, "gender"),
            ExternalId = Single(profile, "external_id"),
            Maid = List(profile, "maid"),
            Traits = traits,
            Consent = profile.Consent("email") is null && profile.Consent("sms") is null && profile.Consent("ads") is null
                ? null
                : new Consent { Email = profile.Consent("email"), Sms = profile.Consent("sms"), Ads = profile.Consent("ads") },
        };
    }

    private string[] List(ProfileData profile, string field) =>
        _fields.TryGetValue(field, out var sources)
            ? sources.Select(s => s.Read(profile)).FirstOrDefault(v => v.Count > 0)?.Distinct(StringComparer.Ordinal).ToArray() ?? []
            : [];

    private string? Single(ProfileData profile, string field) => List(profile, field).FirstOrDefault();
}
