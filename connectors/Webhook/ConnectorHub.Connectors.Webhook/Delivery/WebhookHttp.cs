using ConnectorHub.Connectors.Webhook.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Webhook.Delivery;

/// <summary>Creates the SDK HTTP client the webhook sends through, with the webhook's failure rules and secrets.</summary>
internal static class WebhookHttp
{
    /// <summary>A client for deliveries: the SDK's retries with backoff, and Retry-After waits.</summary>
    public static ConnectorHttpClient ForDelivery(ConnectorContext context, WebhookSettings settings) =>
        new(context, Options(context, settings));

    /// <summary>A client for the connection check: one retry and short waits, so a check answers quickly.</summary>
    public static ConnectorHttpClient ForCheck(ConnectorContext context, WebhookSettings settings) =>
        new(context, Options(context, settings) with
        {
            MaxTransientRetries = 1,
            MaxRateLimitWaits = 1,
            MaxRateLimitDelay = TimeSpan.FromSeconds(5),
        });

    private static ConnectorHttpOptions Options(ConnectorContext context, WebhookSettings settings) => new()
    {
        Classify = WebhookFailureRules.Classifier(context.Time),
        AttemptTimeout = settings.Timeout,
        SecretValues = settings.SecretValues,
    };
}
