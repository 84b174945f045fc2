using ConnectorHub.Core.CanonicalStore;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Canonical;
using Npgsql;
using NpgsqlTypes;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// Events on PostgreSQL: binary COPY of the group into a session temp table, then one statement that claims the message
/// ids (<c>event_message_ids</c>) and moves the fresh rows into the partitioned <c>events</c>, pointing each at its
/// profile's survivor should the profile have been merged meanwhile. One transaction per commit group.
/// </summary>
internal sealed class PostgresTrackingEventStore(HubDatabase database, EventPartitions partitions, ICanonicalWriter canonical) : ITrackingEventStore
{
    private const string Staging =
        """
        CREATE TEMP TABLE IF NOT EXISTS tracking_staging (
            source text, message_id text, type text, name text, profile_id bigint, user_id text, anonymous_id text,
            properties jsonb, context jsonb, event_time timestamptz, sent_at timestamptz, received_at timestamptz
        ) ON COMMIT DELETE ROWS
        """;

    // The temp table has no statistics until analyzed: without them the planner joins it to the claimed ids with a
    // nested loop over the whole group (quadratic), where it should hash.
    private const string Move =
        """
        ANALYZE tracking_staging;
        WITH fresh AS (
            INSERT INTO event_message_ids (source, message_id, event_time)
            SELECT source, message_id, event_time FROM tracking_staging
            ON CONFLICT DO NOTHING RETURNING source, message_id
        )
        INSERT INTO events (source, message_id, type, name, profile_id, user_id, anonymous_id, properties, context, event_time, sent_at, received_at)
        SELECT s.source, s.message_id, s.type, s.name, coalesce(p.merged_into, s.profile_id), s.user_id, s.anonymous_id, s.properties, s.context,
               s.event_time, s.sent_at, s.received_at
        FROM tracking_staging s JOIN fresh f ON f.source = s.source AND f.message_id = s.message_id
        LEFT JOIN profiles p ON p.id = s.profile_id
        """;

    public async Task WriteAsync(IReadOnlyList<(CanonicalEvent Event, long? ProfileId)> events, IReadOnlyList<(Account Account, IReadOnlyList<long> Members)> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (accounts.Count > 0)
        {
            var batch = new CanonicalBatch();
            batch.Accounts.AddRange(accounts);
            await canonical.WriteAsync(batch, now, cancellationToken);
        }

        var unique = events.DistinctBy(e => (e.Event.Source, e.Event.MessageId)).ToArray();
        if (unique.Length == 0)
        {
            return;
        }

        await partitions.EnsureAsync(database.PostgresDataSource, unique.Select(e => e.Event.Timestamp), cancellationToken);
        await using var connection = await database.PostgresDataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(Staging, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY tracking_staging (source, message_id, type, name, profile_id, user_id, anonymous_id, properties, context, event_time, sent_at, received_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var (e, profileId) in unique)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(e.Source!, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(e.MessageId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(e.Type, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(importer, e.Name, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(importer, profileId, NpgsqlDbType.Bigint, cancellationToken);
                await WriteAsync(importer, e.UserId, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(importer, e.AnonymousId, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(importer, e.Properties?.ToJsonString(), NpgsqlDbType.Jsonb, cancellationToken);
                await WriteAsync(importer, e.Context?.ToJsonString(), NpgsqlDbType.Jsonb, cancellationToken);
                await importer.WriteAsync(e.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await WriteAsync(importer, e.SentAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync((e.ReceivedAt ?? now).ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var move = new NpgsqlCommand(Move, connection, transaction))
        {
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);
}
