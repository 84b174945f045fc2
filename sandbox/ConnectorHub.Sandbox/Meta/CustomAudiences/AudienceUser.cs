namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>
/// One person in an emulated custom audience: every value uploaded for them, by canonical schema key
/// (<c>EMAIL</c>, <c>PHONE</c>, <c>FN</c>, ..., <c>EXTERN_ID</c>, <c>MADID</c>). Hashed keys hold SHA-256 hex.
/// </summary>
/// <param name="Values">The values per key.</param>
public sealed record AudienceUser(IReadOnlyDictionary<string, IReadOnlySet<string>> Values)
{
    /// <summary>Whether the person has <paramref name="value"/> for <paramref name="key"/>.</summary>
    public bool Has(string key, string value) => Values.TryGetValue(key, out var values) && values.Contains(value);

    /// <summary>The person's values for <paramref name="key"/> (empty when none).</summary>
    public IReadOnlySet<string> this[string key] => Values.TryGetValue(key, out var values) ? values : new HashSet<string>();
}
