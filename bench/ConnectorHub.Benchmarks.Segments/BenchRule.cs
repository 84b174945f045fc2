namespace ConnectorHub.Benchmarks.Segments;

/// <summary>
/// A segment rule the benchmark refreshes, the same rule written by hand, and who would qualify but for their plan
/// (where the churn moves people in from).
/// </summary>
internal sealed record BenchRule(string Name, string Json, string HandWritten, string QualifiesButForPlan)
{
    /// <summary>Gold-plan people with two orders in the last 30 days: a few hundred members, an event aggregate.</summary>
    public static readonly BenchRule Buyers = new(
        "buyers",
        """{"all":[{"trait":"plan","op":"equals","value":"gold"},{"event":"Order Completed","count":{"atLeast":2},"within":{"days":30}}]}""",
        """
        SELECT t.profile_id AS id FROM profile_traits t JOIN profiles p ON p.id = t.profile_id AND p.merged_into IS NULL
        WHERE t.name = 'plan' AND t.search_value = 'gold'
          AND t.profile_id IN (SELECT e.profile_id FROM events e
                               WHERE e.name = 'Order Completed' AND e.event_time BETWEEN @since AND @now
                               GROUP BY e.profile_id HAVING count(*) >= 2)
        """,
        """
        SELECT e.profile_id FROM events e WHERE e.name = 'Order Completed' AND e.event_time BETWEEN @since AND @now
        GROUP BY e.profile_id HAVING count(*) >= 2
        """);

    /// <summary>Every gold-plan person: a quarter of the profiles are members, so the refresh's diff is large.</summary>
    public static readonly BenchRule Plan = new(
        "plan",
        """{"trait":"plan","op":"equals","value":"gold"}""",
        """
        SELECT t.profile_id AS id FROM profile_traits t JOIN profiles p ON p.id = t.profile_id AND p.merged_into IS NULL
        WHERE t.name = 'plan' AND t.search_value = 'gold'
        """,
        "SELECT id FROM profiles");

    public static BenchRule Named(string name) => name switch
    {
        "buyers" => Buyers,
        "plan" => Plan,
        _ => throw new ArgumentException($"No rule named '{name}': use buyers or plan.", nameof(name)),
    };
}
