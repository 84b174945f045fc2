using System.Text.RegularExpressions;

namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>
/// The customer-file schema keys Meta accepts, and what a valid value of each looks like: SHA-256 lowercase hex
/// for hashed keys, raw values for EXTERN_ID and app/page-scoped ids, a lower-case UUID for MADID.
/// </summary>
internal static partial class MatchKeys
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["EMAIL_SHA256"] = "EMAIL",
        ["PHONE_SHA256"] = "PHONE",
        ["MOBILE_ADVERTISER_ID"] = "MADID",
    };

    private static readonly HashSet<string> Hashed = new(StringComparer.Ordinal)
    {
        "EMAIL", "PHONE", "FN", "LN", "FI", "GEN", "DOBY", "DOBM", "DOBD", "CT", "ST", "ZIP", "COUNTRY",
    };

    /// <summary>Keys that identify a person on their own (rows sharing one of them are the same person).</summary>
    private static readonly HashSet<string> Identities = new(StringComparer.Ordinal) { "EMAIL", "PHONE", "MADID", "EXTERN_ID", "APPUID", "PAGEUID" };

    /// <summary>Columns that carry options, not identifiers; their values are not checked.</summary>
    private static readonly HashSet<string> OptionColumns = new(StringComparer.Ordinal)
    {
        "DATA_PROCESSING_OPTIONS", "DATA_PROCESSING_OPTIONS_COUNTRY", "DATA_PROCESSING_OPTIONS_STATE", "LOOKALIKE_VALUE",
    };

    /// <summary>The key a schema entry stands for (<c>EMAIL_SHA256</c> is <c>EMAIL</c>).</summary>
    public static string Canonical(string key) => Aliases.GetValueOrDefault(key, key);

    public static bool IsKnown(string key) =>
        Hashed.Contains(Canonical(key)) || Identities.Contains(Canonical(key)) || OptionColumns.Contains(key);

    public static bool IsOption(string key) => OptionColumns.Contains(key);

    public static bool IsIdentity(string canonicalKey) => Identities.Contains(canonicalKey);

    /// <summary>Whether a non-empty value is acceptable for the key, as Meta checks uploads.</summary>
    public static bool IsValidValue(string key, string value)
    {
        var canonical = Canonical(key);
        if (Hashed.Contains(canonical))
        {
            return Sha256Hex().IsMatch(value);
        }

        return canonical == "MADID" ? LowerCaseUuid().IsMatch(value) : value.Trim().Length > 0;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex LowerCaseUuid();
}
