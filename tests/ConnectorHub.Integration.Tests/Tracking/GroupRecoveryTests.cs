using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Tracking;
using ConnectorHub.Core.Tracking.Ingestion;
using ConnectorHub.Core.Tracking.Messages;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Integration.Tests.Tracking;

/// <summary>
/// A group commit that fails on what one request carried is retried request by request: the others are stored, and of
/// the guilty request only the events the store refuses are rejected. A failure of the store itself fails them all.
/// </summary>
public sealed class GroupRecoveryTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ContentFailure_IsChargedToTheEventThatCausedIt_NotToItsGroup(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var store = new FaultyStore(hub.Services.GetRequiredService<ITrackingEventStore>(), () => new InvalidDataException("the store cannot hold this value"));
        await using var writer = await StartAsync(hub, store);

        // One commit is held, so the next requests share the following group.
        var held = writer.Writer.WriteAsync("web", GroupCommitTests.Messages(0, 3), CancellationToken.None);
        await Eventually.HoldsAsync(() => store.Calls == 1, TimeSpan.FromSeconds(30), "the first commit reaches the store");
        var guilty = writer.Writer.WriteAsync("bad", [Track("bad-0", 0), Track("poison-1", 1), Track("bad-2", 2), Track("bad-3", 3), Track("poison-4", 4)], CancellationToken.None);
        var innocent = Enumerable.Range(1, 5).Select(r => writer.Writer.WriteAsync("web", GroupCommitTests.Messages(r, 4), CancellationToken.None)).ToArray();
        store.Open();

        Assert.Empty(await held.WaitAsync(TimeSpan.FromSeconds(30)));
        foreach (var request in innocent)
        {
            Assert.Empty(await request.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        var refused = await guilty.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([(1, "poison-1"), (4, "poison-4")], refused.Select(r => (r.Index, r.MessageId!)));
        Assert.All(refused, r => Assert.Contains("The store refused this event (InvalidDataException: the store cannot hold this value)", r.Reason, StringComparison.Ordinal));
        var database = hub.Services.GetRequiredService<HubDatabase>();
        Assert.Equal(3 + (5 * 4), await database.CountAsync("SELECT count(*) FROM events WHERE source = 'web'"));
        Assert.Equal(3, await database.CountAsync("SELECT count(*) FROM events WHERE source = 'bad'"));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task StoreFailure_FailsTheWholeGroup_ForClientsToRetry(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var store = new FaultyStore(hub.Services.GetRequiredService<ITrackingEventStore>(), () => new TimeoutException("the store did not answer"), poisonAll: true);
        await using var writer = await StartAsync(hub, store);

        var request = writer.Writer.WriteAsync("web", GroupCommitTests.Messages(0, 3), CancellationToken.None);
        store.Open();

        var failure = await Assert.ThrowsAsync<TrackingUnavailableException>(() => request.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsType<TimeoutException>(failure.InnerException);
        Assert.Equal(1, store.Calls);
    }

    private static TrackingMessage Track(string messageId, int index) => new()
    {
        Type = MessageTypes.Track,
        MessageId = messageId,
        AnonymousId = "bad-visitor",
        Name = "Clicked",
        Index = index,
        Timestamp = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero),
        ReceivedAt = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero),
    };

    private static async Task<RunningWriter> StartAsync(TestHub hub, ITrackingEventStore store)
    {
        var committer = new TrackingCommitter(hub.Services.GetRequiredService<IdentityResolver>(), store, new RecentEvents(), TimeProvider.System, NullLogger<TrackingCommitter>.Instance);
        var writer = new TrackingWriter(committer, Options.Create(new TrackingOptions()), NullLogger<TrackingWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        return new RunningWriter(writer);
    }

    private sealed class RunningWriter(TrackingWriter writer) : IAsyncDisposable
    {
        public TrackingWriter Writer { get; } = writer;

        public async ValueTask DisposeAsync()
        {
            await Writer.StopAsync(CancellationToken.None);
            Writer.Dispose();
        }
    }

    /// <summary>
    /// The real store, held until opened, that fails every write holding a <c>poison-*</c> message id (or every write)
    /// the way a store refusing a value would.
    /// </summary>
    private sealed class FaultyStore(ITrackingEventStore inner, Func<Exception> failure, bool poisonAll = false) : ITrackingEventStore
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Open() => _gate.TrySetResult();

        public async Task WriteAsync(IReadOnlyList<TrackedEvent> events, IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> accounts, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await _gate.Task;
            if (poisonAll || events.Any(e => e.Event.MessageId.StartsWith("poison", StringComparison.Ordinal)))
            {
                throw failure();
            }

            await inner.WriteAsync(events, accounts, now, cancellationToken);
        }
    }
}
