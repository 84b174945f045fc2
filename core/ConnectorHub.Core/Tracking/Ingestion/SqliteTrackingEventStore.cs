using ConnectorHub.Core.CanonicalStore;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Canonical;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// Events on SQLite: multi-row inserts that skip known (source, message id) pairs, then the new rows of profiles merged
/// meanwhile re-pointed to the survivor, in one write transaction (SQLite has one writer, so no merge interleaves).
/// </summary>
internal sealed class SqliteTrackingEventStore(HubDatabase database, ICanonicalWriter canonical) : ITrackingEventStore
{
    public async Task WriteAsync(IReadOnlyList<TrackedEvent> events, IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unique = await TrackingGroupStart.AccountsThenUniqueEventsAsync(canonical, events, accounts, now, cancellationToken);
        if (unique.Length == 0)
        {
            return;
        }

        await using var connection = (SqliteConnection)await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await new SqliteBulkInsert(connection, transaction, "events",
                ["source", "message_id", "type", "name", "profile_id", "user_id", "anonymous_id", "properties", "context", "integrations", "event_time", "sent_at", "received_at"],
                "ON CONFLICT (source, message_id) DO NOTHING")
            .InsertAsync(unique.Select(e => new object?[]
            {
                e.Event.Source, e.Event.MessageId, e.Event.Type, e.Event.Name, e.ProfileId, e.Event.UserId, e.Event.AnonymousId,
                StoredJson.Text(e.Event.Properties), StoredJson.Text(e.Event.Context), StoredJson.Text(e.Integrations), SqliteTime.Write(e.Event.Timestamp),
                e.Event.SentAt is { } sent ? SqliteTime.Write(sent) : null, SqliteTime.Write(e.Event.ReceivedAt ?? now),
            }), cancellationToken);
        var profiles = unique.Where(e => e.ProfileId is not null).Select(e => e.ProfileId!.Value).Distinct().ToArray();
        foreach (var chunk in profiles.Chunk(500))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE events SET profile_id = p.merged_into FROM profiles p WHERE p.id = events.profile_id AND p.merged_into IS NOT NULL AND events.profile_id IN @chunk",
                new { chunk }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
