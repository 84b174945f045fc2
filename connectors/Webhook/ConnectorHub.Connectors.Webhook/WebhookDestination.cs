using ConnectorHub.Connectors.Webhook.Checking;
using ConnectorHub.Connectors.Webhook.Configuration;
using ConnectorHub.Connectors.Webhook.Delivery;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Webhook;

/// <summary>
/// A destination that POSTs batches of records as JSON to a URL: each request signed (HMAC-SHA256 over
/// timestamp and body, verifiable with <see cref="Signing.WebhookSignature"/>), carrying a deterministic
/// <c>Idempotency-Key</c>, retried with backoff on 5xx/408 and after Retry-After on 429, with per-record results when
/// the receiver gives them.
/// </summary>
/// <remarks>Stateless: each writer holds its own client and settings, so one instance serves every connection.</remarks>
public sealed class WebhookDestination : IDestinationConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => WebhookSpec.Create();

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WebhookCheck.RunAsync(context, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The host may hand over up to <see cref="WebhookSettings.MaxBatchSize"/> records at a time; the writer sends
    /// them in requests of the connection's <c>batch_size</c>. Overwrite is not offered: a receiver is never told
    /// where a run starts and ends, so it cannot replace its copy.
    /// </remarks>
    public DestinationCapabilities GetCapabilities() => new()
    {
        MaxBatchSize = WebhookSettings.MaxBatchSize,
        SupportedModes =
        [
            DestinationSyncMode.Append, DestinationSyncMode.AppendDedup, DestinationSyncMode.Upsert, DestinationSyncMode.UpdateOnly,
            DestinationSyncMode.InsertOnly, DestinationSyncMode.AddRemove, DestinationSyncMode.Mirror,
        ],
        SupportedOperations = [RecordOperation.Upsert, RecordOperation.Delete, RecordOperation.Add, RecordOperation.Remove],
    };

    /// <inheritdoc />
    public Task<IDestinationWriter> OpenAsync(ConnectorContext context, WriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var settings = WebhookSettingsReader.Read(context.Config);
        return Task.FromResult<IDestinationWriter>(new WebhookWriter(context, settings, request.Stream));
    }
}
