namespace ConnectorHub.Core.IdentityResolution;

/// <summary>How one identifier type takes part in identity resolution (<c>ConnectorHub:Identity:Types:{type}</c>).</summary>
public sealed class IdentifierRule
{
    /// <summary>
    /// 1 is the strongest. When a fragment would join profiles in a way that breaks a limit, it keeps the profile of its
    /// highest-priority identifier and drops the lower-priority identifiers that conflict.
    /// </summary>
    public int Priority { get; set; } = 10;

    /// <summary>The most values of this type one profile holds; 0 means no limit.</summary>
    public int Limit { get; set; }

    /// <summary>
    /// Values that never link anything, as regular expressions matched against the whole normalized value, ignoring
    /// case (for example <c>support@.*</c>).
    /// </summary>
    public List<string> Blocked { get; set; } = [];
}
