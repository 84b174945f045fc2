using ConnectorHub.Connectors.Square.Tests.Reading;
using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Sandbox.Square;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Api;

public sealed class ThrottlingTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task ARateLimitStorm_SlowsTheReadDown_WithGrowingWaits_AndLosesNothing()
    {
        _sandbox.Host.Faults.Add(SquareFaults.RateLimited("/v2/orders/search"), times: 6);
        _sandbox.Host.Faults.Add(SquareFaults.RateLimited("/v2/payments"), times: 4);

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh);

        Assert.Equal(10, _sandbox.Host.Faults.Served);
        FullRefreshTests.AssertSameIds(_sandbox.Emulator.Orders.Select(o => o.Id), result.Ids("orders"));
        FullRefreshTests.AssertSameIds(_sandbox.Emulator.Payments.Select(p => p.Id), result.Ids("payments"));
        var waits = _sandbox.Time.Delays;
        Assert.Equal(10, waits.Count);
        // Square sends no Retry-After: the connector backs off exponentially from 1 s with Polly's jitter, whose
        // waits stay under 1.4 times 1 s, 2 s, 4 s, ... and add up to far more than a constant 1 s would.
        for (var i = 0; i < 6; i++)
        {
            Assert.InRange(waits[i].TotalSeconds, 0.0001, 1.4 * Math.Pow(2, i));
        }

        Assert.True(waits.Take(6).Sum(w => w.TotalSeconds) > 10, string.Join(", ", waits));

        // The count starts over with the next request.
        Assert.InRange(waits[6].TotalSeconds, 0.0001, 1.4);
    }

    [Fact]
    public async Task ServerErrors_AreRetried_AsTransient()
    {
        _sandbox.Host.Faults.Add(SquareFaults.InternalServerError("/v2/customers"), times: 2);
        _sandbox.Host.Faults.Add(SquareFaults.ServiceUnavailable("/v2/locations"));

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh);

        Assert.Equal(3, _sandbox.Host.Faults.Served);
        FullRefreshTests.AssertSameIds(_sandbox.Emulator.Customers.Select(c => c.Id), result.Ids("customers"));
        Assert.Equal(3, _sandbox.Time.Delays.Count);
    }

    [Fact]
    public async Task ARetryAfter_IsHonoured_WhenLongerThanTheConnectorsOwnBackoff()
    {
        // Square sends none, but a proxy in front of it may: an explicit wait is never cut short.
        _sandbox.Host.Faults.Add(SquareFaults.RateLimited("/v2/customers", retryAfter: TimeSpan.FromSeconds(30)), times: 2);

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, streams: "customers");

        FullRefreshTests.AssertSameIds(_sandbox.Emulator.Customers.Select(c => c.Id), result.Ids("customers"));
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)], _sandbox.Time.Delays);
    }
}
