using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tests.IdentityResolution;

/// <summary>An alias's previous id is linked as the user id the graph knows, else as an anonymous id.</summary>
public sealed class AliasResolutionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnAliasAfterIdentifyInTheSameBatch_MergesTheTwoUserIds_WithTheAliasAsReason()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default());

        var results = await resolver.ResolveAsync(
        [
            Fragment("web", T0, ("user_id", "old-1"), ("email", "ann@example.com")),
            Fragment("web", T0.AddMinutes(1), ("user_id", "new-1")),
            Fragment("web", T0.AddMinutes(2), ("user_id", "new-1")),
        ], withTraits: true, [null, null, "old-1"], CancellationToken.None);

        Assert.Equal(results[0].ProfileId, results[2].ProfileId);
        Assert.Equal(results[0].ProfileId, store.Identifiers[new Identifier("user_id", "new-1")].ProfileId);
        Assert.DoesNotContain(new Identifier("anonymous_id", "old-1"), store.Identifiers.Keys);
        Assert.Empty(store.Drops);
    }

    [Fact]
    public async Task AnAliasOfAStoredUserId_RecordsTheMergeAndItsReason()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default());
        await resolver.ResolveAsync([Fragment("web", T0, ("user_id", "old-1")), Fragment("web", T0, ("user_id", "new-1"))], CancellationToken.None);

        var results = await resolver.ResolveAsync([Fragment("web", T0.AddHours(1), ("user_id", "new-1"))], withTraits: true, ["old-1"], CancellationToken.None);

        var merge = Assert.Single(store.Merges);
        Assert.Equal(results[0].ProfileId, merge.SurvivorId);
        Assert.Contains("previousId 'old-1' (a known user_id) and userId 'new-1'", merge.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlaceholderPreviousId_LinksNothing_AndIsDropped()
    {
        var (resolver, store) = Resolving.InMemory(Rules.Default());

        var results = await resolver.ResolveAsync([Fragment("web", T0, ("user_id", "u-9"))], withTraits: true, ["undefined"], CancellationToken.None);

        Assert.NotNull(results[0].ProfileId);
        Assert.Single(store.Identifiers);
        Assert.Contains("placeholder", Assert.Single(store.Drops).Reason, StringComparison.Ordinal);
    }

    private static ProfileFragment Fragment(string source, DateTimeOffset observedAt, params (string Type, string Value)[] identifiers) => new()
    {
        Source = source,
        ObservedAt = observedAt,
        Identifiers = identifiers.Select(i => new Identifier(i.Type, i.Value)).ToArray(),
    };
}
