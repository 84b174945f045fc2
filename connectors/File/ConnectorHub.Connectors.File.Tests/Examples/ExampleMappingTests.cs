using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Connectors.File.Tests.Examples;

/// <summary>The example mappings in the plugin's examples/ folder map its example CSV files, read by the File source.</summary>
public sealed class ExampleMappingTests
{
    private static readonly string Examples = Path.Combine(RepoPaths.Root, "connectors", "File", "ConnectorHub.Connectors.File", "examples");

    [Fact]
    public async Task CustomersExample_MapsEveryRow_WithNormalizedIdentifiers()
    {
        var customers = await MapAllAsync("customers");

        Assert.Equal(["C001", "C002", "C003", "C004"], customers.Keys);
        Assert.Equal(["ann.lee@example.com"], Identifiers(customers["C001"], "email"));
        Assert.Equal(["+14155550132"], Identifiers(customers["C001"], "phone"));
        Assert.Equal(["+442079460958"], Identifiers(customers["C002"], "phone"));
        Assert.Empty(Identifiers(customers["C003"], "email"));
        Assert.Equal(["+14155550199"], Identifiers(customers["C003"], "phone"));
        Assert.Equal(["dana@shop.example"], Identifiers(customers["C004"], "email"));
        Assert.Empty(Identifiers(customers["C004"], "phone"));
        Assert.Equal("Dana", customers["C004"]["traits"]!["first_name"]!.GetValue<string>());
        Assert.Equal("1990-07-04", customers["C001"]["traits"]!["birthday"]!.GetValue<string>());
        Assert.Equal("GB", customers["C002"]["traits"]!["address"]!["country"]!.GetValue<string>());
        Assert.Equal("2024-06-01T08:00:00-04:00", customers["C001"]["observed_at"]!.GetValue<string>());
        Assert.True(customers["C004"]["consent"]!["email"]!.GetValue<bool>());
    }

    [Fact]
    public async Task OrdersExample_MapsEveryRow_IntoValidOrders()
    {
        var orders = await MapAllAsync("orders");

        Assert.Equal(["1001", "1002", "1003", "1004"], orders.Keys);
        Assert.Equal(["in_store", "online", "in_store", "online"], orders.Values.Select(o => o["channel"]!.GetValue<string>()));
        Assert.Equal(["USD", "GBP", "USD", "USD"], orders.Values.Select(o => o["currency"]!.GetValue<string>()));
        Assert.Equal("completed", orders["1001"]["status"]!.GetValue<string>());
        Assert.Equal(49.99m, orders["1002"]["total"]!.GetValue<decimal>());
        Assert.Equal(["ann.lee@example.com"], Identifiers(orders["1001"], "email", "customer_identifiers"));
        Assert.Null(orders["1003"]["customer_identifiers"]);
        Assert.Equal("2024-06-01T09:15:00-04:00", orders["1001"]["placed_at"]!.GetValue<string>());
    }

    /// <summary>Reads examples/{name}.csv with the File source and maps each row with examples/{name}.yaml, failing on any rejection.</summary>
    private static async Task<Dictionary<string, JsonObject>> MapAllAsync(string name)
    {
        var mapping = MappingCompiler.Compile(await System.IO.File.ReadAllTextAsync(Path.Combine(Examples, $"{name}.yaml")), $"{name}.yaml");
        var messages = await FileSourceHarness.ReadAsync(FileSourceHarness.Config(name, Path.Combine(Examples, $"{name}.csv")), name);
        Assert.Empty(messages.Rejections());
        var mapped = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var row in messages.Records())
        {
            var outcome = mapping.Map(row);
            Assert.True(outcome.IsMapped, $"{name}.csv row {row.ToJsonString()}: {outcome.Status} {string.Join("; ", outcome.Errors)}");
            mapped[(outcome.Entity!["record_key"] ?? outcome.Entity["order_id"])!.GetValue<string>()] = outcome.Entity;
        }

        return mapped;
    }

    private static IReadOnlyList<string> Identifiers(JsonObject entity, string type, string list = "identifiers") =>
        (entity[list]?.AsArray() ?? []).Where(i => i!["type"]!.GetValue<string>() == type).Select(i => i!["value"]!.GetValue<string>()).ToArray();
}
