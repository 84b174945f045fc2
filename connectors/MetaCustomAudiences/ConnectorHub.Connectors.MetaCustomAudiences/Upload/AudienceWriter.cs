using ConnectorHub.Connectors.MetaCustomAudiences.Graph;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Upload;

/// <summary>
/// Writes one run to one audience: adds go to <c>POST /{audience_id}/users</c> and removes to <c>DELETE</c>,
/// each in its own session with <c>batch_seq</c> counting up, at most 10,000 rows per request. Every record gets a
/// result: rejected locally or by Meta with the reason, accepted, or to retry when Meta kept throttling or failing.
/// </summary>
internal sealed class AudienceWriter(MetaGraphClient graph, string audienceId, ILogger logger) : IDestinationWriter
{
    /// <summary>Meta's limit of rows per request.</summary>
    public const int MaxRowsPerRequest = 10_000;

    private readonly UploadSession _adds = new(remove: false);
    private readonly UploadSession _removes = new(remove: true);

    public async Task<WriteBatchResult> WriteAsync(IReadOnlyList<DestinationRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (ready, results) = RecordPreparation.Prepare(batch);
        string? stopped = null;
        foreach (var chunk in RecordPreparation.Chunks(ready, MaxRowsPerRequest))
        {
            if (stopped is not null)
            {
                chunk.ForEach(r => results[r.Index] = RecordResult.Retry(r.Record.Key, stopped));
                continue;
            }

            try
            {
                await SendAsync(chunk, results, cancellationToken);
            }
            catch (Exception ex) when (ex is RateLimitedException or TransientException)
            {
                // Meta kept throttling or failing past our patience: nothing after this point is sent in this batch.
                stopped = $"Not sent: {ex.Message} The hub retries this record later.";
                logger.LogWarning("Meta audience {AudienceId}: {Message}", audienceId, ex.Message);
                chunk.ForEach(r => results[r.Index] = RecordResult.Retry(r.Record.Key, stopped));
            }
        }

        return new WriteBatchResult(Enumerable.Range(0, batch.Count).Select(i => results[i]).ToArray());
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var session in new[] { _adds, _removes }.Where(s => s.NeedsClosing))
        {
            try
            {
                await graph.SendUsersAsync(audienceId, session.Remove, session.ClosingBody(), cancellationToken);
                session.Accepted([], last: true);
            }
            catch (Exception ex) when (ex is RateLimitedException or TransientException)
            {
                // Every batch is already applied; Meta closes an unfinished session by itself after 90 minutes.
                logger.LogWarning("Meta audience {AudienceId}: could not close upload session {SessionId} ({Message}); Meta closes it after 90 minutes.", audienceId, session.Id, ex.Message);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        graph.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(List<PreparedRecord> chunk, Dictionary<int, RecordResult> results, CancellationToken cancellationToken)
    {
        var session = chunk[0].Remove ? _removes : _adds;
        var rows = chunk.SelectMany(r => r.Rows).ToList();
        var response = await graph.SendUsersAsync(audienceId, session.Remove, session.Body(rows, last: false), cancellationToken);
        session.Accepted(rows, last: false);

        var invalid = InvalidEntries.Attribute(response, chunk);
        if (invalid.Unattributed > 0)
        {
            logger.LogWarning("Meta audience {AudienceId}: {Count} invalid entries were reported without samples; their records count as accepted.", audienceId, invalid.Unattributed);
        }

        foreach (var record in chunk)
        {
            results[record.Index] = invalid.Rejected.TryGetValue(record.Index, out var reason)
                ? RecordResult.Rejected(record.Record.Key, reason)
                : RecordResult.Accepted(record.Record.Key);
        }
    }
}
