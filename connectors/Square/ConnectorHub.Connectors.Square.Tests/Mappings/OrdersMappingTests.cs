using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Sandbox.Square.Seed;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Mappings;

/// <summary>mappings/orders.yaml and orders.customer.yaml against the orders the emulator seeded, read by the real connector.</summary>
public sealed class OrdersMappingTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync(new SquareSeedOptions());

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Map_EverySeededOrder_ToAnInStoreOrder_InMajorUnits_WithItsLineItems()
    {
        var mapping = DefaultMappings.Of("orders", CanonicalEntityType.Order);
        var orders = (await _sandbox.ReadAsync(SyncMode.FullRefresh, config: _sandbox.Config(pageSize: 500), streams: "orders")).Records("orders");

        Assert.Equal(_sandbox.Emulator.Orders.Count, orders.Count);
        foreach (var order in orders)
        {
            var entity = mapping.MapOrFail(order);
            Assert.Equal(order["id"]!.GetValue<string>(), entity["order_id"]!.GetValue<string>());
            Assert.Equal("square", entity["source"]!.GetValue<string>());
            Assert.Equal("in_store", entity["channel"]!.GetValue<string>());
            Assert.Equal("completed", entity["status"]!.GetValue<string>());
            Assert.Equal("USD", entity["currency"]!.GetValue<string>());
            Assert.Equal(DefaultMappings.Number(order["total_money"]!["amount"]) / 100m, DefaultMappings.Number(entity["total"]));
            Assert.Equal(DefaultMappings.Number(order["total_tax_money"]!["amount"]) / 100m, DefaultMappings.Number(entity["tax"]));
            Assert.Equal(DefaultMappings.Instant(order["created_at"]), DefaultMappings.Instant(entity["placed_at"]));
            Assert.Equal(DefaultMappings.Instant(order["updated_at"]), DefaultMappings.Instant(entity["updated_at"]));
            var lines = order["line_items"]!.AsArray();
            var mapped = entity["line_items"]!.AsArray();
            Assert.Equal(lines.Count, mapped.Count);
            for (var i = 0; i < lines.Count; i++)
            {
                Assert.Equal(DefaultMappings.Number(lines[i]!["quantity"]), DefaultMappings.Number(mapped[i]!["quantity"]));
                Assert.Equal(DefaultMappings.Number(lines[i]!["base_price_money"]!["amount"]) / 100m, DefaultMappings.Number(mapped[i]!["unit_price"]));
                Assert.Equal(DefaultMappings.Number(lines[i]!["total_money"]!["amount"]) / 100m, DefaultMappings.Number(mapped[i]!["total"]));
                Assert.Equal($"{lines[i]!["name"]} ({lines[i]!["variation_name"]})", mapped[i]!["name"]!.GetValue<string>());
            }

            Assert.Equal(order["customer_id"] is { } customer ? [customer.GetValue<string>()] : Array.Empty<string>(), DefaultMappings.IdentifiersOf(entity, "square.customer_id", "customer_identifiers"));
        }

        // Money really was in minor units: totals with cents come out as fractions.
        Assert.Contains(orders, o => DefaultMappings.Number(o["total_money"]!["amount"]) % 100 != 0);
    }

    [Fact]
    public async Task Map_OrdersWithACustomer_ToTheBuyersFragment_LinkingACustomerOfTheCustomersStream()
    {
        var buyer = DefaultMappings.Of("orders", CanonicalEntityType.ProfileFragment);
        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, config: _sandbox.Config(pageSize: 100), streams: ["orders", "customers"]);
        var customers = DefaultMappings.Of("customers", CanonicalEntityType.ProfileFragment);
        var customerIds = result.Records("customers").Select(c => DefaultMappings.IdentifiersOf(customers.MapOrFail(c), "square.customer_id").Single()).ToHashSet(StringComparer.Ordinal);
        var orders = result.Records("orders");

        Assert.Contains(orders, o => o["customer_id"] is null);
        Assert.Contains(orders, o => o["customer_id"] is not null);
        foreach (var order in orders)
        {
            var outcome = buyer.Map(order);
            if (order["customer_id"] is not { } customer)
            {
                Assert.Equal(MappingStatus.Skipped, outcome.Status);
                continue;
            }

            var entity = buyer.MapOrFail(order);
            var id = Assert.Single(DefaultMappings.IdentifiersOf(entity, "square.customer_id"));
            Assert.Equal(customer.GetValue<string>(), id);
            Assert.Contains(id, customerIds);
            Assert.Equal(order["id"]!.GetValue<string>(), entity["record_key"]!.GetValue<string>());
            Assert.Equal(DefaultMappings.Instant(order["created_at"]), DefaultMappings.Instant(entity["observed_at"]));
        }
    }

    [Fact]
    public void Map_ADraftOrder_IsSkipped_AndACanceledOneKeepsItsState()
    {
        var mapping = DefaultMappings.Of("orders", CanonicalEntityType.Order);

        Assert.Equal(MappingStatus.Skipped, mapping.Map(Order("DRAFT", "USD", 1250)).Status);
        Assert.Equal("canceled", mapping.MapOrFail(Order("CANCELED", "USD", 1250))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("USD", 1250, "12.5")]
    [InlineData("JPY", 500, "500")]
    [InlineData("KWD", 1234, "1.234")]
    public void Map_Money_GoesFromMinorToMajorUnits_ByTheCurrencysExponent(string currency, long amount, string expected)
    {
        var entity = DefaultMappings.Of("orders", CanonicalEntityType.Order).MapOrFail(Order("COMPLETED", currency, amount));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DefaultMappings.Number(entity["total"]));
        Assert.Equal(currency, entity["currency"]!.GetValue<string>());
    }

    private static JsonObject Order(string state, string currency, long amount) => new()
    {
        ["id"] = "CAISEM82RcpmcFBM0TfOyiHV3es",
        ["location_id"] = "L88917AVBK2S5",
        ["state"] = state,
        ["created_at"] = "2024-06-01T08:00:00.000Z",
        ["updated_at"] = "2024-06-01T08:05:00.000Z",
        ["total_money"] = new JsonObject { ["amount"] = amount, ["currency"] = currency },
        ["line_items"] = new JsonArray(new JsonObject
        {
            ["name"] = "Latte",
            ["quantity"] = "1",
            ["base_price_money"] = new JsonObject { ["amount"] = amount, ["currency"] = currency },
            ["total_money"] = new JsonObject { ["amount"] = amount, ["currency"] = currency },
        }),
    };
}
