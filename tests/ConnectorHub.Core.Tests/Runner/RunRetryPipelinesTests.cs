using System.Text.Json.Nodes;
using ConnectorHub.Core.Runner;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Core.Tests.Runner;

public sealed class RunRetryPipelinesTests
{
    private static readonly SyncRunnerOptions NoWaits = new() { ResumeDelay = TimeSpan.Zero, MaxResumes = 2, MaxRecordRetries = 3 };

    [Fact]
    public async Task Resume_RunsAgain_AfterTransientFailures_UpToMaxResumes_ThenFails()
    {
        var attempts = 0;
        var pipeline = RunRetryPipelines.Resume(NoWaits, TimeProvider.System, NullLogger.Instance, Guid.NewGuid());

        await Assert.ThrowsAsync<TransientException>(async () =>
            await pipeline.ExecuteAsync(_ => { attempts++; throw new TransientException("the source hiccuped"); }, CancellationToken.None));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Resume_DoesNotRetry_AConfigurationError()
    {
        var attempts = 0;
        var pipeline = RunRetryPipelines.Resume(NoWaits, TimeProvider.System, NullLogger.Instance, Guid.NewGuid());

        await Assert.ThrowsAsync<ConfigurationException>(async () =>
            await pipeline.ExecuteAsync(_ => { attempts++; throw new ConfigurationException("bad token"); }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Resume_WaitsTheRetryAfter_OnTheHubsClock()
    {
        var time = new FakeTimeProvider();
        var attempts = 0;
        var pipeline = RunRetryPipelines.Resume(new SyncRunnerOptions { ResumeDelay = TimeSpan.FromSeconds(2), MaxResumes = 2 }, time, NullLogger.Instance, Guid.NewGuid());

        var run = pipeline.ExecuteAsync(_ =>
        {
            if (++attempts == 1)
            {
                throw new RateLimitedException("slow down", TimeSpan.FromSeconds(30));
            }

            return ValueTask.CompletedTask;
        }, CancellationToken.None).AsTask();

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, attempts);
        time.Advance(TimeSpan.FromSeconds(1));
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task RecordRetries_SendAgainOnlyWhatTheDestinationAskedToRetry_UpToMaxRecordRetries()
    {
        var sent = new List<string[]>();
        IReadOnlyList<PendingRetry> pending = [Pending("a"), Pending("b"), Pending("c")];

        var left = await RunRetryPipelines.RecordRetries(NoWaits, TimeProvider.System).ExecuteAsync(_ =>
        {
            sent.Add(pending.Select(p => p.Record.Key).ToArray());

            // "a" is accepted at once, "b" on the second try, "c" never.
            pending = pending.Where(p => p.Record.Key == "c" || (p.Record.Key == "b" && sent.Count < 2)).ToArray();
            return ValueTask.FromResult(pending);
        }, CancellationToken.None);

        Assert.Equal([["a", "b", "c"], ["b", "c"], ["c"], ["c"]], sent);
        Assert.Equal("c", Assert.Single(left).Record.Key);
    }

    private static PendingRetry Pending(string key) => new(new DestinationRecord(key, RecordOperation.Upsert, new JsonObject()), "later");
}
