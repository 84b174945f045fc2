using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Acme.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.Acme.Http;

/// <summary>
/// The Acme calls the connector makes, over the SDK's <see cref="ConnectorHttpClient"/>: it retries transient
/// failures with backoff and jitter, waits out 429s as long as Retry-After says (on the context's clock), and
/// throws every other failure as a classified exception carrying the redacted request.
/// </summary>
internal sealed class AcmeApi : IDisposable
{
    /// <summary>The most contacts Acme takes in one upsert request.</summary>
    public const int MaxContactsPerRequest = 100;

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

    /// <summary><c>GET v1/account</c>: the account the key belongs to.</summary>
    public async Task<JsonObject> GetAccountAsync(CancellationToken cancellationToken) =>
        await _http.GetJsonAsync("v1/account", cancellationToken) as JsonObject
        ?? throw new ConnectorInternalException("Acme answered GET v1/account with something other than a JSON object.");

    /// <summary>
    /// <c>POST v1/contacts/batch</c>: creates or updates up to <see cref="MaxContactsPerRequest"/> contacts by
    /// <c>external_id</c>, and returns one result per contact: <c>{"external_id", "status", "message"}</c>.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> UpsertContactsAsync(IReadOnlyList<JsonObject> contacts, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["contacts"] = new JsonArray(contacts.Select(c => (JsonNode)c.DeepClone()).ToArray()) };
        var answer = await _http.SendJsonAsync(HttpMethod.Post, "v1/contacts/batch", body, cancellationToken);
        return answer?["results"] is JsonArray results
            ? results.OfType<JsonObject>().ToArray()
            : throw new ConnectorInternalException("Acme answered POST v1/contacts/batch without a 'results' array.");
    }

    public void Dispose() => _http.Dispose();
}
