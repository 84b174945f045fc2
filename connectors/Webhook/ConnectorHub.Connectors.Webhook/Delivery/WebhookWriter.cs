using ConnectorHub.Connectors.Webhook.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Webhook.Delivery;

/// <summary>
/// Writes one run of one stream: splits each batch the host hands over into requests of <c>batch_size</c> records,
/// delivers each (retried by the SDK client), and returns one result per record.
/// </summary>
internal sealed class WebhookWriter : IDestinationWriter
{
    private readonly string _stream;
    private readonly WebhookSettings _settings;
    private readonly SignedRequestFactory _requests;
    private readonly ConnectorHttpClient _http;

    /// <summary>Creates a writer of <paramref name="stream"/> with <paramref name="settings"/>.</summary>
    public WebhookWriter(ConnectorContext context, WebhookSettings settings, string stream)
    {
        ArgumentNullException.ThrowIfNull(context);
        _stream = stream;
        _settings = settings;
        _requests = new SignedRequestFactory(settings, context.Time);
        _http = WebhookHttp.ForDelivery(context, settings);
    }

    /// <inheritdoc />
    public async Task<WriteBatchResult> WriteAsync(IReadOnlyList<DestinationRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new List<RecordResult>(batch.Count);
        foreach (var chunk in batch.Chunk(_settings.BatchSize))
        {
            results.AddRange(await DeliverAsync(chunk, cancellationToken));
        }

        return new WriteBatchResult(results);
    }

    /// <inheritdoc />
    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<IReadOnlyList<RecordResult>> DeliverAsync(IReadOnlyList<DestinationRecord> records, CancellationToken cancellationToken)
    {
        var batch = WebhookBatch.Create(_stream, records);
        try
        {
            using var response = await _http.SendAsync(() => _requests.Create(batch), cancellationToken);
            return ReceiverResults.Read(await response.Content.ReadAsStringAsync(cancellationToken), records);
        }
        catch (ConnectorException ex) when (WebhookFailureRules.IsTooLarge(ex) && records.Count > 1)
        {
            // 413: the receiver's body limit is below batch_size; halve until the pieces fit.
            var half = records.Count / 2;
            var first = await DeliverAsync(records.Take(half).ToArray(), cancellationToken);
            var second = await DeliverAsync(records.Skip(half).ToArray(), cancellationToken);
            return [.. first, .. second];
        }
        catch (ConnectorException ex) when (WebhookFailureRules.RejectsRecords(ex))
        {
            return records.Select(record => RecordResult.Rejected(record.Key, ex.Message)).ToArray();
        }
    }
}
