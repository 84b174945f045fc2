using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaCustomAudiences.Graph;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Upload;

/// <summary>
/// Writes one run to one audience: adds go to <c>POST /{audience_id}/users</c> and removes to <c>DELETE</c>, at most
/// 10,000 rows per request, each request on its own. No upload <c>session</c> (optional in Meta's API): a session would
/// have to be closed by a batch after the last one (which has no rows to carry), and discards batches that come more
/// than 90 minutes after its first, which a throttled run can reach. Every record gets a result: rejected locally or by
/// Meta with the reason, accepted, or to retry when Meta kept throttling or failing.
/// </summary>
internal sealed class AudienceWriter(MetaGraphClient graph, string audienceId, ILogger logger) : IDestinationWriter
{
    /// <summary>Meta's limit of rows per request.</summary>
    public const int MaxRowsPerRequest = 10_000;

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

    /// <summary>Nothing to finish: every request stood on its own.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        graph.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(List<PreparedRecord> chunk, Dictionary<int, RecordResult> results, CancellationToken cancellationToken)
    {
        var rows = chunk.SelectMany(r => r.Rows).ToList();
        var response = await graph.SendUsersAsync(audienceId, chunk[0].Remove, new JsonObject { ["payload"] = UsersPayload.Build(rows) }, cancellationToken);

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
