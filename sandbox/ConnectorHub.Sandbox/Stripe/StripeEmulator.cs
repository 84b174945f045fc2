using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Seed;

namespace ConnectorHub.Sandbox.Stripe;

/// <summary>
/// Stripe's v1 API for customers and charges: list (newest first, cursor by object id, <c>created</c> filters) and
/// retrieve, a secret key by Bearer or Basic auth, Stripe's error bodies and a <c>Request-Id</c> on every answer.
/// Customers are the sandbox's shared people, so a customer's email joins their profile from the other emulators.
/// </summary>
public sealed class StripeEmulator : IEmulator
{
    private readonly List<JsonObject> _customers;
    private readonly List<JsonObject> _charges;
    private readonly Lock _gate = new();
    private readonly StripeList _customerList = new("/v1/customers", "customer", ["email"]);
    private readonly StripeList _chargeList = new("/v1/charges", "charge", ["customer", "payment_intent"]);
    private long _requests;
    private volatile PagingMisbehaviour _paging;

    /// <summary>Creates the emulator with <paramref name="options"/> (the defaults when null).</summary>
    public StripeEmulator(StripeEmulatorOptions? options = null)
    {
        Options = options ?? new StripeEmulatorOptions();
        var people = new SandboxPeople();
        var start = Options.FirstCreated.ToUnixTimeSeconds();
        _customers = Enumerable.Range(0, Options.Customers)
            .Select(i => StripeObjects.Customer(people.Get(i), StripeObjects.Id("cus", i + 1), start + (i * 3600L)))
            .ToList();
        _charges = Enumerable.Range(0, Options.Charges)
            .Select(i =>
            {
                var payer = Options.Customers == 0 || i % 9 == 8 ? null : _customers[i % Options.Customers];
                var person = payer is null ? null : people.Get(i % Options.Customers);
                return StripeObjects.Charge(StripeObjects.Id("ch", i + 1), start + 1800 + (i * 2700L), 500 + ((i * 1733) % 9000), payer?["id"]!.GetValue<string>(), person, failed: i % 11 == 10);
            })
            .ToList();
    }

    /// <inheritdoc />
    public string Name => "stripe";

    /// <summary>What the emulator was made with.</summary>
    public StripeEmulatorOptions Options { get; }

    /// <summary>How paging misbehaves on purpose (to prove a connector's guards).</summary>
    public PagingMisbehaviour Paging { get => _paging; set => _paging = value; }

    /// <summary>Every customer, oldest first.</summary>
    public IReadOnlyList<JsonObject> Customers { get { lock (_gate) { return _customers.Select(c => c.DeepClone().AsObject()).ToArray(); } } }

    /// <summary>Every charge, oldest first.</summary>
    public IReadOnlyList<JsonObject> Charges { get { lock (_gate) { return _charges.Select(c => c.DeepClone().AsObject()).ToArray(); } } }

    /// <summary>Adds a customer created at <paramref name="created"/> (as the dashboard or API would).</summary>
    public JsonObject AddCustomer(SandboxPerson person, DateTimeOffset created)
    {
        lock (_gate)
        {
            var customer = StripeObjects.Customer(person, StripeObjects.Id("cus", 500_000 + _customers.Count), created.ToUnixTimeSeconds());
            _customers.Add(customer);
            return customer.DeepClone().AsObject();
        }
    }

    /// <inheritdoc />
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Request-Id"] = $"req_{Interlocked.Increment(ref _requests).ToString("D14", CultureInfo.InvariantCulture)}";
            context.Response.Headers["Stripe-Version"] = context.Request.Headers["Stripe-Version"].FirstOrDefault() ?? "2026-02-25.clover";
            if (Authenticate(context.Request) is { } refusal)
            {
                await refusal.ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.MapGet("/v1/customers", (HttpRequest request) => _customerList.Answer(request, NewestFirst(_customers), _paging));
        app.MapGet("/v1/customers/{id}", (string id) => Retrieve(_customers, id, "customer"));
        app.MapGet("/v1/charges", (HttpRequest request) => _chargeList.Answer(request, NewestFirst(_charges), _paging));
        app.MapGet("/v1/charges/{id}", (string id) => Retrieve(_charges, id, "charge"));
    }

    private IResult? Authenticate(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) || string.IsNullOrEmpty(header.Parameter))
        {
            return StripeErrors.Error(401, "invalid_request_error", "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }

        var key = header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':')[0]
            : header.Parameter;
        return key == Options.SecretKey
            ? null
            : StripeErrors.Error(401, "invalid_request_error", $"Invalid API Key provided: {Masked(key)}");
    }

    private static string Masked(string key) => key.Length <= 12 ? "****" : string.Concat(key.AsSpan(0, 8), new string('*', key.Length - 12), key.AsSpan(key.Length - 4));

    private List<JsonObject> NewestFirst(List<JsonObject> items)
    {
        lock (_gate)
        {
            return items.OrderByDescending(i => i["created"]!.GetValue<long>()).ThenByDescending(i => i["id"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
        }
    }

    private IResult Retrieve(List<JsonObject> items, string id, string noun)
    {
        lock (_gate)
        {
            return items.FirstOrDefault(i => i["id"]!.GetValue<string>() == id) is { } item
                ? Results.Content(item.ToJsonString(), "application/json")
                : StripeErrors.Error(404, "invalid_request_error", $"No such {noun}: '{id}'", "resource_missing", "id");
        }
    }
}
