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

/// <summary>Concurrent requests share transactions, and each is answered only after the one holding its events commits.</summary>
public sealed class GroupCommitTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ConcurrentRequests_ShareFewCommits_AndAreAnsweredOnlyAfterTheirCommit(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var store = new GatedStore(hub.Services.GetRequiredService<ITrackingEventStore>());
        var committer = new TrackingCommitter(hub.Services.GetRequiredService<IdentityResolver>(), store, new RecentEvents(), TimeProvider.System, NullLogger<TrackingCommitter>.Instance);
        var writer = new TrackingWriter(committer, Options.Create(new TrackingOptions()), NullLogger<TrackingWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        // One request's commit is held in the store; meanwhile 19 more arrive.
        var first = writer.WriteAsync("web", Messages(0, 10), CancellationToken.None);
        await Eventually.HoldsAsync(() => store.Calls == 1, TimeSpan.FromSeconds(30), "the first commit reaches the store");
        var requests = Enumerable.Range(1, 19).Select(r => writer.WriteAsync("web", Messages(r, 10), CancellationToken.None)).Prepend(first).ToArray();
        Assert.DoesNotContain(requests, r => r.IsCompleted);
        store.Open();
        await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(30));
        await writer.StopAsync(CancellationToken.None);

        // The 19 waiting requests share one commit (two when the writer took the first of them while the gate held).
        Assert.InRange(store.Calls, 2, 3);
        Assert.Equal(200, await hub.Services.GetRequiredService<HubDatabase>().CountAsync("SELECT count(*) FROM events WHERE source = 'web'"));
    }

    internal static IReadOnlyList<TrackingMessage> Messages(int request, int count) =>
        Enumerable.Range(0, count).Select(i => new TrackingMessage
        {
            Type = MessageTypes.Track,
            MessageId = $"r{request}-m{i}",
            AnonymousId = $"visitor-{request}",
            Name = "Clicked",
            Timestamp = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(request),
            ReceivedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        }).ToArray();

    /// <summary>The real store, with its first write held until the test opens the gate.</summary>
    private sealed class GatedStore(ITrackingEventStore inner) : ITrackingEventStore
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Open() => _gate.TrySetResult();

        public async Task WriteAsync(IReadOnlyList<TrackedEvent> events, IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> accounts, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await _gate.Task;
            await inner.WriteAsync(events, accounts, now, cancellationToken);
        }
    }
}
