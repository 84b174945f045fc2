using ConnectorHub.Core.Segments.Rules;
using Dapper;

namespace ConnectorHub.Core.Segments.Compilation;

/// <summary>Event and order conditions: a count (and spend) per profile, inside a window.</summary>
internal sealed partial class RuleCompiler
{
    private string Event(EventRule rule) =>
        Aggregate("events e", "e.profile_id", EventFilter(rule), Having(rule.Count, "count(*)"), rule.Count.Contains(0));

    /// <summary>The condition on <c>events e</c> that selects the rule's events: name, profile, window and property filters.</summary>
    public string EventFilter(EventRule rule)
    {
        var filters = rule.Where.Select(f => f.Test.Op == ValueOperator.Exists
            ? $"{_sql.Property("e.properties", Add(_sql.PropertyPath(f.Path)))} IS NOT NULL"
            : Property(f));
        return string.Join(" AND ", new[] { $"e.name = {Add(rule.Name)}", "e.profile_id IS NOT NULL", Window(rule.Window, "e.event_time") }.Concat(filters));
    }

    /// <summary>The JSON value of an event property, its path a new parameter.</summary>
    public string EventProperty(IReadOnlyList<string> path) => _sql.Property("e.properties", Add(_sql.PropertyPath(path)));

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Parameter(object value) => Add(value);

    /// <summary>The parameters added so far.</summary>
    public DynamicParameters Parameters => _parameters;

    private string Property(PropertyFilter filter)
    {
        // The property is read once per filter into a parameterized path; the text form is computed from the JSON.
        var json = _sql.Property("e.properties", Add(_sql.PropertyPath(filter.Path)));
        return Test(filter.Test, json, _sql.Text(json));
    }

    private string Orders(OrdersRule rule)
    {
        var where = "o.profile_id IS NOT NULL AND " + Window(rule.Window, "o.placed_at");
        var having = string.Join(" AND ", new[] { Having(rule.Count, "count(*)"), Having(rule.Spend, "sum(o.total)") }.Where(h => h != "TRUE"));
        return Aggregate("orders o", "o.profile_id", where, having.Length == 0 ? "TRUE" : having, rule.Count.Contains(0) && rule.Spend.Contains(0));
    }

    /// <summary>
    /// Profiles whose rows pass <paramref name="having"/>. When zero rows pass too (at most 2, exactly 0), profiles
    /// without any row belong as well, so the condition becomes "not among the profiles whose rows fail it".
    /// </summary>
    private static string Aggregate(string table, string profile, string where, string having, bool zeroMatches) => zeroMatches
        ? $"p.id NOT IN (SELECT {profile} FROM {table} WHERE {where} GROUP BY {profile} HAVING NOT ({having}))"
        : $"p.id IN (SELECT {profile} FROM {table} WHERE {where} GROUP BY {profile} HAVING {having})";

    private string Having(Bounds bounds, string aggregate) => string.Join(" AND ", new[]
    {
        bounds.AtLeast is { } low ? $"{aggregate} >= {Add(_sql.Decimal(low))}" : null,
        bounds.AtMost is { } high ? $"{aggregate} <= {Add(_sql.Decimal(high))}" : null,
    }.OfType<string>().DefaultIfEmpty("TRUE"));
}
