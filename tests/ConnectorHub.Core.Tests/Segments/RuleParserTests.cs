using ConnectorHub.Core.Segments.ComputedTraits;
using ConnectorHub.Core.Segments.Rules;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Tests.Segments;

public sealed class RuleParserTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(string json) => Assert.Throws<HubValidationException>(() => RuleParser.Parse(json)).Errors;

    [Fact]
    public void Parse_ReadsEveryConditionKind()
    {
        var rule = RuleParser.Parse("""
            {"all":[
              {"trait":"plan","op":"equals","value":"gold"},
              {"any":[{"identifier":"email"},{"consent":"sms","granted":false}]},
              {"not":{"segment":7}},
              {"event":"Order Completed","where":[{"property":"order.total","op":"between","values":[10,20]}],"count":{"exactly":2},"within":{"days":30}},
              {"orders":{"spend":{"atLeast":100.5},"within":{"from":"2026-01-01T00:00:00Z"}}},
              {"computedTrait":"visits","op":"withinLast","days":3}
            ]}
            """);

        var all = Assert.IsType<AllRule>(rule);
        Assert.Equal("plan", Assert.IsType<TraitRule>(all.Rules[0]).Trait);
        Assert.Equal(new ConsentRule("sms", false), Assert.IsType<AnyRule>(all.Rules[1]).Rules[1]);
        Assert.Equal(new SegmentMembershipRule(7), Assert.IsType<NotRule>(all.Rules[2]).Rule);
        var e = Assert.IsType<EventRule>(all.Rules[3]);
        Assert.Equal((new Bounds(2, 2), new TimeWindow(30, null, null)), (e.Count, e.Window));
        Assert.Equal(["order", "total"], e.Where[0].Path);
        var orders = Assert.IsType<OrdersRule>(all.Rules[4]);
        Assert.Equal((Bounds.None, new Bounds(100.5m, null)), (orders.Count, orders.Spend));
        Assert.Equal(3, Assert.IsType<ComputedTraitRule>(all.Rules[5]).Test.Days);
    }

    [Fact]
    public void Parse_DefaultsEventCountToAtLeastOne()
    {
        var e = Assert.IsType<EventRule>(RuleParser.Parse("""{"event":"Signed Up"}"""));
        Assert.Equal(Bounds.AtLeastOne, e.Count);
        Assert.Null(e.Window);
    }

    [Theory]
    [InlineData("""{"all":[{"trait":"a","op":"exists"},{"event":"x","count":{"atLeast":-1}}]}""", "$.all[1].count.atLeast", "whole number")]
    [InlineData("""{"all":[{"trait":"a","op":"exists"},{"event":"x","count":{"atLeast":3,"atMost":2}}]}""", "$.all[1].count", "greater than atMost")]
    [InlineData("""{"any":[{"not":{"trait":"a","op":"like","value":"x"}}]}""", "$.any[0].not.op", "Expected an operator")]
    [InlineData("""{"trait":"a","op":"equals"}""", "$.value", "takes \"value\"")]
    [InlineData("""{"trait":"a","op":"between","values":[5,1]}""", "$.values", "low bound")]
    [InlineData("""{"trait":"a","op":"before","value":"yesterday"}""", "$.value", "ISO 8601")]
    [InlineData("""{"trait":"a","op":"in","values":[]}""", "$.values", "between 1 and 1000")]
    [InlineData("""{"all":[]}""", "$.all", "non-empty array")]
    [InlineData("""{"trait":"a","event":"b"}""", "$", "exactly one kind")]
    [InlineData("""{"tag":"vip"}""", "$", "Unknown rule")]
    [InlineData("""{"identifier":"email","extra":1}""", "$.extra", "Unknown property")]
    [InlineData("""{"consent":"fax"}""", "$.consent", "consent channel")]
    [InlineData("""{"segment":"gold"}""", "$.segment", "positive integer")]
    [InlineData("""{"event":"x","within":{"days":0}}""", "$.within.days", "between 1 and 36600")]
    [InlineData("""{"event":"x","within":{"from":"2026-02-01T00:00:00Z","to":"2026-01-01T00:00:00Z"}}""", "$.within", "before to")]
    [InlineData("""{"event":"x","where":[{"property":"a..b","op":"exists"}]}""", "$.where[0].property", "dotted path")]
    [InlineData("""{"orders":{"count":{"exactly":1,"atLeast":1}}}""", "$.orders.count", "cannot be combined")]
    [InlineData("""{"trait":"","op":"exists"}""", "$.trait", "non-empty name")]
    public void Parse_NamesTheBadNodeByJsonPath(string json, string path, string message)
    {
        var errors = Errors(json);
        Assert.True(errors.ContainsKey(path), $"errors at {string.Join(", ", errors.Keys)}, expected one at {path}");
        Assert.Contains(errors[path], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ReportsEveryBadNodeAtOnce()
    {
        var errors = Errors("""{"all":[{"trait":"a","op":"nope"},{"consent":"fax"},{"identifier":"email"}]}""");
        Assert.Equal(["$.all[0].op", "$.all[1].consent"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_RejectsTreesDeeperThanTheLimit()
    {
        var json = string.Concat(Enumerable.Repeat("{\"not\":", 40)) + "{\"identifier\":\"email\"}" + new string('}', 40);
        Assert.Contains(Errors(json), e => e.Value.Any(m => m.Contains("nested deeper", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_RejectsMalformedJson()
    {
        Assert.True(Errors("{\"all\":[").ContainsKey("$"));
    }

    [Fact]
    public void ComputedTrait_NeedsAPropertyForEveryKindButCount()
    {
        var sum = Assert.Throws<HubValidationException>(() => ComputedTraitDefinition.Parse(System.Text.Json.JsonDocument.Parse("""{"kind":"sum","event":"Order Completed"}""").RootElement));
        var count = ComputedTraitDefinition.Parse(System.Text.Json.JsonDocument.Parse("""{"kind":"count","event":"Order Completed","within":{"days":7}}""").RootElement);

        Assert.True(sum.Errors.ContainsKey("$.definition.property"));
        Assert.Equal((ComputedTraitKind.Count, 7), (count.Kind, count.Events.Window!.Days!.Value));
    }
}
