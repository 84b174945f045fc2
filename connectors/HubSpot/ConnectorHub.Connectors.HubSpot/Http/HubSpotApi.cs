using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.HubSpot.Configuration;
using ConnectorHub.Connectors.HubSpot.Streams;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;
using ConnectorHub.Sdk.Http.OAuth;

namespace ConnectorHub.Connectors.HubSpot.Http;

/// <summary>
/// The CRM calls the connector makes, over <see cref="ConnectorHttpClient"/> (retries, Retry-After, one refresh on
/// 401) with a private-app token or an OAuth access token kept fresh by <see cref="OAuthTokenManager"/>.
/// </summary>
internal sealed class HubSpotApi : IDisposable
{
    private readonly ConnectorHttpClient _http;
    private readonly OAuthTokenManager? _tokens;
    private readonly HubSpotTokenEndpoint? _tokenEndpoint;

    private HubSpotApi(ConnectorContext context, HubSpotSettings settings)
    {
        Settings = settings;
        Func<HttpRequestMessage, CancellationToken, ValueTask> authenticate;
        Func<CancellationToken, Task<bool>>? refresh = null;
        if (settings.UsesOAuth)
        {
            _tokenEndpoint = new HubSpotTokenEndpoint(context, settings.BaseAddress, settings.SecretValues);
            var tokens = new OAuthTokenManager(context, _tokenEndpoint.RefreshAsync);
            _tokens = tokens;
            authenticate = async (request, ct) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAccessTokenAsync(ct));
            refresh = tokens.RefreshAfterRejectionAsync;
        }
        else
        {
            var token = context.Config.GetRequiredString(HubSpotSettings.PrivateAppToken);
            authenticate = (request, _) =>
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return ValueTask.CompletedTask;
            };
        }

        _http = new ConnectorHttpClient(context, new ConnectorHttpOptions
        {
            BaseAddress = settings.BaseAddress,
            Authenticate = authenticate,
            RefreshCredentials = refresh,
            Classify = HubSpotErrors.Classify,
            DefaultRateLimitDelay = HubSpotErrors.TenSecondlyWait,
            SecretValues = settings.SecretValues,
        });
    }

    public HubSpotSettings Settings { get; }

    public static HubSpotApi Create(ConnectorContext context) => new(context, HubSpotSettings.From(context.Config));

    /// <summary><c>GET /crm/v3/objects/{type}</c>: one page in id order from <paramref name="after"/>.</summary>
    public async Task<JsonObject> ListAsync(CrmStream stream, string? after, int limit, CancellationToken cancellationToken)
    {
        var uri = $"crm/v3/objects/{stream.Name}?limit={limit.ToString(CultureInfo.InvariantCulture)}&archived=false&properties={Uri.EscapeDataString(string.Join(',', stream.Properties))}"
            + (after is null ? string.Empty : $"&after={Uri.EscapeDataString(after)}");
        return Expect(await _http.GetJsonAsync(uri, cancellationToken), stream);
    }

    /// <summary><c>POST /crm/v3/objects/{type}/search</c>: modified at or after <paramref name="sinceMs"/>, oldest first, from <paramref name="offset"/>.</summary>
    public async Task<JsonObject> SearchModifiedSinceAsync(CrmStream stream, long sinceMs, int offset, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["filterGroups"] = new JsonArray(new JsonObject
            {
                ["filters"] = new JsonArray(new JsonObject
                {
                    ["propertyName"] = stream.ModifiedProperty,
                    ["operator"] = "GTE",
                    ["value"] = sinceMs.ToString(CultureInfo.InvariantCulture),
                }),
            }),
            ["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = stream.ModifiedProperty, ["direction"] = "ASCENDING" }),
            ["properties"] = new JsonArray(stream.Properties.Select(p => (JsonNode)p).ToArray()),
            ["limit"] = Settings.SearchPageSize,
            ["after"] = offset.ToString(CultureInfo.InvariantCulture),
        };
        return Expect(await _http.SendJsonAsync(HttpMethod.Post, $"crm/v3/objects/{stream.Name}/search", body, cancellationToken), stream);
    }

    public void Dispose()
    {
        _http.Dispose();
        _tokens?.Dispose();
        _tokenEndpoint?.Dispose();
    }

    private static JsonObject Expect(JsonNode? answer, CrmStream stream) =>
        answer as JsonObject ?? throw new ConnectorInternalException($"HubSpot answered a {stream.Name} page that is not a JSON object.");
}
