using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Destinations.Hashing;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Hashing;

/// <summary>
/// The customer-file rows for one person: every value normalized per Meta's rules and SHA-256 hashed, except
/// EXTERN_ID and MADID. One row per email/phone/MADID (the first of each share the first row), each row carrying
/// the person's name, address, gender and birth date, so Meta can match on any of them. Nothing raw leaves this type.
/// </summary>
/// <param name="Rows">Schema key to the value to send, per row; empty when the person has no usable identifier.</param>
/// <param name="Problem">Why there are no rows, in words for the rejects store (never the values themselves).</param>
internal sealed record MatchRows(IReadOnlyList<IReadOnlyDictionary<string, string>> Rows, string? Problem)
{
    /// <summary>The most rows sent for one person; extra emails, phones or MADIDs beyond it are not sent.</summary>
    public const int MaxRowsPerMember = 10;

    public static MatchRows For(AudienceMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var emails = Distinct(member.Email.Select(MetaNormalizer.Email));
        var phones = Distinct(member.Phone.Select(phone => MetaNormalizer.Phone(phone, member.Country)));
        var maids = Distinct(member.Maid.Select(MetaNormalizer.MobileAdvertiserId));
        var shared = SharedFields(member);
        var byName = shared.ContainsKey(MetaMatchKey.FirstName) && shared.ContainsKey(MetaMatchKey.LastName)
            && (shared.ContainsKey(MetaMatchKey.Zip) || shared.ContainsKey(MetaMatchKey.City));
        if (emails.Count + phones.Count + maids.Count == 0 && !shared.ContainsKey(MetaMatchKey.ExternalId) && !byName)
        {
            return new MatchRows([], Describe(member));
        }

        var count = Math.Min(MaxRowsPerMember, Math.Max(1, Math.Max(emails.Count, Math.Max(phones.Count, maids.Count))));
        var rows = new List<IReadOnlyDictionary<string, string>>(count);
        for (var i = 0; i < count; i++)
        {
            var row = new Dictionary<string, string>(shared, StringComparer.Ordinal);
            AddAt(row, MetaMatchKey.Email, emails, i, hash: true);
            AddAt(row, MetaMatchKey.Phone, phones, i, hash: true);
            AddAt(row, MetaMatchKey.MobileAdvertiserId, maids, i, hash: false);
            rows.Add(row);
        }

        return new MatchRows(rows, null);
    }

    private static Dictionary<string, string> SharedFields(AudienceMember member)
    {
        var country = MetaNormalizer.Country(member.Country);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        AddHashed(fields, MetaMatchKey.FirstName, MetaNormalizer.Name(member.FirstName));
        AddHashed(fields, MetaMatchKey.LastName, MetaNormalizer.Name(member.LastName));
        AddHashed(fields, MetaMatchKey.City, MetaNormalizer.City(member.City));
        AddHashed(fields, MetaMatchKey.State, MetaNormalizer.State(member.State, country));
        AddHashed(fields, MetaMatchKey.Zip, MetaNormalizer.Zip(member.PostalCode, country));
        AddHashed(fields, MetaMatchKey.Country, country);
        AddHashed(fields, MetaMatchKey.Gender, MetaNormalizer.Gender(member.Gender));
        if (member.Birthday is { } birthday && MetaNormalizer.BirthDate(birthday) is var (year, month, day))
        {
            AddHashed(fields, MetaMatchKey.BirthYear, year);
            AddHashed(fields, MetaMatchKey.BirthMonth, month);
            AddHashed(fields, MetaMatchKey.BirthDay, day);
        }

        if (MetaNormalizer.ExternalId(member.ExternalId) is { } externalId)
        {
            fields[MetaMatchKey.ExternalId] = externalId;
        }

        return fields;
    }

    private static void AddHashed(Dictionary<string, string> fields, string key, string? normalized)
    {
        if (normalized is not null)
        {
            fields[key] = IdentifierHashing.Sha256(normalized);
        }
    }

    private static void AddAt(Dictionary<string, string> row, string key, List<string> values, int index, bool hash)
    {
        if (index < values.Count)
        {
            row[key] = hash ? IdentifierHashing.Sha256(values[index]) : values[index];
        }
    }

    private static List<string> Distinct(IEnumerable<string?> values) => values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static string Describe(AudienceMember member)
    {
        var dropped = new List<string>();
        if (member.Email.Count > 0)
        {
            dropped.Add($"{member.Email.Count} email(s) not valid addresses");
        }

        if (member.Phone.Count > 0)
        {
            dropped.Add($"{member.Phone.Count} phone(s) without 7-15 digits");
        }

        if (member.Maid.Count > 0)
        {
            dropped.Add($"{member.Maid.Count} maid(s) not IDFA/GAID UUIDs");
        }

        var detail = dropped.Count > 0 ? $" ({string.Join(", ", dropped)})" : string.Empty;
        return "No usable identifier for Meta: the member needs a valid email, phone (E.164), maid or external_id, " +
               $"or first and last name with a postal code or city{detail}.";
    }
}
