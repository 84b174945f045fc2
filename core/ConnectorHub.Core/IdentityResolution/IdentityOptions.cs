namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// Identity resolution settings (section <c>ConnectorHub:Identity</c>), validated at start. Identifier types are
/// configuration: each has a priority, a limit per profile and blocked value patterns; a type key may hold <c>*</c>
/// wildcards (<c>*.contact_id</c> covers <c>hubspot.contact_id</c>). The defaults follow Segment's.
/// </summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Identity";

    /// <summary>Rules per identifier type (or wildcard pattern). Configured entries add to or override the defaults.</summary>
    public Dictionary<string, IdentifierRule> Types { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user_id"] = new() { Priority = 1, Limit = 1 },
        ["email"] = new() { Priority = 2, Limit = 5 },
        ["phone"] = new() { Priority = 3, Limit = 5 },
        ["*.contact_id"] = new() { Priority = 4, Limit = 5 },
        ["*.customer_id"] = new() { Priority = 4, Limit = 5 },
        ["*.*"] = new() { Priority = 5, Limit = 5 },
        ["maid"] = new() { Priority = 6, Limit = 5 },
        ["gclid"] = new() { Priority = 7, Limit = 25 },
        ["fbclid"] = new() { Priority = 7, Limit = 25 },
        ["anonymous_id"] = new() { Priority = 8, Limit = 50 },
    };

    /// <summary>The rule of a type that no entry of <see cref="Types"/> matches. Default: priority 9, limit 10.</summary>
    public IdentifierRule DefaultRule { get; set; } = new() { Priority = 9, Limit = 10 };

    /// <summary>
    /// Whether the built-in placeholder values never link (<c>null</c>, <c>undefined</c>, <c>anonymous</c>,
    /// <c>unknown</c>, <c>n/a</c>, <c>-1</c>, <c>0</c>, all zeros, empty, ...). Default true.
    /// </summary>
    public bool UseBuiltInBlockedValues { get; set; } = true;

    /// <summary>Further values that never link, whatever their type, compared ignoring case (e.g. <c>support@company.com</c>).</summary>
    public List<string> BlockedValues { get; set; } = [];

    /// <summary>
    /// Which source wins a trait, per trait name, strongest first (e.g. <c>first_name: [hubspot, salesforce]</c>);
    /// the key <c>*</c> applies to traits not listed. Sources not named rank below named ones. Among equals the value
    /// observed last (by observation time, not arrival) wins. Consent traits are named <c>consent.email</c>,
    /// <c>consent.sms</c> and <c>consent.ads</c>.
    /// </summary>
    public Dictionary<string, List<string>> TraitSourcePriority { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Fragments resolved per database transaction, at most. Default 25,000: on PostgreSQL 1,000,000 fragments resolve
    /// about 1.3x faster in batches of 25,000 than of 10,000 (fewer round trips per fragment); a sync hands the hub at
    /// most its own batch (<c>ConnectorHub:Runner:BatchSize</c>) at a time anyway.
    /// </summary>
    public int BatchSize { get; set; } = 25_000;

    /// <summary>
    /// Batches of one call resolved at once on PostgreSQL, each in its own transaction (the identity locks keep
    /// overlapping batches apart), so one batch's round trips overlap another's work. SQLite has one writer: always 1
    /// there. Default 2.
    /// </summary>
    public int ConcurrentBatches { get; set; } = 2;
}
