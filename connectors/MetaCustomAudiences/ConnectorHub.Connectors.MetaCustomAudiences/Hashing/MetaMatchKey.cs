namespace ConnectorHub.Connectors.MetaCustomAudiences.Hashing;

/// <summary>The customer-file schema keys this connector sends, in the column order it sends them.</summary>
internal static class MetaMatchKey
{
    public const string Email = "EMAIL";
    public const string Phone = "PHONE";
    public const string FirstName = "FN";
    public const string LastName = "LN";
    public const string City = "CT";
    public const string State = "ST";
    public const string Zip = "ZIP";
    public const string Country = "COUNTRY";
    public const string Gender = "GEN";
    public const string BirthYear = "DOBY";
    public const string BirthMonth = "DOBM";
    public const string BirthDay = "DOBD";
    public const string MobileAdvertiserId = "MADID";
    public const string ExternalId = "EXTERN_ID";

    /// <summary>Every key, in column order; a request's schema is the subset its rows use.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Email, Phone, FirstName, LastName, City, State, Zip, Country, Gender, BirthYear, BirthMonth, BirthDay, MobileAdvertiserId, ExternalId];

    /// <summary>Keys sent as they are (Meta does not want them hashed).</summary>
    public static bool IsUnhashed(string key) => key is MobileAdvertiserId or ExternalId;
}
