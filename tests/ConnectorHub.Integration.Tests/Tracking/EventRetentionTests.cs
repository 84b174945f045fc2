using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Tracking;
using ConnectorHub.Core.Tracking.Ingestion;
using ConnectorHub.Core.Tracking.Messages;
using ConnectorHub.Core.Tracking.Retention;
using ConnectorHub.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Integration.Tests.Tracking;

/// <summary>Retention removes events older than the setting, with their dedup rows and (on PostgreSQL) whole old partitions.</summary>
public sealed class EventRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Retention_RemovesOlderEvents_AndKeepsRecentOnes(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var writer = hub.Services.GetRequiredService<TrackingWriter>();
        var database = hub.Services.GetRequiredService<HubDatabase>();
        int[] ages = [400, 200, 45, 31, 29, 1];
        await writer.WriteAsync("web", ages.Select(days => Message($"age-{days}", Now.AddDays(-days))).ToArray(), CancellationToken.None);
        var retention = new EventRetention(database, Options.Create(new TrackingOptions { RetentionDays = 30 }), new FakeTimeProvider(Now), NullLogger<EventRetention>.Instance);

        var cutoff = await retention.ApplyAsync(CancellationToken.None);

        Assert.Equal(Now.AddDays(-30), cutoff);
        Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM events"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM events WHERE message_id = 'age-29'"));
        if (provider == StorageProvider.Postgres)
        {
            Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM event_message_ids"));
            Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM pg_class WHERE relname IN ('events_2025_10', 'events_2026_05')"));
            Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM pg_class WHERE relname = 'events_2026_11'"));
        }
    }

    private static TrackingMessage Message(string id, DateTimeOffset at) => new()
    {
        Type = MessageTypes.Track, MessageId = id, AnonymousId = "visitor", Name = "Old", Timestamp = at, ReceivedAt = Now,
    };
}
