using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>
/// Mailchimp Marketing API v3 (<c>/3.0/</c>) for list members: Basic auth with <c>anystring:KEY-dc</c> or an OAuth
/// bearer token (with <c>/oauth2/metadata</c> for its data center), ping,
/// lists, batch subscribe (500 members, 200 with <c>errors[]</c>), member add/upsert/update/archive/tags with
/// merge-field and compliance checks, problem+json errors, and 429 beyond 10 simultaneous connections. Member
/// state is kept per list so tests can assert exactly who is subscribed with which fields and tags.
/// </summary>
public sealed class MailchimpEmulator : IEmulator
{
    /// <summary>The data center the emulator plays (the host would be <c>us14.api.mailchimp.com</c>).</summary>
    public const string DefaultDataCenter = "us14";

    /// <summary>The API key accepted unless told otherwise.</summary>
    public const string DefaultApiKey = "0123456789abcdef0123456789abcdef-us14";

    private readonly ConcurrentDictionary<string, MailchimpList> _lists = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _batchSizes = new();
    private int _inFlight;
    private int _maxInFlight;
    private int _nextList = 0xa1b2c;

    /// <summary>Creates an emulator whose timestamps come from <paramref name="time"/>.</summary>
    public MailchimpEmulator(TimeProvider? time = null) => Time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public string Name => "mailchimp";

    /// <summary>The data center keys must end with.</summary>
    public string DataCenter { get; init; } = DefaultDataCenter;

    /// <summary>The OAuth 2 access token accepted unless told otherwise.</summary>
    public const string DefaultAccessToken = "oauth-0123456789abcdef0123456789abcdef";

    /// <summary>Accepted API keys.</summary>
    public ConcurrentDictionary<string, byte> ApiKeys { get; } = new(StringComparer.Ordinal) { [DefaultApiKey] = 0 };

    /// <summary>Accepted OAuth 2 access tokens (sent as <c>Authorization: Bearer</c>).</summary>
    public ConcurrentDictionary<string, byte> AccessTokens { get; } = new(StringComparer.Ordinal) { [DefaultAccessToken] = 0 };

    /// <summary>Domains whose addresses Mailchimp calls fake (it refuses example.com and friends).</summary>
    public IReadOnlySet<string> FakeDomains { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "example.com", "example.net", "example.org" };

    /// <summary>Requests in flight above which Mailchimp answers 429 (10 per user).</summary>
    public int MaxSimultaneousConnections { get; init; } = 10;

    /// <summary>Time each request takes, so tests can observe concurrency.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>The most requests that were ever in flight at once.</summary>
    public int MaxObservedConcurrency => Volatile.Read(ref _maxInFlight);

    /// <summary>How many members each batch subscribe request carried, in order (refused ones included).</summary>
    public IReadOnlyList<int> BatchSizes => _batchSizes.ToArray();

    /// <summary>The emulator's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Every list, oldest first.</summary>
    public IReadOnlyList<MailchimpList> Lists => _lists.Values.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();

    /// <summary>Creates a list with the given merge fields (Mailchimp's defaults when null).</summary>
    public MailchimpList CreateList(string name, IReadOnlyList<MergeField>? mergeFields = null, MailchimpListSettings? settings = null)
    {
        var id = Interlocked.Increment(ref _nextList).ToString("x5", CultureInfo.InvariantCulture) + "e5f6a";
        return _lists[id] = new MailchimpList(id, name, mergeFields ?? MergeField.Defaults, Time.GetUtcNow(), settings ?? new MailchimpListSettings());
    }

    /// <summary>The list with <paramref name="id"/>, or null.</summary>
    public MailchimpList? FindList(string id) => _lists.GetValueOrDefault(id);

    /// <inheritdoc />
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var lists = new ListEndpoints(this);
        var members = new MemberEndpoints(this);
        var api = app.MapGroup("/3.0").AddEndpointFilter(async (context, next) =>
            MailchimpAuth.Check(context.HttpContext.Request, this) ?? await WithConnectionLimitAsync(() => next(context)));

        api.MapGet("/ping", ListEndpoints.Ping);
        app.MapGet("/oauth2/metadata", (HttpRequest r) => OAuthMetadata(r));
        api.MapGet("/lists", (HttpRequest r) => lists.Lists(r));
        api.MapGet("/lists/{listId}", (string listId) => OnList(listId, lists.List));
        api.MapPost("/lists/{listId}", (HttpRequest r, string listId) => OnBodyAsync(r, listId, (l, b) =>
        {
            _batchSizes.Enqueue((b["members"] as JsonArray)?.Count ?? 0);
            return BatchSubscribe.Handle(this, l, b, Flag(r, "skip_merge_validation"), Flag(r, "skip_duplicate_check"));
        }));
        api.MapGet("/lists/{listId}/merge-fields", (string listId) => OnList(listId, ListEndpoints.MergeFields));
        api.MapGet("/lists/{listId}/members", (HttpRequest r, string listId) => OnList(listId, l => lists.Members(l, r)));
        api.MapPost("/lists/{listId}/members", (HttpRequest r, string listId) => OnBodyAsync(r, listId, members.Add));
        api.MapGet("/lists/{listId}/members/{hash}", (string listId, string hash) => OnList(listId, l => members.Get(l, hash)));
        api.MapPut("/lists/{listId}/members/{hash}", (HttpRequest r, string listId, string hash) => OnBodyAsync(r, listId, (l, b) => members.Put(l, hash, b)));
        api.MapPatch("/lists/{listId}/members/{hash}", (HttpRequest r, string listId, string hash) => OnBodyAsync(r, listId, (l, b) => members.Patch(l, hash, b)));
        api.MapDelete("/lists/{listId}/members/{hash}", (string listId, string hash) => OnList(listId, l => members.Archive(l, hash)));
        api.MapPost("/lists/{listId}/members/{hash}/tags", (HttpRequest r, string listId, string hash) => OnBodyAsync(r, listId, (l, b) => members.Tags(l, hash, b)));
    }

    /// <summary>
    /// <c>GET https://login.mailchimp.com/oauth2/metadata</c> with <c>Authorization: OAuth {token}</c>: the account's
    /// data center and API endpoint (here the emulator's own address).
    /// </summary>
    private IResult OAuthMetadata(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase) || header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header[(header.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim()
            : string.Empty;
        if (!AccessTokens.ContainsKey(token))
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_token", ["error_description"] = "The access token is unknown or was revoked." }, statusCode: 401);
        }

        return Results.Json(new JsonObject
        {
            ["dc"] = DataCenter,
            ["role"] = "owner",
            ["accountname"] = "ConnectorHub Sandbox",
            ["user_id"] = 40000001,
            ["login"] = new JsonObject { ["email"] = "owner@sandbox.connectorhub.dev", ["login_id"] = 40000001, ["login_name"] = "sandbox", ["login_email"] = "owner@sandbox.connectorhub.dev" },
            ["login_url"] = "https://login.mailchimp.com",
            ["api_endpoint"] = $"{request.Scheme}://{request.Host}",
        });
    }

    private async ValueTask<object?> WithConnectionLimitAsync(Func<ValueTask<object?>> next)
    {
        var now = Interlocked.Increment(ref _inFlight);
        try
        {
            if (now > MaxSimultaneousConnections)
            {
                return MailchimpProblem.Result(429, "TooManyRequests", "You have exceeded the limit of 10 simultaneous connections.");
            }

            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency);
            }

            return await next();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private IResult OnList(string listId, Func<MailchimpList, IResult> handle) =>
        FindList(listId) is { } list ? handle(list) : MailchimpProblem.NotFound();

    private async Task<IResult> OnBodyAsync(HttpRequest request, string listId, Func<MailchimpList, JsonObject, IResult> handle)
    {
        if (FindList(listId) is not { } list)
        {
            return MailchimpProblem.NotFound();
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body) is JsonObject body
                ? handle(list, body)
                : MailchimpProblem.Result(400, "JSON Parse Exception", "We encountered an unspecified JSON parsing error.");
        }
        catch (JsonException)
        {
            return MailchimpProblem.Result(400, "JSON Parse Exception", "We encountered an unspecified JSON parsing error.");
        }
    }

    private static bool Flag(HttpRequest request, string name) => string.Equals(request.Query[name], "true", StringComparison.OrdinalIgnoreCase);
}
