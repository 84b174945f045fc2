using ConnectorHub.Connectors.Webhook.Configuration;
using ConnectorHub.Connectors.Webhook.Delivery;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Webhook.Checking;

/// <summary>
/// Checks a configuration by sending the receiver a signed ping: a batch of stream <see cref="PingStream"/> with no
/// records. A 2xx answer means the URL, the signature and the headers are accepted.
/// </summary>
internal static class WebhookCheck
{
    /// <summary>The stream name of the check's ping; receivers should answer it 2xx and otherwise ignore it.</summary>
    public const string PingStream = "connectorhub.check";

    /// <summary>The result of the check, with a message an admin can act on.</summary>
    public static async Task<CheckResult> RunAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            var settings = WebhookSettingsReader.Read(context.Config);
            var requests = new SignedRequestFactory(settings, context.Time);
            var ping = WebhookBatch.Create(PingStream, []);
            using var http = WebhookHttp.ForCheck(context, settings);
            using var response = await http.SendAsync(() => requests.Create(ping), cancellationToken);
            return CheckResult.Success($"The webhook at {settings.Url.GetLeftPart(UriPartial.Path)} accepted a signed test request ({(int)response.StatusCode}).");
        }
        catch (ConnectorException ex) when (ex is ConfigurationException || WebhookFailureRules.RejectsRecords(ex))
        {
            return CheckResult.Failure($"{ex.Message} The check sends a batch of stream '{PingStream}' with no records; the receiver should answer it 2xx.");
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure($"The webhook could not be reached: {ex.Message}");
        }
    }
}
