using System.Globalization;
using System.Net.Http.Headers;
using ConnectorHub.Connectors.Acme.Configuration;
using ConnectorHub.Connectors.Acme.Reading;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Acme.Http;

/// <summary>
/// The Acme calls the connector makes, over the SDK's <see cref="ConnectorHttpClient"/>: it retries transient
/// failures with backoff and jitter, waits out 429s as long as Retry-After says (on the context's clock), and
/// throws every other failure as a classified exception carrying the redacted request.
/// </summary>
internal sealed class AcmeApi : IDisposable
{
    private readonly ConnectorHttpClient _http;

    private AcmeApi(ConnectorContext context, AcmeSettings settings)
    {
        Settings = settings;
        _http = new ConnectorHttpClient(context, new ConnectorHttpOptions
        {
            BaseAddress = settings.BaseAddress,

            // Called before every attempt, so retries carry the key too.
            Authenticate = (request, _) =>
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
                return ValueTask.CompletedTask;
            },
            Classify = AcmeErrors.Classify,

            // Never written to logs or to the failed-request record kept with a run.
            SecretValues = [settings.ApiKey],
        });
    }

    public AcmeSettings Settings { get; }

    public static AcmeApi Create(ConnectorContext context) => new(context, AcmeSettings.From(context.Config));

    /// <summary>
    /// <c>GET v1/contacts</c>: one page of contacts ordered by <c>updated_at</c>, then <c>id</c>; with
    /// <paramref name="updatedSince"/>, only those updated at or after it.
    /// </summary>
    public async Task<ContactsPage> ListContactsAsync(DateTimeOffset? updatedSince, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var query = $"limit={limit.ToString(CultureInfo.InvariantCulture)}";
        if (updatedSince is { } since)
        {
            query += $"&updated_since={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}";
        }

        if (cursor is not null)
        {
            query += $"&cursor={Uri.EscapeDataString(cursor)}";
        }

        return ContactsPage.From(await _http.GetJsonAsync($"v1/contacts?{query}", cancellationToken));
    }

    public void Dispose() => _http.Dispose();
}
