using System.Globalization;
using System.Net.Http.Headers;
using ConnectorHub.Connectors.Webhook.Configuration;
using ConnectorHub.Connectors.Webhook.Signing;

namespace ConnectorHub.Connectors.Webhook.Delivery;

/// <summary>
/// Builds the POST of a batch, new for every attempt: the body carries the attempt's time and is signed with the
/// same timestamp, so a retry after a long Retry-After wait is still fresh for the receiver's tolerance window.
/// </summary>
internal sealed class SignedRequestFactory(WebhookSettings settings, TimeProvider time)
{
    private static readonly ProductInfoHeaderValue UserAgent = new("ConnectorHub-Webhook", "1.0");

    /// <summary>The request of one attempt to deliver <paramref name="batch"/>.</summary>
    public HttpRequestMessage Create(WebhookBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var body = batch.Body(now);
        var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.Add("Idempotency-Key", batch.Id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        if (settings.SigningSecret is { } secret)
        {
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        }

        foreach (var (name, value) in settings.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
