using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Stripe.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Stripe;

namespace ConnectorHub.Connectors.Stripe.Tests;

/// <summary>Stripe's official Node client (npm <c>stripe</c> 23.2.0) works against the emulator unchanged.</summary>
public sealed class OfficialNodeClientTests : IAsyncLifetime
{
    private readonly StripeEmulator _stripe = new(new StripeEmulatorOptions { Customers = 17, Charges = 23 });
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(_stripe);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [NodeFact]
    public async Task TheOfficialNodeClient_PagesListsFiltersRetrieves_AndSeesStripesErrors()
    {
        var seen = await NodeScript.RunAsync("stripe-client.js", _host.BaseAddress.ToString(), _stripe.Options.SecretKey);

        var newestFirst = _stripe.Customers.Reverse().Select(c => c["id"]!.GetValue<string>()).ToArray();
        Assert.Equal(newestFirst, Strings(seen["customerIds"]!));
        Assert.Equal(_stripe.Charges.Reverse().Select(c => c["id"]!.GetValue<string>()), Strings(seen["chargeIds"]!));
        var retrieved = _stripe.Customers.Single(c => c["id"]!.GetValue<string>() == newestFirst[0]);
        Assert.Equal(retrieved["email"]!.GetValue<string>(), seen["retrieved"]!["email"]!.GetValue<string>());
        Assert.Equal("customer", seen["retrieved"]!["object"]!.GetValue<string>());
        Assert.Equal(newestFirst.Take(3), Strings(seen["recentCustomerIds"]!));
        Assert.NotEmpty(Strings(seen["chargesOfRetrieved"]!));
        Assert.All(Strings(seen["chargesOfRetrieved"]!), c => Assert.Equal(newestFirst[0], c));
        Assert.Equal("StripeInvalidRequestError", seen["missing"]!["type"]!.GetValue<string>());
        Assert.Equal(404, seen["missing"]!["statusCode"]!.GetValue<int>());
        Assert.Equal("resource_missing", seen["missing"]!["code"]!.GetValue<string>());
        Assert.Equal("StripeAuthenticationError", seen["refused"]!["type"]!.GetValue<string>());
        Assert.Contains("Invalid API Key provided", seen["refused"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("limit", seen["badLimit"]!["param"]!.GetValue<string>());
    }

    private static IReadOnlyList<string> Strings(JsonNode node) => node.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
