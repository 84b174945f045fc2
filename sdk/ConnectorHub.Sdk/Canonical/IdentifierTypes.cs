namespace ConnectorHub.Sdk.Canonical;

/// <summary>The standard identifier types. Per-source ids use <c>{source}.{name}</c>, such as <c>hubspot.contact_id</c>.</summary>
public static class IdentifierTypes
{
    /// <summary>An email address, trimmed and lower-cased.</summary>
    public const string Email = "email";

    /// <summary>A phone number in E.164.</summary>
    public const string Phone = "phone";

    /// <summary>The id the customer's own systems give a known user.</summary>
    public const string UserId = "user_id";

    /// <summary>A device or browser id for a not-yet-known visitor.</summary>
    public const string AnonymousId = "anonymous_id";

    /// <summary>A Google Ads click id.</summary>
    public const string Gclid = "gclid";

    /// <summary>A Meta click id.</summary>
    public const string Fbclid = "fbclid";

    /// <summary>A mobile advertising id (IDFA, GAID).</summary>
    public const string Maid = "maid";
}
