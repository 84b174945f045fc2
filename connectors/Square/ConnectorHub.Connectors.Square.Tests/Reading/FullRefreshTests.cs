using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Reading;

public sealed class FullRefreshTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task FullRefresh_ReadsEveryRecordOfEveryStream_ExactlyOnce()
    {
        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh);

        AssertSameIds(_sandbox.Emulator.Customers.Select(c => c.Id), result.Ids("customers"));
        AssertSameIds(_sandbox.Emulator.Orders.Select(o => o.Id), result.Ids("orders"));
        AssertSameIds(_sandbox.Emulator.Payments.Select(p => p.Id), result.Ids("payments"));
    }

    [Fact]
    public async Task FullRefresh_RecordsMatchTheSeed_AndTheirStreamSchemas()
    {
        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh);
        var streams = await _sandbox.Source.DiscoverAsync(_sandbox.Context(), CancellationToken.None);

        foreach (var stream in streams)
        {
            var validator = JsonSchemaValidator.FromJson(stream.JsonSchema);
            Assert.All(result.Records(stream.Name), r => Assert.Empty(validator.Validate(r)));
        }

        var order = _sandbox.Emulator.Orders[0];
        var read = result.Records("orders").Single(o => o["id"]!.GetValue<string>() == order.Id);
        Assert.Equal(order.Total, read["total_money"]!["amount"]!.GetValue<long>());
        Assert.Equal(order.LineItems.Count, read["line_items"]!.AsArray().Count);
        Assert.Equal(System.Text.Json.JsonValueKind.String, read["line_items"]![0]!["quantity"]!.GetValueKind());
        var customer = _sandbox.Emulator.Customers[0];
        Assert.Equal(customer.EmailAddress, result.Records("customers").Single(c => c["id"]!.GetValue<string>() == customer.Id)["email_address"]?.GetValue<string>());
    }

    [Fact]
    public async Task TwoFullRefreshes_Agree()
    {
        var first = await _sandbox.ReadAsync(SyncMode.FullRefresh);
        var second = await _sandbox.ReadAsync(SyncMode.FullRefresh, first.States());

        foreach (var stream in new[] { "customers", "orders", "payments" })
        {
            Assert.Equal(first.Ids(stream).Order(StringComparer.Ordinal), second.Ids(stream).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task FullRefresh_ChecksPointAfterEveryPage()
    {
        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, config: _sandbox.Config(pageSize: 10), streams: "customers");

        // 60 customers in pages of 10: a checkpoint after each of the first five pages, then the final one.
        Assert.Equal(6, result.StateCount("customers"));
        Assert.Null(result.LastState("customers")!["pass"]);
    }

    internal static void AssertSameIds(IEnumerable<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Equal(actual.Count, actual.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }
}
