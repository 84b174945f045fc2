using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Sdk.Destinations;

/// <summary>
/// The shape of <see cref="DestinationRecord.Data"/> when the hub activates profiles or audience memberships to a
/// destination: one person, with identifiers and the traits activation commonly needs.
/// </summary>
/// <remarks>
/// <para>
/// Identifiers arrive <b>normalized but not hashed</b>: emails trimmed and lower-cased, phones in E.164
/// (<c>+15559876543</c>), the country as ISO 3166-1 alpha-2. Each destination applies its platform's own
/// normalization and hashing before anything leaves the process, so raw PII never goes to an ad platform.
/// </para>
/// <para>JSON form (names are exact; absent or null fields are unknown, empty arrays are left out):</para>
/// <code>
/// { "email": ["mary@example.com"], "phone": ["+15559876543"], "first_name": "Mary", "last_name": "Smith",
///   "city": "Menlo Park", "state": "CA", "postal_code": "94025", "country": "US", "birthday": "1990-07-04", "gender": "female",
///   "external_id": "crm-000123", "maid": ["6d92078a-8246-4ba4-ae5b-76104861e7dc"],
///   "traits": { "plan": "gold" }, "tags": ["vip"], "consent": { "email": true, "sms": false, "ads": true } }
/// </code>
/// </remarks>
public sealed record AudienceMember
{
    /// <summary>Email addresses, trimmed and lower-cased; the first is the primary one. JSON <c>email</c>.</summary>
    public IReadOnlyList<string> Email { get; init; } = [];

    /// <summary>Phone numbers in E.164 (<c>+15559876543</c>); the first is the primary one. JSON <c>phone</c>.</summary>
    public IReadOnlyList<string> Phone { get; init; } = [];

    /// <summary>Given name as the person writes it. JSON <c>first_name</c>.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name as the person writes it. JSON <c>last_name</c>.</summary>
    public string? LastName { get; init; }

    /// <summary>City. JSON <c>city</c>.</summary>
    public string? City { get; init; }

    /// <summary>State, province or region (a US state may be a code or a name). JSON <c>state</c>.</summary>
    public string? State { get; init; }

    /// <summary>Postal code. JSON <c>postal_code</c>.</summary>
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code (<c>US</c>). JSON <c>country</c>.</summary>
    public string? Country { get; init; }

    /// <summary>Date of birth. JSON <c>birthday</c>, written <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>
    /// Gender as the profile holds it (such as <c>female</c>, <c>m</c>); each destination maps it to its own codes and
    /// leaves out what it cannot map. JSON <c>gender</c>.
    /// </summary>
    public string? Gender { get; init; }

    /// <summary>The customer's id in the advertiser's own systems. JSON <c>external_id</c>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Mobile advertising ids (IDFA, GAID), lower-case with hyphens. JSON <c>maid</c>.</summary>
    public IReadOnlyList<string> Maid { get; init; } = [];

    /// <summary>Other traits by name (plan, lifetime value, ...), for destinations that map them. JSON <c>traits</c>.</summary>
    public JsonObject? Traits { get; init; }

    /// <summary>Tags or labels to apply at the destination. JSON <c>tags</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Consent per channel (email, sms, ads); null or a null channel means unknown. JSON <c>consent</c>.</summary>
    public Consent? Consent { get; init; }

    /// <summary>
    /// Reads a member from a record's <see cref="DestinationRecord.Data"/>. A single string is accepted where an
    /// array is expected; unknown top-level fields are ignored.
    /// </summary>
    /// <exception cref="FormatException">A field has the wrong type, or <c>birthday</c> is not <c>yyyy-MM-dd</c>; the message names the field.</exception>
    public static AudienceMember FromJson(JsonObject data) => AudienceMemberJson.Read(data);

    /// <summary>The JSON form of this member, for <see cref="DestinationRecord.Data"/>.</summary>
    public JsonObject ToJson() => AudienceMemberJson.Write(this);
}
