using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tests.IdentityResolution;

public sealed class IdentityResolverRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoDifferentUserIds_NeverMerge_AndTheSharedEmailIsDroppedFromTheSecond()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default());

        var results = await resolver.ResolveAsync(
        [
            Fragment("crm", T0, ("user_id", "u-1"), ("email", "ann@example.com")),
            Fragment("crm", T0, ("user_id", "u-2"), ("email", "Ann@Example.com")),
        ], CancellationToken.None);

        Assert.NotEqual(results[0].ProfileId, results[1].ProfileId);
        Assert.Empty(store.Merges);
        Assert.Equal(results[0].ProfileId, store.Identifiers[new Identifier("email", "ann@example.com")].ProfileId);
        var drop = Assert.Single(store.Drops);
        Assert.Equal((results[1].ProfileId!.Value, new Identifier("email", "ann@example.com")), (drop.Profile, drop.Identifier));
        Assert.Contains($"belongs to profile {results[0].ProfileId}", drop.Reason, StringComparison.Ordinal);
        Assert.Contains("2 user_id values, over the limit of 1", drop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASharedBlockedEmail_NeverMergesStrangers()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default(o => o.BlockedValues.Add("support@company.com")));

        var results = await resolver.ResolveAsync(
        [
            Fragment("pos", T0, ("phone", "+15550001"), ("email", "support@company.com")),
            Fragment("pos", T0, ("phone", "+15550002"), ("email", "SUPPORT@company.com")),
            Fragment("pos", T0, ("email", "support@company.com")),
            Fragment("pos", T0, ("email", "unknown"), ("anonymous_id", "00000000")),
        ], CancellationToken.None);

        Assert.NotEqual(results[0].ProfileId, results[1].ProfileId);
        Assert.Empty(store.Merges);
        Assert.DoesNotContain(new Identifier("email", "support@company.com"), store.Identifiers.Keys);
        Assert.Contains("ConnectorHub:Identity:BlockedValues", results[2].Error, StringComparison.Ordinal);
        Assert.Null(results[3].ProfileId);
        Assert.Contains("placeholder", results[3].Error, StringComparison.Ordinal);
        Assert.Equal(2, store.Drops.Count(d => d.Identifier.Value == "support@company.com"));
    }

    [Fact]
    public async Task AThirdEmail_BeyondALimitOfTwo_IsDroppedAndRecorded()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default(o => o.Types["email"].Limit = 2));

        var results = await resolver.ResolveAsync(
        [
            Fragment("crm", T0, ("user_id", "u-1"), ("email", "a@example.com")),
            Fragment("crm", T0.AddDays(1), ("user_id", "u-1"), ("email", "b@example.com")),
            Fragment("crm", T0.AddDays(2), ("user_id", "u-1"), ("email", "c@example.com")),
        ], CancellationToken.None);

        Assert.Single(results.Select(r => r.ProfileId).Distinct());
        Assert.Equal(["a@example.com", "b@example.com"], store.Identifiers.Keys.Where(i => i.Type == "email").Select(i => i.Value).Order());
        var drop = Assert.Single(store.Drops);
        Assert.Equal("email:c@example.com", drop.Identifier.ToString());
        Assert.Contains("already has 2 email values, the limit (ConnectorHub:Identity:Types:email:Limit)", drop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFragmentSharingIdentifiersWithTwoProfiles_MergesThem_AndRecordsTheCause()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default());
        var first = await resolver.ResolveAsync([Fragment("web", T0, ("anonymous_id", "a-1"))], CancellationToken.None);
        var second = await resolver.ResolveAsync([Fragment("crm", T0, ("email", "ann@example.com"))], CancellationToken.None);

        var joined = await resolver.ResolveAsync([Fragment("web", T0.AddHours(1), ("anonymous_id", "a-1"), ("email", "ann@example.com"))], CancellationToken.None);

        Assert.Equal(first[0].ProfileId, joined[0].ProfileId);
        Assert.Equal(first[0].ProfileId, store.Profiles[second[0].ProfileId!.Value]);
        var merge = Assert.Single(store.Merges);
        // The fragment joins the email's profile (email is the stronger type) and pulls in the anonymous id's.
        Assert.Equal((first[0].ProfileId!.Value, second[0].ProfileId!.Value, "anonymous_id:a-1", "web"),
            (merge.SurvivorId, merge.MergedId, merge.Cause.ToString(), merge.Fragment.Source));
    }

    [Fact]
    public async Task AnOldBackfill_NeverOverwritesAFresherTrait_AndEachTraitKeepsItsSourceAndTime()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default());
        await resolver.ResolveAsync([Fragment("crm", T0.AddDays(10), ("email", "ann@example.com")) with { Traits = new ProfileTraits { FirstName = "Annie" } }], CancellationToken.None);

        var results = await resolver.ResolveAsync([Fragment("backfill", T0, ("email", "ann@example.com")) with { Traits = new ProfileTraits { FirstName = "Ann", LastName = "Lee" } }], CancellationToken.None);

        var id = results[0].ProfileId!.Value;
        Assert.Equal(("\"Annie\"", "crm", T0.AddDays(10)), (store.Traits[(id, "first_name")].Json, store.Traits[(id, "first_name")].Source, store.Traits[(id, "first_name")].ObservedAt));
        Assert.Equal(("\"Lee\"", "backfill"), (store.Traits[(id, "last_name")].Json, store.Traits[(id, "last_name")].Source));
    }

    [Fact]
    public async Task SourcePriority_BeatsRecency_WhenConfigured()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default(o => o.TraitSourcePriority["first_name"] = ["crm"]));
        await resolver.ResolveAsync([Fragment("crm", T0, ("email", "ann@example.com")) with { Traits = new ProfileTraits { FirstName = "Ann" } }], CancellationToken.None);

        var results = await resolver.ResolveAsync(
        [
            Fragment("pos", T0.AddDays(5), ("email", "ann@example.com")) with { Traits = new ProfileTraits { FirstName = "ANN L", LastName = "Lee" } },
        ], CancellationToken.None);

        var id = results[0].ProfileId!.Value;
        Assert.Equal(("\"Ann\"", "crm"), (store.Traits[(id, "first_name")].Json, store.Traits[(id, "first_name")].Source));
        Assert.Equal("\"Lee\"", store.Traits[(id, "last_name")].Json);
    }

    [Fact]
    public async Task Consent_SurvivesByTheSameRule()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default());

        var results = await resolver.ResolveAsync(
        [
            Fragment("crm", T0.AddDays(2), ("email", "ann@example.com")) with { Consent = new Consent { Email = false } },
            Fragment("shop", T0, ("email", "ann@example.com")) with { Consent = new Consent { Email = true, Sms = true } },
        ], CancellationToken.None);

        var id = results[0].ProfileId!.Value;
        Assert.Equal("false", store.Traits[(id, "consent.email")].Json);
        Assert.Equal("true", store.Traits[(id, "consent.sms")].Json);
    }

    [Fact]
    public async Task Traits_OfMergedProfiles_SurviveByTheRule()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default());
        await resolver.ResolveAsync([Fragment("crm", T0.AddDays(3), ("email", "ann@example.com")) with { Traits = new ProfileTraits { FirstName = "Ann" } }], CancellationToken.None);
        await resolver.ResolveAsync([Fragment("pos", T0, ("phone", "+15550001")) with { Traits = new ProfileTraits { FirstName = "A.", Company = "Acme" } }], CancellationToken.None);

        var results = await resolver.ResolveAsync([Fragment("web", T0.AddDays(1), ("email", "ann@example.com"), ("phone", "+1 555 0001"))], CancellationToken.None);

        var id = results[0].ProfileId!.Value;
        Assert.Equal("\"Ann\"", store.Traits[(id, "first_name")].Json);
        Assert.Equal("\"Acme\"", store.Traits[(id, "company")].Json);
        Assert.Equal(2, store.Traits.Count);
    }

    private static ProfileFragment Fragment(string source, DateTimeOffset observedAt, params (string Type, string Value)[] identifiers) => new()
    {
        Source = source,
        ObservedAt = observedAt,
        Identifiers = identifiers.Select(i => new Identifier(i.Type, i.Value)).ToArray(),
    };
}
