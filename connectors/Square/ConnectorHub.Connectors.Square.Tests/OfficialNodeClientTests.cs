using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Sandbox.Square;

namespace ConnectorHub.Connectors.Square.Tests;

/// <summary>Square's official Node client (npm <c>square</c> 46.0.0) works against the emulator unchanged.</summary>
public sealed class OfficialNodeClientTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [NodeFact]
    public async Task TheOfficialNodeClient_ListsSearchesRetrievesAndPages_AndSeesSquareErrors()
    {
        var seen = await NodeScript.RunAsync("square-client.js", _sandbox.Host.BaseAddress.ToString(), SquareEmulator.DefaultAccessToken);

        var emulator = _sandbox.Emulator;
        Assert.Equal(emulator.Locations.Select(l => l.Id), Strings(seen["locationIds"]!));
        Assert.Equal(emulator.Customers.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id), Strings(seen["listedCustomerIds"]!));
        Assert.Equal(emulator.Customers.Select(c => c.Id).Order(StringComparer.Ordinal), Strings(seen["searchedCustomerIds"]!).Order(StringComparer.Ordinal));
        var first = emulator.Customers.Single(c => c.Id == seen["listedCustomerIds"]![0]!.GetValue<string>());
        Assert.Equal(first.Id, seen["retrievedCustomer"]!["id"]!.GetValue<string>());
        Assert.Equal(first.EmailAddress, seen["retrievedCustomer"]!["email"]?.GetValue<string>());
        Assert.Equal(first.GivenName, seen["retrievedCustomer"]!["givenName"]?.GetValue<string>());
        Assert.Equal(404, seen["missingCustomerError"]!["statusCode"]!.GetValue<int>());
        Assert.Equal("INVALID_REQUEST_ERROR", seen["missingCustomerError"]!["category"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", seen["missingCustomerError"]!["code"]!.GetValue<string>());
        Assert.Contains("NO-SUCH-CUSTOMER", seen["missingCustomerError"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(emulator.Orders.Select(o => o.Id).Order(StringComparer.Ordinal), Strings(seen["orderIds"]!).Order(StringComparer.Ordinal));
        Assert.Equal(emulator.Payments.Select(p => p.Id).Order(StringComparer.Ordinal), Strings(seen["paymentIds"]!).Order(StringComparer.Ordinal));
        var order = emulator.Orders.Single(o => o.Id == seen["firstOrderTotal"]!["id"]!.GetValue<string>());
        Assert.Equal(order.Total, seen["firstOrderTotal"]!["amount"]!.GetValue<long>());
        Assert.Equal(400, seen["mismatchError"]!["statusCode"]!.GetValue<int>());
        Assert.Equal("query.sort.sort_field", seen["mismatchError"]!["field"]!.GetValue<string>());
        Assert.All(emulator.Requests, r => Assert.Equal("2026-09-16", r.SquareVersion));
    }

    private static IReadOnlyList<string> Strings(System.Text.Json.Nodes.JsonNode node) => node.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
