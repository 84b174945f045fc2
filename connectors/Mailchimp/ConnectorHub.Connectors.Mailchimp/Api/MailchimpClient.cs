using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Mailchimp.Api;

/// <summary>The Marketing API v3 over <see cref="ConnectorHttpClient"/>: Basic auth with the key, Mailchimp's error rules.</summary>
internal sealed class MailchimpClient : IDisposable
{
    private readonly ConnectorHttpClient _http;

    public MailchimpClient(ConnectorContext context, MailchimpConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _http = new ConnectorHttpClient(context, Options(config));
    }

    /// <summary>
    /// Mailchimp sends no Retry-After on its concurrency 429, and a slot frees within moments, so rate-limit waits
    /// are short.
    /// </summary>
    public static ConnectorHttpOptions Options(MailchimpConfig config)
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"connectorhub:{config.ApiKey}"));
        return new ConnectorHttpOptions
        {
            BaseAddress = config.BaseUrl,
            Authenticate = (request, _) =>
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                return ValueTask.CompletedTask;
            },
            Classify = MailchimpFailureClassifier.Classify,
            SecretValues = [config.ApiKey, credentials],
            DefaultRateLimitDelay = TimeSpan.FromSeconds(3),
            MaxRateLimitWaits = 10,
            BaseDelay = TimeSpan.FromSeconds(1),
            AttemptTimeout = TimeSpan.FromMinutes(2),
        };
    }

    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) => _http.GetJsonAsync($"3.0/{path}", cancellationToken);

    public Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken) =>
        _http.SendJsonAsync(method, $"3.0/{path}", body, cancellationToken);

    public void Dispose() => _http.Dispose();
}
