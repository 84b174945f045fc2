using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Reading;

public sealed class InsightsResumeTests : IAsyncLifetime
{
    private MetaAdsSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaAdsSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [InlineData(SyncMode.Incremental, "2024-03-01", 700)]
    [InlineData(SyncMode.FullRefresh, "2024-03-01", 1500)]
    [InlineData(SyncMode.Incremental, "2024-03-01", 1500)]
    [InlineData(SyncMode.Incremental, "2024-05-26", 37)]
    public async Task Read_ResumesAtTheDayAfterTheLastCheckpoint_AfterACrash_LosingAndDuplicatingNothing(SyncMode mode, string startDate, int crashAfter)
    {
        // A 28-day lookback must not make a resumed pass read again what the crashed run committed.
        var config = _sandbox.Config(startDate: startDate, lookbackDays: 28, pageSize: 4);
        var (committed, state) = await ReadUntilCrashAsync(mode, config, crashAfter);

        var resumed = await _sandbox.ReadAsync(mode, config, new Dictionary<string, JsonNode> { ["insights_daily"] = state });

        var all = _sandbox.ExpectedAdKeys(DateOnly.Parse(startDate, System.Globalization.CultureInfo.InvariantCulture), MetaAdsSandbox.LastDay);
        Assert.True(committed.Count > 0 && committed.Count < all.Count, "the crash happened mid-read, after a checkpoint");
        Assert.Empty(committed.Intersect(resumed.InsightKeys()));
        EntityStreamsTests.AssertSame(all, [.. committed, .. resumed.InsightKeys()]);
    }

    private async Task<(List<string> Committed, JsonNode State)> ReadUntilCrashAsync(SyncMode mode, JsonObject config, int crashAfter)
    {
        var pending = new List<string>();
        var committed = new List<string>();
        JsonNode? state = null;
        var seen = 0;
        await foreach (var message in _sandbox.Source.ReadAsync(_sandbox.Context(config), MetaAdsSandbox.Request(mode, null, "insights_daily"), CancellationToken.None))
        {
            if (message is RecordMessage record)
            {
                pending.Add(ReadResult.Key(record.Data));
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
