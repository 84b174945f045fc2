using ConnectorHub.Connectors.Mailchimp.Api;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Connectors.Mailchimp.Writing;

/// <summary>
/// Writes one run to one Mailchimp list: upserts in batches of at most 500, removals one member at a time, never
/// more than <c>max_connections</c> requests in flight. Every record gets a result.
/// </summary>
internal sealed class ListWriter(MailchimpClient client, BatchUpsert upsert, MemberRemoval removal, string listId, ILogger logger) : IDestinationWriter
{
    public async Task<WriteBatchResult> WriteAsync(IReadOnlyList<DestinationRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (ready, results) = MemberPreparation.Prepare(batch);
        string? stopped = null;
        foreach (var chunk in MemberPreparation.Chunks(ready))
        {
            if (stopped is not null)
            {
                chunk.ForEach(m => results[m.Index] = RecordResult.Retry(m.Record.Key, stopped));
                continue;
            }

            try
            {
                var written = chunk[0].Remove ? await removal.RunAsync(chunk, cancellationToken) : await upsert.RunAsync(chunk, cancellationToken);
                foreach (var (index, result) in written)
                {
                    results[index] = result;
                }
            }
            catch (Exception ex) when (ex is RateLimitedException or TransientException)
            {
                // Mailchimp kept throttling or failing past our patience: nothing after this point is sent in this batch.
                stopped = $"Not written: {ex.Message} The hub retries this record later.";
                logger.LogWarning("Mailchimp list {ListId}: {Message}", listId, ex.Message);
                chunk.ForEach(m => results[m.Index] = RecordResult.Retry(m.Record.Key, stopped));
            }
        }

        return new WriteBatchResult(Enumerable.Range(0, batch.Count).Select(i => results[i]).ToArray());
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
