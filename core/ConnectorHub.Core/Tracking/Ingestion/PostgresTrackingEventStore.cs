using ConnectorHub.Core.CanonicalStore;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Canonical;
using Npgsql;
using NpgsqlTypes;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// Events on PostgreSQL, one transaction per commit group: the group's message ids are claimed in
/// <c>event_message_ids</c> (those already there are skipped: a retry stores nothing twice, and a concurrent claim of
/// the same id waits on its key), then only the fresh events are binary-COPYed straight into the partitioned
/// <c>events</c>, each pointed at its profile's survivor should the profile have been merged meanwhile.
/// </summary>
internal sealed class PostgresTrackingEventStore(HubDatabase database, EventPartitions partitions, ICanonicalWriter canonical) : ITrackingEventStore
{
    public async Task WriteAsync(IReadOnlyList<TrackedEvent> events, IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unique = await TrackingGroupStart.AccountsThenUniqueEventsAsync(canonical, events, accounts, now, cancellationToken);
        if (unique.Length == 0)
        {
            return;
        }

        await partitions.EnsureAsync(database.PostgresDataSource, unique.Select(e => e.Event.Timestamp), cancellationToken);
        await using var connection = await database.PostgresDataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var fresh = await ClaimAsync(connection, transaction, unique, cancellationToken);
        var survivors = await SurvivorsAsync(connection, transaction, unique, cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY events (source, message_id, type, name, profile_id, user_id, anonymous_id, properties, context, integrations, event_time, sent_at, received_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var (e, profileId, integrations) in unique)
            {
                if (!fresh.Contains((e.Source!, e.MessageId)))
                {
                    continue;
                }

                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(e.Source!, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(e.MessageId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(e.Type, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(importer, e.Name, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(importer, profileId is { } id && survivors.TryGetValue(id, out var survivor) ? survivor : profileId, NpgsqlDbType.Bigint, cancellationToken);
                await WriteAsync(importer, e.UserId, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(importer, e.AnonymousId, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(importer, StoredJson.Text(e.Properties), NpgsqlDbType.Jsonb, cancellationToken);
                await WriteAsync(importer, StoredJson.Text(e.Context), NpgsqlDbType.Jsonb, cancellationToken);
                await WriteAsync(importer, StoredJson.Text(integrations), NpgsqlDbType.Jsonb, cancellationToken);
                await importer.WriteAsync(e.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await WriteAsync(importer, e.SentAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync((e.ReceivedAt ?? now).ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Claims the message ids; returns those that were not stored before.</summary>
    private static async Task<HashSet<(string Source, string MessageId)>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TrackedEvent[] events, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO event_message_ids (source, message_id, event_time)
            SELECT * FROM unnest(@sources, @ids, @times) ON CONFLICT DO NOTHING RETURNING source, message_id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("sources", events.Select(e => e.Event.Source!).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", events.Select(e => e.Event.MessageId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("times", events.Select(e => e.Event.Timestamp.ToUniversalTime()).ToArray()));
        var fresh = new HashSet<(string, string)>(events.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fresh.Add((reader.GetString(0), reader.GetString(1)));
        }

        return fresh;
    }

    /// <summary>The survivors of the group's profiles that were merged away since they were resolved.</summary>
    private static async Task<Dictionary<long, long>> SurvivorsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TrackedEvent[] events, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id, merged_into FROM profiles WHERE id = ANY(@ids) AND merged_into IS NOT NULL", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", events.Where(e => e.ProfileId is not null).Select(e => e.ProfileId!.Value).Distinct().ToArray()));
        var survivors = new Dictionary<long, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            survivors[reader.GetInt64(0)] = reader.GetInt64(1);
        }

        return survivors;
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);
}
