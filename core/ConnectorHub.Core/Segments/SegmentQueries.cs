using System.Diagnostics;
using System.Text.Json;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Segments.Compilation;
using ConnectorHub.Core.Segments.Rules;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Dapper;

namespace ConnectorHub.Core.Segments;

/// <summary>Reads about segments: a count preview of an unsaved rule, the current members, the history of entries and exits.</summary>
public sealed class SegmentQueries(HubDatabase database, TimeProvider time)
{
    private const int SampleSize = 20;

    private readonly SegmentDefinitions _definitions = new(database);

    /// <summary>
    /// How many surviving profiles <paramref name="definition"/> matches now, with a sample of their ids. Computed
    /// traits are read as last computed.
    /// </summary>
    public async Task<SegmentPreview> PreviewAsync(JsonElement definition, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rule = RuleParser.Parse(definition);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var references = await _definitions.LoadAsync(connection, cancellationToken);
        SegmentDefinitions.CheckReferences(rule, null, references);
        var compiled = new RuleCompiler(database.Provider, time.GetUtcNow(), references).Compile(rule);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (SqlDialect.For(database.Provider).SessionSettings is { } settings)
        {
            await connection.ExecuteAsync(new CommandDefinition(settings, transaction: transaction, cancellationToken: cancellationToken));
        }

        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(compiled.Count, compiled.Parameters, transaction, commandTimeout: 120, cancellationToken: cancellationToken));
        var sample = await connection.QueryAsync<long>(new CommandDefinition(compiled.SelectIds + $" ORDER BY p.id LIMIT {SampleSize}", compiled.Parameters, transaction, commandTimeout: 120, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new SegmentPreview(count, sample.ToArray(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The segment's current members by profile id, paged.</summary>
    public async Task<IReadOnlyList<SegmentMember>> MembersAsync(long segmentId, int limit, int offset, CancellationToken cancellationToken)
    {
        ProfileService.CheckPage(limit, offset);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await EnsureExistsAsync(connection, segmentId, cancellationToken);
        var rows = await connection.QueryAsync<(long ProfileId, object EnteredAt)>(new CommandDefinition(
            "SELECT profile_id, entered_at FROM segment_memberships WHERE segment_id = @segmentId AND exited_at IS NULL ORDER BY profile_id LIMIT @limit OFFSET @offset",
            new { segmentId, limit, offset }, cancellationToken: cancellationToken));
        return rows.Select(r => new SegmentMember(r.ProfileId, StoredTime.Read(r.EnteredAt))).ToArray();
    }

    /// <summary>Entries and exits of the segment, newest first, paged.</summary>
    public async Task<IReadOnlyList<SegmentChange>> HistoryAsync(long segmentId, int limit, int offset, CancellationToken cancellationToken)
    {
        ProfileService.CheckPage(limit, offset);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await EnsureExistsAsync(connection, segmentId, cancellationToken);
        var rows = await connection.QueryAsync<(long ProfileId, string Change, object At)>(new CommandDefinition("""
            SELECT profile_id, change, at FROM (
                SELECT profile_id, 'entered' AS change, entered_at AS at, id FROM segment_memberships WHERE segment_id = @segmentId
                UNION ALL
                SELECT profile_id, 'exited' AS change, exited_at AS at, id FROM segment_memberships WHERE segment_id = @segmentId AND exited_at IS NOT NULL
            ) h
            ORDER BY at DESC, change DESC, profile_id LIMIT @limit OFFSET @offset
            """, new { segmentId, limit, offset }, cancellationToken: cancellationToken));
        return rows.Select(r => new SegmentChange(r.ProfileId, r.Change, StoredTime.Read(r.At))).ToArray();
    }

    private static async Task EnsureExistsAsync(System.Data.Common.DbConnection connection, long segmentId, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT id FROM segments WHERE id = @segmentId", new { segmentId }, cancellationToken: cancellationToken)) is null)
        {
            throw NotFoundException.For("segment", segmentId);
        }
    }
}
