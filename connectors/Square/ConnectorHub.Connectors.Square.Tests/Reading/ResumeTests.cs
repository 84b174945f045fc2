using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Reading;

public sealed class ResumeTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [InlineData("customers", SyncMode.FullRefresh, 25)]
    [InlineData("customers", SyncMode.Incremental, 33)]
    [InlineData("orders", SyncMode.Incremental, 47)]
    [InlineData("orders", SyncMode.FullRefresh, 101)]
    [InlineData("payments", SyncMode.Incremental, 58)]
    [InlineData("payments", SyncMode.FullRefresh, 12)]
    public async Task Read_ResumesFromTheLastCheckpoint_AfterACrash_LosingAndDuplicatingNothing(string stream, SyncMode mode, int crashAfter)
    {
        var config = _sandbox.Config(pageSize: 10);
        var all = (await _sandbox.ReadAsync(mode, config: config, streams: stream)).Ids(stream);

        var (committed, state) = await ReadUntilCrashAsync(stream, mode, config, crashAfter);
        var resumed = await _sandbox.ReadAsync(mode, new Dictionary<string, JsonNode> { [stream] = state }, config, stream);

        Assert.True(committed.Count > 0 && committed.Count < all.Count, "the crash happened mid-read, after a checkpoint");
        Assert.Empty(committed.Intersect(resumed.Ids(stream)));
        FullRefreshTests.AssertSameIds(all, [.. committed, .. resumed.Ids(stream)]);
    }

    [Fact]
    public async Task Resume_AfterRecordsChanged_ReadsEveryChange_AndTheLatestVersionOfARecordChangedMidRun()
    {
        var config = _sandbox.Config(pageSize: 10);
        var first = await _sandbox.ReadAsync(SyncMode.Incremental, config: config, streams: "orders");
        _sandbox.Clock.Advance(TimeSpan.FromHours(1));
        var changed = _sandbox.Emulator.Orders.Take(30).Select(o => _sandbox.Emulator.UpdateOrder(o.Id).Id).ToList();

        var (committed, state) = await ReadUntilCrashAsync("orders", SyncMode.Incremental, config, 15, first.States());
        _sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        var again = _sandbox.Emulator.UpdateOrder(changed[0]);
        var resumed = await _sandbox.ReadAsync(SyncMode.Incremental, new Dictionary<string, JsonNode> { ["orders"] = state }, config, "orders");
        var next = await _sandbox.ReadAsync(SyncMode.Incremental, resumed.States(), config, "orders");

        var read = committed.Concat(resumed.Ids("orders")).Concat(next.Ids("orders")).ToList();
        Assert.Equal(changed.Order(StringComparer.Ordinal), read.Distinct().Order(StringComparer.Ordinal));
        Assert.All(read.GroupBy(id => id), g => Assert.True(g.Count() == 1 || (g.Key == again.Id && g.Count() == 2), $"{g.Key} read {g.Count()} times"));
        var latest = resumed.Records("orders").Concat(next.Records("orders")).Last(o => o["id"]!.GetValue<string>() == again.Id);
        Assert.Equal(again.Version, latest["version"]!.GetValue<int>());
        Assert.Empty((await _sandbox.ReadAsync(SyncMode.Incremental, next.States(), config, "orders")).Ids("orders"));
    }

    /// <summary>Reads until <paramref name="crashAfter"/> records, then keeps what the host would have committed.</summary>
    private async Task<(List<string> Committed, JsonNode State)> ReadUntilCrashAsync(
        string stream, SyncMode mode, JsonObject config, int crashAfter, IReadOnlyDictionary<string, JsonNode>? states = null)
    {
        var pending = new List<string>();
        var committed = new List<string>();
        JsonNode? state = null;
        var seen = 0;
        await foreach (var message in _sandbox.Source.ReadAsync(_sandbox.Context(config), SquareSandbox.Request(mode, states, stream), CancellationToken.None))
        {
            if (message is RecordMessage record)
            {
                pending.Add(record.Data["id"]!.GetValue<string>());
                if (++seen == crashAfter)
                {
                    break;
                }
            }
            else if (message is StateMessage checkpoint)
            {
                committed.AddRange(pending);
                pending.Clear();
                state = checkpoint.State;
            }
        }

        return (committed, state ?? throw new InvalidOperationException("no checkpoint before the crash"));
    }
}
