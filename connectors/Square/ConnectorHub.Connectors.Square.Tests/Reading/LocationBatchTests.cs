using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Reading;

public sealed class LocationBatchTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Orders_AreSearchedInBatchesOfAtMostTenLocations_CoveringEveryLocation()
    {
        await _sandbox.ReadAsync(SyncMode.FullRefresh, streams: "orders");

        var batches = _sandbox.Emulator.Requests.Where(r => r.Path == "/v2/orders/search")
            .Select(r => r.Body!["location_ids"]!.AsArray().Select(id => id!.GetValue<string>()).ToList()).ToList();
        Assert.Equal(12, _sandbox.Emulator.Locations.Count);
        Assert.All(batches, b => Assert.InRange(b.Count, 1, 10));
        Assert.Equal(_sandbox.Emulator.Locations.Select(l => l.Id).Order(StringComparer.Ordinal), batches.SelectMany(b => b).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Payments_AreListedPerLocation_OnlyForTheConfiguredLocations()
    {
        var chosen = _sandbox.Emulator.Locations.Skip(1).Take(2).Select(l => l.Id).ToArray();
        var config = _sandbox.Config();
        config["location_ids"] = new JsonArray(chosen.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, config: config, streams: ["payments", "orders"]);

        Assert.Equal(_sandbox.Emulator.Payments.Where(p => chosen.Contains(p.LocationId)).Select(p => p.Id).Order(StringComparer.Ordinal), result.Ids("payments").Order(StringComparer.Ordinal));
        Assert.Equal(_sandbox.Emulator.Orders.Where(o => chosen.Contains(o.LocationId)).Select(o => o.Id).Order(StringComparer.Ordinal), result.Ids("orders").Order(StringComparer.Ordinal));
        Assert.All(_sandbox.Emulator.Requests.Where(r => r.Path == "/v2/payments"), r => Assert.Contains(chosen, id => r.Query.Contains($"location_id={id}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnUnknownConfiguredLocation_IsAConfigurationError_NamingIt()
    {
        var config = _sandbox.Config();
        config["location_ids"] = new JsonArray("LNOPE0000000");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _sandbox.ReadAsync(SyncMode.FullRefresh, config: config, streams: "orders"));

        Assert.Contains("LNOPE0000000", error.Message, StringComparison.Ordinal);
        Assert.Contains("location_ids", error.Message, StringComparison.Ordinal);
    }
}
