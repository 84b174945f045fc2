using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Stripe.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Seed;
using ConnectorHub.Sandbox.Stripe;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.Stripe.Tests;

/// <summary>The manifest-only Stripe source against the Stripe emulator, with small pages so every check spans several.</summary>
public sealed class StripeSourceFixture : SourceAcceptanceFixture
{
    private EmulatorHost? _host;

    public StripeSourceFixture() => Skip(SourceCheck.TokenExpiry, "Stripe's secret keys do not expire and the connector uses no OAuth");

    public StripeEmulator Stripe { get; } = new(new StripeEmulatorOptions { Customers = 45, Charges = 60 });

    public override ISourceConnector Connector { get; } = StripePlugin.Load();

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("The emulator has not started.");

    public override JsonObject GoodConfig => StripePlugin.Config(Emulator.BaseAddress, Stripe.Options.SecretKey);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("unknown secret key", StripePlugin.Config(Emulator.BaseAddress, "sk_test_51WrongKey000000000000000000000000"), "refused the API key"),
        new("page size over Stripe's limit", StripePlugin.Config(Emulator.BaseAddress, Stripe.Options.SecretKey, pageSize: 500), "page_size"),
    ];

    /// <summary>The first customers are the sandbox's first people: the shared generator and the emulator agree.</summary>
    public override IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> ExpectedRecords { get; } = new Dictionary<string, IReadOnlyList<JsonObject>>
    {
        ["customers"] = new SandboxPeople().Range(0, 3).Select((person, i) => new JsonObject
        {
            ["id"] = Sandbox.Stripe.StripeEmulatorIds.Customer(i + 1),
            ["email"] = person.Email,
            ["name"] = $"{person.FirstName} {person.LastName}",
            ["object"] = "customer",
        }).ToArray(),
    };

    public override JsonNode FutureState(StreamDescriptor stream) => new JsonObject { ["cursor"] = "2100-01-01T00:00:00Z", ["ids"] = new JsonArray() };

    public override Fault RateLimitFault(TimeSpan retryAfter) => StripeFaults.RateLimited(retryAfter);

    public override void SetPagingFault(PagingFault? fault) => Stripe.Paging = fault.ToMisbehaviour();

    public override async Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken)
    {
        var stripe = new StripeEmulator(new StripeEmulatorOptions { Customers = records, Charges = 0 });
        var host = await EmulatorHost.StartAsync(stripe, cancellationToken: cancellationToken);
        return new LargeStreamSource("customers", StripePlugin.Config(host.BaseAddress, stripe.Options.SecretKey, pageSize: 100), records, host);
    }

    public override async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(Stripe);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
