using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bogus;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Seed;
using ConnectorHub.Sandbox.Square.Data;
using ConnectorHub.Sandbox.Square.Endpoints;
using ConnectorHub.Sandbox.Square.Seed;

namespace ConnectorHub.Sandbox.Square;

/// <summary>
/// Square's v2 API for a coffee chain: locations, customers (list and search), orders (search) and payments (list),
/// with Bearer auth (any <c>Square-Version</c> accepted), opaque cursors, Square's parameter checks and error body,
/// and OAuth refresh (<c>POST /oauth2/token</c>, 30-day tokens). Data comes from <see cref="SquareSeed"/>; tests
/// change it through the methods below, which stamp <c>updated_at</c> with <see cref="Time"/>.
/// </summary>
public sealed partial class SquareEmulator : IEmulator
{
    /// <summary>The personal access token accepted unless told otherwise (it never expires).</summary>
    public const string DefaultAccessToken = "EAAAsandbox-square-personal-token";

    private readonly Lock _gate = new();
    private readonly List<SquareLocation> _locations;
    private readonly List<SquareCustomer> _customers;
    private readonly List<SquareOrder> _orders;
    private readonly List<SquarePayment> _payments;
    private readonly ConcurrentQueue<SquareRequestRecord> _requests = new();
    private readonly Randomizer _ids;
    private int _tokensIssued;
    private volatile PagingMisbehaviour _paging;

    /// <summary>Creates an emulator seeded with <paramref name="seed"/> (the defaults when null).</summary>
    public SquareEmulator(SquareSeedOptions? seed = null, TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        var data = SquareSeed.Generate(seed ?? new SquareSeedOptions());
        (_locations, _customers, _orders, _payments) = (data.Locations.ToList(), data.Customers.ToList(), data.Orders.ToList(), data.Payments.ToList());
        _ids = new Randomizer((seed?.Seed ?? SandboxPeople.DefaultSeed) + 1);
    }

    /// <inheritdoc />
    public string Name => "square";

    /// <summary>The emulator's clock: new and changed records are stamped with it, and OAuth tokens expire by it.</summary>
    public TimeProvider Time { get; }

    /// <summary>Accepted access tokens and when each expires (null: never, like a personal access token).</summary>
    public ConcurrentDictionary<string, DateTimeOffset?> AccessTokens { get; } = new(StringComparer.Ordinal) { [DefaultAccessToken] = null };

    /// <summary>Registered OAuth applications by client id.</summary>
    public ConcurrentDictionary<string, SquareOAuthClient> OAuthClients { get; } = new(StringComparer.Ordinal);

    /// <summary>Valid refresh tokens and the client id each belongs to.</summary>
    public ConcurrentDictionary<string, string> RefreshTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a refresh returns a new refresh token (Square's PKCE flow) instead of the same one (code flow).</summary>
    public bool RotateRefreshTokens { get; set; }

    /// <summary>How long after a change a customer becomes visible to SearchCustomers (Square: up to about a minute).</summary>
    public TimeSpan SearchIndexDelay { get; set; } = TimeSpan.Zero;

    /// <summary>A deliberate paging defect to serve on every paged endpoint, for testing connectors' guards (none by default).</summary>
    public PagingMisbehaviour Paging
    {
        get => _paging;
        set => _paging = value;
    }

    /// <summary>Every authenticated request, in order.</summary>
    public IReadOnlyList<SquareRequestRecord> Requests => _requests.ToArray();

    /// <summary>How many times <c>POST /oauth2/token</c> issued a token.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>A snapshot of the locations.</summary>
    public IReadOnlyList<SquareLocation> Locations => Snapshot(_locations);

    /// <summary>A snapshot of the customers.</summary>
    public IReadOnlyList<SquareCustomer> Customers => Snapshot(_customers);

    /// <summary>A snapshot of the orders.</summary>
    public IReadOnlyList<SquareOrder> Orders => Snapshot(_orders);

    /// <summary>A snapshot of the payments.</summary>
    public IReadOnlyList<SquarePayment> Payments => Snapshot(_payments);

    /// <summary>Registers an OAuth application with a refresh token it may use.</summary>
    public SquareOAuthClient RegisterOAuthClient(string clientId, string clientSecret, string refreshToken)
    {
        var client = new SquareOAuthClient(clientId, clientSecret);
        OAuthClients[clientId] = client;
        RefreshTokens[refreshToken] = clientId;
        return client;
    }

    /// <inheritdoc />
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/v2").AddEndpointFilter(async (context, next) =>
            SquareAuth.Check(context.HttpContext.Request, this) ?? await next(context));
        api.MapGet("/locations", (HttpRequest r) => LocationsEndpoint.List(this, r));
        api.MapGet("/customers", (HttpRequest r) => CustomersEndpoints.List(this, r));
        api.MapPost("/customers/search", (HttpRequest r) => CustomersEndpoints.SearchAsync(this, r));
        api.MapGet("/customers/{customerId}", (HttpRequest r, string customerId) => CustomersEndpoints.Retrieve(this, r, customerId));
        api.MapPost("/orders/search", (HttpRequest r) => OrdersSearchEndpoint.SearchAsync(this, r));
        api.MapGet("/payments", (HttpRequest r) => PaymentsEndpoint.List(this, r));
        app.MapPost("/oauth2/token", (HttpRequest r) => OAuthTokenEndpoint.ObtainAsync(this, r));
    }

    internal DateTimeOffset Now() => Time.GetUtcNow();

    internal void Log(HttpRequest request, JsonNode? body) =>
        _requests.Enqueue(new SquareRequestRecord(request.Method, request.Path, request.QueryString.Value ?? string.Empty, body?.DeepClone(), request.Headers["Square-Version"].FirstOrDefault()));

    /// <summary>Guards the data: endpoints read it, and tests change it, under this lock.</summary>
    internal Lock Gate => _gate;

    internal List<SquareLocation> AllLocations => _locations;

    internal List<SquareCustomer> AllCustomers => _customers;

    internal List<SquareOrder> AllOrders => _orders;

    internal List<SquarePayment> AllPayments => _payments;

    internal string MerchantId => _locations[0].MerchantId;

    internal string IssueAccessToken(DateTimeOffset expiresAt)
    {
        string token;
        lock (_gate)
        {
            token = "EAAA" + SquareSeed.MixedId(_ids, 60);
        }

        AccessTokens[token] = expiresAt;
        Interlocked.Increment(ref _tokensIssued);
        return token;
    }

    internal string NewRefreshToken()
    {
        lock (_gate)
        {
            return "EQAA" + SquareSeed.MixedId(_ids, 60);
        }
    }

    private List<T> Snapshot<T>(List<T> items)
    {
        lock (_gate)
        {
            return [.. items];
        }
    }
}
