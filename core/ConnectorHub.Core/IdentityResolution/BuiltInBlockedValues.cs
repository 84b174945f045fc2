using System.Text.RegularExpressions;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// Placeholder values that systems write where they have no identifier. Linking on them would merge strangers, so
/// they never link (switch off with <c>ConnectorHub:Identity:UseBuiltInBlockedValues=false</c>).
/// </summary>
internal static partial class BuiltInBlockedValues
{
    /// <summary>The exact values, compared ignoring case.</summary>
    public static readonly IReadOnlySet<string> Values = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "", "null", "nil", "none", "undefined", "anonymous", "unknown", "n/a", "na", "-1", "0", "nan", "[object object]",
        "00000000-0000-0000-0000-000000000000",
    };

    public static bool IsBlocked(string value) => Values.Contains(value) || OnlyZeros().IsMatch(value);

    /// <summary>All zeros, with separators: <c>000000</c>, <c>+00 000</c>, <c>0000-0000</c>.</summary>
    [GeneratedRegex(@"^\+?[0\s.\-:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyZeros();
}
