using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Dapper;

namespace ConnectorHub.Integration.Tests.Segments;

public sealed class SegmentRefreshTests
{
    private static async Task<List<(long Profile, DateTimeOffset Entered, DateTimeOffset? Exited)>> MembershipsAsync(HubDatabase database, long segmentId)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(long ProfileId, object EnteredAt, object? ExitedAt)>(
            "SELECT profile_id, entered_at, exited_at FROM segment_memberships WHERE segment_id = @segmentId ORDER BY id", new { segmentId });
        return rows.Select(r => (r.ProfileId, Core.Profiles.StoredTime.Read(r.EnteredAt), Core.Profiles.StoredTime.ReadNullable(r.ExitedAt))).ToList();
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Refresh_RecordsEntriesAndExits_AndTellsListenersTheExactDiff(StorageProvider provider)
    {
        var listener = new RecordingListener();
        await using var world = await SegmentWorld.CreateAsync(provider, new RecordingListener(fail: true), listener);
        for (var id = 1; id <= 4; id++)
        {
            await world.Seed.ProfileAsync(id);
        }

        await world.Seed.TraitAsync(1, "plan", "gold");
        await world.Seed.TraitAsync(2, "plan", "gold");
        await world.Seed.TraitAsync(3, "plan", "silver");
        var segment = await world.CreateSegmentAsync("gold", """{"trait":"plan","op":"equals","value":"gold"}""");
        var t1 = world.Clock.GetUtcNow();

        var first = await world.Refresher.RefreshAsync(segment.Id, CancellationToken.None);
        Assert.Equal(new SegmentRefreshed(segment.Id, 2, 0, 2, t1), first);

        // Profile 2 leaves by its trait, profile 1 by being merged away into 4; profile 3 and 4 enter.
        await world.Seed.TraitAsync(2, "plan", "silver");
        await world.Seed.TraitAsync(3, "plan", "GOLD");
        await world.Seed.TraitAsync(4, "plan", "gold");
        await world.Seed.MergeAsync(1, 4);
        world.Clock.SetUtcNow(t1.AddMinutes(5));
        var second = await world.Refresher.RefreshAsync(segment.Id, CancellationToken.None);
        Assert.Equal(new SegmentRefreshed(segment.Id, 2, 2, 2, t1.AddMinutes(5)), second);

        Assert.Equal(
            [(1L, t1, (DateTimeOffset?)t1.AddMinutes(5)), (2L, t1, t1.AddMinutes(5)), (3L, t1.AddMinutes(5), null), (4L, t1.AddMinutes(5), null)],
            (await MembershipsAsync(world.Database, segment.Id)).OrderBy(m => m.Profile));
        Assert.Equal([first, second], listener.Heard);

        var members = await world.Queries.MembersAsync(segment.Id, 10, 0, CancellationToken.None);
        Assert.Equal([3L, 4L], members.Select(m => m.ProfileId));
        var history = await world.Queries.HistoryAsync(segment.Id, 10, 0, CancellationToken.None);
        Assert.Equal(
            ["exited 1", "exited 2", "entered 3", "entered 4", "entered 1", "entered 2"],
            history.Select(h => $"{h.Change} {h.ProfileId}"));
        Assert.Equal(t1.AddMinutes(5), history[0].At);
        var stored = await world.Segments.GetAsync(segment.Id, CancellationToken.None);
        Assert.Equal((2L, (DateTimeOffset?)t1.AddMinutes(5)), (stored.MemberCount, stored.LastRefreshedAt));
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Refresh_WithNothingChanged_WritesNoMembershipRows(StorageProvider provider)
    {
        await using var world = await SegmentWorld.CreateAsync(provider);
        await world.Seed.ProfileAsync(1);
        await world.Seed.TraitAsync(1, "plan", "gold");
        var segment = await world.CreateSegmentAsync("gold", """{"trait":"plan","op":"equals","value":"gold"}""");
        await world.Refresher.RefreshAsync(segment.Id, CancellationToken.None);

        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await world.Refresher.RefreshAsync(segment.Id, CancellationToken.None);

        Assert.Equal((0L, 0L, 1L), (again.Entered, again.Exited, again.MemberCount));
        Assert.Equal([(1L, SegmentWorld.Now, (DateTimeOffset?)null)], await MembershipsAsync(world.Database, segment.Id));
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task ConcurrentRefreshes_OfOneSegment_NeverDoubleRows(StorageProvider provider)
    {
        await using var world = await SegmentWorld.CreateAsync(provider);
        for (var id = 1; id <= 50; id++)
        {
            await world.Seed.ProfileAsync(id);
            await world.Seed.TraitAsync(id, "plan", id % 2 == 0 ? "gold" : "silver");
        }

        var segment = await world.CreateSegmentAsync("gold", """{"trait":"plan","op":"equals","value":"gold"}""");
        var refreshes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => world.Refresher.RefreshAsync(segment.Id, CancellationToken.None))));

        Assert.Equal(25, refreshes.Sum(r => r.Entered));
        Assert.All(refreshes, r => Assert.Equal(25, r.MemberCount));
        Assert.Equal(25, (await MembershipsAsync(world.Database, segment.Id)).Count);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Refresh_RecomputesTheComputedTraitsItsRuleUses(StorageProvider provider)
    {
        await using var world = await SegmentWorld.CreateAsync(provider);
        await world.Seed.ProfileAsync(1);
        await world.CreateComputedTraitAsync("visits", """{"kind":"count","event":"Page Viewed","within":{"days":7}}""");
        var segment = await world.CreateSegmentAsync("regulars", """{"computedTrait":"visits","op":"greaterThan","value":1}""");
        Assert.Equal(0, (await world.Refresher.RefreshAsync(segment.Id, CancellationToken.None)).MemberCount);

        await world.Seed.EventAsync(1, "Page Viewed", SegmentWorld.Now.AddHours(-1));
        await world.Seed.EventAsync(1, "Page Viewed", SegmentWorld.Now.AddHours(-2));
        Assert.Equal(1, (await world.Refresher.RefreshAsync(segment.Id, CancellationToken.None)).Entered);

        // A week later the visits fall out of the trait's window, and the profile leaves.
        world.Clock.SetUtcNow(SegmentWorld.Now.AddDays(8));
        Assert.Equal(1, (await world.Refresher.RefreshAsync(segment.Id, CancellationToken.None)).Exited);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task ConcurrentComputedTraitRefreshes_LeaveOneValuePerProfile(StorageProvider provider)
    {
        await using var world = await SegmentWorld.CreateAsync(provider);
        for (var id = 1; id <= 30; id++)
        {
            await world.Seed.ProfileAsync(id);
            await world.Seed.EventAsync(id, "Page Viewed", SegmentWorld.Now.AddHours(-id));
        }

        var trait = await world.CreateComputedTraitAsync("visits", """{"kind":"count","event":"Page Viewed"}""");
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => world.ComputedTraits.RefreshAsync(trait.Id, CancellationToken.None))));

        Assert.Equal(30, await world.Database.CountAsync("SELECT count(*) FROM computed_trait_values"));
    }
}
