using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Reading;

public sealed class IncrementalTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Incremental_FromTheLastState_ReturnsNothingNew()
    {
        var first = await _sandbox.ReadAsync(SyncMode.Incremental);
        var second = await _sandbox.ReadAsync(SyncMode.Incremental, first.States());

        Assert.Equal(_sandbox.Emulator.Customers.Count, first.Ids("customers").Count);
        Assert.Equal(_sandbox.Emulator.Orders.Count, first.Ids("orders").Count);
        Assert.Equal(_sandbox.Emulator.Payments.Count, first.Ids("payments").Count);
        Assert.Empty(second.Messages.OfType<RecordMessage>());
    }

    [Fact]
    public async Task Incremental_PicksUpChangesAfterTheState_WithNoDuplicateAtTheBoundary()
    {
        var first = await _sandbox.ReadAsync(SyncMode.Incremental);
        _sandbox.Clock.Advance(TimeSpan.FromMinutes(5));
        var customers = _sandbox.Emulator.Customers;
        // Three profiles changed in the same second: the next state's cursor sits exactly on them.
        var tied = customers.Take(3).Select(c => _sandbox.Emulator.UpdateCustomer(c.Id, x => x.Note = "VIP").Id).ToList();
        var order = _sandbox.Emulator.Orders[5];
        var refund = _sandbox.Emulator.RefundPayment(order.Tenders[0].PaymentId, 100);

        var second = await _sandbox.ReadAsync(SyncMode.Incremental, first.States());

        Assert.Equal(tied.Order(StringComparer.Ordinal), second.Ids("customers").Order(StringComparer.Ordinal));
        Assert.All(second.Records("customers"), c => Assert.Equal("VIP", c["note"]!.GetValue<string>()));
        Assert.Equal([order.Id], second.Ids("orders"));
        Assert.Equal([refund.Id], second.Ids("payments"));
        Assert.Equal(100, second.Records("payments")[0]["refunded_money"]!["amount"]!.GetValue<long>());

        // A fourth change in that same second (a late arrival at the cursor), and nothing else.
        var late = _sandbox.Emulator.UpdateCustomer(customers[10].Id, x => x.Note = "late").Id;
        var third = await _sandbox.ReadAsync(SyncMode.Incremental, second.States());

        Assert.Equal([late], third.Ids("customers"));
        Assert.Empty(third.Ids("orders"));
        Assert.Empty(third.Ids("payments"));

        var fourth = await _sandbox.ReadAsync(SyncMode.Incremental, third.States());
        Assert.Empty(fourth.Messages.OfType<RecordMessage>());
    }

    [Fact]
    public async Task Incremental_QueriesByUpdatedAt_SortedByTheSameField()
    {
        var first = await _sandbox.ReadAsync(SyncMode.Incremental);
        _sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        _sandbox.Emulator.UpdateOrder(_sandbox.Emulator.Orders[0].Id, o => o.State = "CANCELED");
        await _sandbox.ReadAsync(SyncMode.Incremental, first.States());

        var searches = _sandbox.Emulator.Requests.Where(r => r.Path == "/v2/orders/search").ToList();
        Assert.NotEmpty(searches);
        Assert.All(searches, r =>
        {
            Assert.NotNull(r.Body!["query"]!["filter"]!["date_time_filter"]!["updated_at"]!["end_at"]);
            Assert.Equal("UPDATED_AT", r.Body["query"]!["sort"]!["sort_field"]!.GetValue<string>());
            Assert.Equal("ASC", r.Body["query"]!["sort"]!["sort_order"]!.GetValue<string>());
        });
        var payments = _sandbox.Emulator.Requests.Where(r => r.Path == "/v2/payments").ToList();
        Assert.All(payments, r =>
        {
            Assert.Contains("sort_field=UPDATED_AT", r.Query, StringComparison.Ordinal);
            Assert.Contains("begin_time=", r.Query, StringComparison.Ordinal);
        });
        Assert.All(_sandbox.Emulator.Requests, r => Assert.Equal("2026-09-16", r.SquareVersion));
    }

    [Fact]
    public async Task Incremental_AfterAFullRefresh_StartsFromTheFullRefreshCursor()
    {
        var full = await _sandbox.ReadAsync(SyncMode.FullRefresh, streams: "customers");
        var incremental = await _sandbox.ReadAsync(SyncMode.Incremental, full.States(), streams: "customers");

        Assert.Empty(incremental.Ids("customers"));
    }

    [Fact]
    public async Task Incremental_WithTheCursorPastTheWindowEnd_ReadsNothing_AndKeepsTheCursor()
    {
        var first = await _sandbox.ReadAsync(SyncMode.Incremental, streams: "orders");
        var cursor = first.LastState("orders")!["cursor"]!.GetValue<string>();
        // A much longer consistency lag puts this run's window end before the saved cursor: Square would refuse the
        // inverted range (INVALID_TIME_RANGE), so the connector must not ask.
        var lagged = _sandbox.Config();
        lagged["consistency_lag_seconds"] = (int)(_sandbox.Time.GetUtcNow() - new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds;
        var searchesBefore = _sandbox.Emulator.Requests.Count(r => r.Path == "/v2/orders/search");

        var second = await _sandbox.ReadAsync(SyncMode.Incremental, first.States(), lagged, "orders");

        Assert.Empty(second.Ids("orders"));
        Assert.Equal(cursor, second.LastState("orders")!["cursor"]!.GetValue<string>());
        Assert.Null(second.LastState("orders")!["pass"]);
        Assert.Contains(second.Messages.OfType<LogMessage>(), m => m.Message.Contains("nothing new to read", StringComparison.Ordinal));
        Assert.Equal(searchesBefore, _sandbox.Emulator.Requests.Count(r => r.Path == "/v2/orders/search"));

        _sandbox.Clock.Advance(TimeSpan.FromMinutes(5));
        var changed = _sandbox.Emulator.UpdateOrder(_sandbox.Emulator.Orders[3].Id).Id;
        var third = await _sandbox.ReadAsync(SyncMode.Incremental, second.States(), streams: "orders");
        Assert.Equal([changed], third.Ids("orders"));
    }
}
