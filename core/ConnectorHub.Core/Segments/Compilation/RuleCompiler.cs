using System.Globalization;
using System.Text.Json;
using ConnectorHub.Core.Segments.Rules;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Segments.Compilation;

/// <summary>
/// Compiles a rule tree to one parameterized SQL condition on the surviving profile <c>p.id</c>. Each condition is a
/// set-based subquery (<c>p.id IN (...)</c>); time windows are relative to <paramref name="now"/>, the refresh's clock,
/// passed as parameters. Another segment's rule is compiled inline, so a refresh never reads stale memberships.
/// </summary>
internal sealed partial class RuleCompiler(StorageProvider provider, DateTimeOffset now, RuleReferences references)
{
    private readonly SqlDialect _sql = SqlDialect.For(provider);
    private readonly DynamicParameters _parameters = new();
    private readonly Stack<long> _segments = new();
    private int _next;

    public CompiledRule Compile(RuleNode rule)
    {
        var where = Node(rule);
        return new CompiledRule(where, _parameters);
    }

    private string Node(RuleNode rule) => rule switch
    {
        AllRule all => "(" + string.Join(" AND ", all.Rules.Select(Node)) + ")",
        AnyRule any => "(" + string.Join(" OR ", any.Rules.Select(Node)) + ")",
        NotRule not => $"(NOT {Node(not.Rule)})",
        TraitRule trait => Trait(trait),
        ComputedTraitRule computed => Computed(computed),
        IdentifierPresentRule identifier => $"p.id IN (SELECT i.profile_id FROM profile_identifiers i WHERE i.type = {Add(identifier.Type)})",
        ConsentRule consent => $"p.id IN (SELECT t.profile_id FROM profile_traits t WHERE t.name = {Add("consent." + consent.Channel)} AND t.search_value = {Add(consent.Granted ? "true" : "false")})",
        EventRule e => Event(e),
        OrdersRule orders => Orders(orders),
        SegmentMembershipRule segment => Segment(segment),
        _ => throw new NotSupportedException($"No SQL for the rule {rule.GetType().Name}."),
    };

    private string Trait(TraitRule trait)
    {
        var test = trait.Test.Op == ValueOperator.Exists ? "TRUE" : Test(trait.Test, "t.value", "t.search_value");
        return $"p.id IN (SELECT t.profile_id FROM profile_traits t WHERE t.name = {Add(trait.Trait)} AND {test})";
    }

    private string Computed(ComputedTraitRule computed)
    {
        var id = references.ComputedTraitId(computed.Name);
        var test = computed.Test.Op == ValueOperator.Exists ? "TRUE" : Test(computed.Test, "v.value", "v.search_value");
        return $"p.id IN (SELECT v.profile_id FROM computed_trait_values v WHERE v.computed_trait_id = {Add(id)} AND {test})";
    }

    private string Segment(SegmentMembershipRule segment)
    {
        if (_segments.Contains(segment.SegmentId))
        {
            throw new InvalidOperationException($"The segment {segment.SegmentId} refers to itself through {string.Join(" → ", _segments.Reverse())}.");
        }

        _segments.Push(segment.SegmentId);
        var where = Node(references.SegmentRule(segment.SegmentId));
        _segments.Pop();
        return where;
    }

    /// <summary>
    /// A value test on a JSON expression (<paramref name="json"/>) whose lower-cased text may already be stored
    /// (<paramref name="text"/>, indexed with the name).
    /// </summary>
    private string Test(ValueTest test, string json, string text)
    {
        var operand = test.Values.Count > 0 ? test.Values[0] : default;
        return test.Op switch
        {
            ValueOperator.Equals => $"{text} = {Add(Lower(operand))}",
            ValueOperator.NotEquals => $"{text} <> {Add(Lower(operand))}",
            ValueOperator.Contains => _sql.Contains(text, Add(Lower(operand))),
            ValueOperator.StartsWith => $"substr({text}, 1, {Add(Lower(operand).Length)}) = {Add(Lower(operand))}",
            ValueOperator.Exists => $"{json} IS NOT NULL",
            ValueOperator.In => _sql.InList(text, Add(test.Values.Select(Lower).ToArray())),
            ValueOperator.GreaterThan => $"{_sql.Number(json)} > {Add(_sql.Decimal(operand.GetDecimal()))}",
            ValueOperator.LessThan => $"{_sql.Number(json)} < {Add(_sql.Decimal(operand.GetDecimal()))}",
            ValueOperator.Between => $"{_sql.Number(json)} BETWEEN {Add(_sql.Decimal(operand.GetDecimal()))} AND {Add(_sql.Decimal(test.Values[1].GetDecimal()))}",
            ValueOperator.Before => $"{_sql.Date(json)} < {Add(_sql.Time(Date(operand)))}",
            ValueOperator.After => $"{_sql.Date(json)} > {Add(_sql.Time(Date(operand)))}",
            ValueOperator.WithinLast => $"{_sql.Date(json)} BETWEEN {Add(_sql.Time(now.AddDays(-test.Days)))} AND {Add(_sql.Time(now))}",
            _ => throw new NotSupportedException($"No SQL for the operator {test.Op}."),
        };
    }

    /// <summary>A window on a time column: the last N days up to now (both included), or from (included) to (excluded).</summary>
    private string Window(TimeWindow? window, string column) => window switch
    {
        null => "TRUE",
        { Days: { } days } => $"{column} BETWEEN {Add(_sql.Time(now.AddDays(-days)))} AND {Add(_sql.Time(now))}",
        _ => string.Join(" AND ", new[]
        {
            window.From is { } from ? $"{column} >= {Add(_sql.Time(from))}" : null,
            window.To is { } to ? $"{column} < {Add(_sql.Time(to))}" : null,
        }.OfType<string>()),
    };

    private string Add(object value)
    {
        var name = "p" + _next++.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(name, value);
        return "@" + name;
    }

    private static string Lower(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.ToLowerInvariant(),
        _ => value.GetRawText().ToLowerInvariant(),
    };

    private static DateTimeOffset Date(JsonElement value) =>
        DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
