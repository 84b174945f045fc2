using ConnectorHub.Connectors.Acme.Http;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Connectors.Acme.Writing;

/// <summary>
/// Writes one run's batches. Returning from <see cref="WriteAsync"/> is the acknowledgement: every record has a
/// result (accepted, rejected with Acme's reason, or retry), so the hub may commit the checkpoint after the batch.
/// A configuration error (a revoked key) is thrown and stops the run.
/// </summary>
internal sealed class ContactsWriter(AcmeApi api, ILogger logger) : IDestinationWriter
{
    public async Task<WriteBatchResult> WriteAsync(IReadOnlyList<DestinationRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new RecordResult?[batch.Count];
        var pending = new List<PendingContact>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (ContactBody.TryCreate(batch[i], out var body, out var problem))
            {
                pending.Add(new PendingContact(i, batch[i].Key, body));
            }
            else
            {
                results[i] = RecordResult.Rejected(batch[i].Key, problem);
            }
        }

        string? stopped = null;
        foreach (var request in UpsertRequests.Split(pending, AcmeApi.MaxContactsPerRequest))
        {
            if (stopped is null)
            {
                try
                {
                    var answers = await api.UpsertContactsAsync(request.Select(c => c.Body).ToArray(), cancellationToken);
                    UpsertResults.Apply(request, answers, results);
                }
                catch (Exception ex) when (ex is RateLimitedException or TransientException)
                {
                    // Acme kept throttling or failing past the client's retries: send nothing more of this batch.
                    stopped = $"Not written: {ex.Message} The hub retries this record later.";
                    logger.LogWarning("Acme upsert stopped for this batch: {Message}", ex.Message);
                }
            }

            foreach (var contact in request.Where(c => results[c.Index] is null))
            {
                results[contact.Index] = RecordResult.Retry(contact.Key, stopped ?? "Acme's answer did not mention this contact; the hub retries it later.");
            }
        }

        return new WriteBatchResult(results.Select(r => r!).ToArray());
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        api.Dispose();
        return ValueTask.CompletedTask;
    }
}
