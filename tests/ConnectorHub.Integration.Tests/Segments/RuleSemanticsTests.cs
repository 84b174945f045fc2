using System.Text.Json;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;

namespace ConnectorHub.Integration.Tests.Segments;

/// <summary>What each rule matches, on both stores, against the seeded world described in <see cref="RuleWorlds"/>.</summary>
public sealed class RuleSemanticsTests(RuleWorlds worlds) : IClassFixture<RuleWorlds>
{
    private async Task Expect(StorageProvider provider, string rule, params long[] expected)
    {
        var matched = await worlds[provider].MatchAsync(rule);
        Assert.True(expected.SequenceEqual(matched), $"{provider}: {rule} matched [{string.Join(", ", matched)}], expected [{string.Join(", ", expected)}]");
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task TraitOperators_MatchCaseInsensitiveText_AndSkipMergedAwayProfiles(StorageProvider p)
    {
        await Expect(p, """{"trait":"plan","op":"equals","value":"gold"}""", 1);
        await Expect(p, """{"trait":"plan","op":"notEquals","value":"GOLD"}""", 2, 5);
        await Expect(p, """{"trait":"plan","op":"contains","value":"OLD"}""", 1, 5);
        await Expect(p, """{"trait":"plan","op":"contains","value":"%"}""", 5);
        await Expect(p, """{"trait":"plan","op":"startsWith","value":"gol"}""", 1, 5);
        await Expect(p, """{"trait":"plan","op":"startsWith","value":"gold%"}""", 5);
        await Expect(p, """{"trait":"plan","op":"exists"}""", 1, 2, 5);
        await Expect(p, """{"trait":"plan","op":"in","values":["SILVER","gold"]}""", 1, 2);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task NumberOperators_CompareNumbers_AndIgnoreText(StorageProvider p)
    {
        await Expect(p, """{"trait":"age","op":"greaterThan","value":34}""", 3);
        await Expect(p, """{"trait":"age","op":"greaterThan","value":33.5}""", 1, 3);
        await Expect(p, """{"trait":"age","op":"lessThan","value":34}""", 2);
        await Expect(p, """{"trait":"age","op":"between","values":[20,34]}""", 1, 2);
        await Expect(p, """{"trait":"plan","op":"greaterThan","value":0}""");
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task DateOperators_HoldAtTheMillisecondBoundary(StorageProvider p)
    {
        // Ann signed up exactly 30 days before the clock, Bob 1 ms earlier, Cy 1 ms later.
        await Expect(p, """{"trait":"signup","op":"before","value":"2026-05-02T12:00:00Z"}""", 2);
        await Expect(p, """{"trait":"signup","op":"after","value":"2026-05-02T12:00:00Z"}""", 3);
        await Expect(p, """{"trait":"signup","op":"withinLast","days":30}""", 1, 3);
        await Expect(p, """{"trait":"plan","op":"withinLast","days":30}""");
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Groups_NestNotAndAny(StorageProvider p)
    {
        await Expect(p, """{"not":{"trait":"plan","op":"equals","value":"gold"}}""", 2, 3, 5);
        await Expect(p, """{"any":[{"trait":"age","op":"greaterThan","value":40},{"not":{"identifier":"email"}}]}""", 2, 3, 5);
        await Expect(p, """{"all":[{"trait":"plan","op":"exists"},{"not":{"any":[{"trait":"plan","op":"equals","value":"gold"},{"trait":"plan","op":"equals","value":"silver"}]}}]}""", 5);
        await Expect(p, """{"all":[{"identifier":"email"},{"not":{"consent":"email"}}]}""");
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task IdentifiersAndConsent_MatchSurvivorsOnly(StorageProvider p)
    {
        await Expect(p, """{"identifier":"phone"}""", 2);
        await Expect(p, """{"identifier":"email"}""", 1);
        await Expect(p, """{"consent":"email"}""", 1);
        await Expect(p, """{"consent":"email","granted":false}""", 2);
        await Expect(p, """{"consent":"sms"}""");
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task EventWindows_IncludeExactlyNDaysAgo_AndExcludeOneMillisecondMore(StorageProvider p)
    {
        await Expect(p, """{"event":"Order Completed","within":{"days":30}}""", 1, 2);
        await Expect(p, """{"event":"Page Viewed","within":{"days":30}}""", 5);
        await Expect(p, """{"event":"Page Viewed"}""", 2, 5);
        // From included, to excluded: Ann's event one day ago sits exactly on "to".
        await Expect(p, """{"event":"Order Completed","count":{"exactly":1},"within":{"from":"2026-05-17T12:00:00Z","to":"2026-05-31T12:00:00Z"}}""", 1);
        await Expect(p, """{"event":"Order Completed","count":{"atLeast":2},"within":{"from":"2026-05-17T12:00:00Z","to":"2026-05-31T12:00:00Z"}}""");
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task EventCounts_IncludeProfilesWithoutEvents_WhenZeroFits(StorageProvider p)
    {
        await Expect(p, """{"event":"Order Completed","count":{"atLeast":2},"within":{"days":30}}""", 1);
        await Expect(p, """{"event":"Order Completed","count":{"atLeast":3},"within":{"days":30}}""");
        await Expect(p, """{"event":"Order Completed","count":{"atLeast":3}}""", 1);
        await Expect(p, """{"event":"Order Completed","count":{"exactly":0},"within":{"days":30}}""", 3, 5);
        await Expect(p, """{"event":"Order Completed","count":{"atMost":1},"within":{"days":30}}""", 2, 3, 5);
        await Expect(p, """{"event":"Order Completed","count":{"exactly":1},"within":{"days":30}}""", 2);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task EventPropertyFilters_NarrowTheCountedEvents(StorageProvider p)
    {
        await Expect(p, """{"event":"Order Completed","where":[{"property":"total","op":"greaterThan","value":100}]}""", 1);
        await Expect(p, """{"event":"Order Completed","where":[{"property":"plan","op":"equals","value":"SILVER"}]}""", 2);
        await Expect(p, """{"event":"Order Completed","where":[{"property":"plan","op":"in","values":["gold"]}],"count":{"exactly":3}}""", 1);
        await Expect(p, """{"event":"Order Completed","where":[{"property":"plan","op":"startsWith","value":"sil"},{"property":"total","op":"lessThan","value":50}]}""", 2);
        await Expect(p, """{"event":"Order Completed","where":[{"property":"coupon","op":"exists"}]}""");
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Orders_CountAndSpendInAWindow(StorageProvider p)
    {
        await Expect(p, """{"orders":{}}""", 1, 3);
        await Expect(p, """{"orders":{"count":{"atLeast":2},"within":{"days":30}}}""", 1);
        await Expect(p, """{"orders":{"spend":{"atLeast":300}}}""", 3);
        await Expect(p, """{"orders":{"spend":{"atLeast":200},"within":{"days":30}}}""", 1);
        await Expect(p, """{"orders":{"spend":{"atLeast":200.01},"within":{"days":30}}}""");
        await Expect(p, """{"orders":{"count":{"exactly":0}}}""", 2, 5);
        await Expect(p, """{"orders":{"count":{"exactly":0},"within":{"days":30}}}""", 2, 3, 5);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task SegmentOfSegment_AppliesTheOtherSegmentsRule(StorageProvider p)
    {
        var gold = (await worlds[p].Segments.ListAsync(CancellationToken.None)).Single(s => s.Name == "gold").Id;
        await Expect(p, $$"""{"all":[{"segment":{{gold}}},{"identifier":"email"}]}""", 1);
        await Expect(p, $"{{\"not\":{{\"segment\":{gold}}}}}", 2, 3, 5);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task ComputedTraits_AreUsableInRules(StorageProvider p)
    {
        await Expect(p, """{"computedTrait":"orders_count","op":"greaterThan","value":2}""", 1);
        await Expect(p, """{"computedTrait":"orders_count","op":"equals","value":1}""", 2);
        await Expect(p, """{"computedTrait":"orders_count","op":"exists"}""", 1, 2);
        await Expect(p, """{"computedTrait":"spend_sum","op":"between","values":[250,250]}""", 1);
        await Expect(p, """{"computedTrait":"spend_average","op":"between","values":[99.99,100.01]}""", 1);
        await Expect(p, """{"computedTrait":"first_total","op":"equals","value":50}""", 1);
        await Expect(p, """{"computedTrait":"last_total","op":"equals","value":150}""", 1);
        await Expect(p, """{"computedTrait":"usual_total","op":"equals","value":50}""", 1);
        await Expect(p, """{"computedTrait":"gold_orders","op":"equals","value":2}""", 1);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task ValuesWithQuotesAndSqlMetacharacters_MatchLiterally(StorageProvider p)
    {
        string Rule(object rule) => JsonSerializer.Serialize(rule);
        await Expect(p, Rule(new { trait = "nickname", op = "equals", value = RuleWorlds.Hostile }), 1);
        await Expect(p, Rule(new { trait = "nickname", op = "equals", value = RuleWorlds.Metachars }), 5);
        await Expect(p, Rule(new { trait = "nickname", op = "contains", value = "'c\\%" }), 5);
        await Expect(p, Rule(new { trait = "nickname", op = "startsWith", value = "o'brien\"; drop" }), 1);
        await Expect(p, Rule(new { trait = RuleWorlds.Hostile, op = "exists" }));
        await Expect(p, Rule(new { @event = RuleWorlds.Hostile, where = new[] { new { property = "x'); --", op = "equals", value = RuleWorlds.Hostile } } }));
        Assert.Equal(5, await worlds[p].Database.CountAsync("SELECT count(*) FROM profiles"));
    }
}
