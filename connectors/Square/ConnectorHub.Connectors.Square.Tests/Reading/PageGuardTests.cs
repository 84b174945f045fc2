using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Reading;

public sealed class PageGuardTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task ARepeatedPageCursor_StopsTheRead_InsteadOfLoopingForever()
    {
        var customer = _sandbox.Emulator.Customers[0].ToJson();
        var page = new JsonObject { ["customers"] = new JsonArray(customer), ["cursor"] = "c2FtZS1jdXJzb3I" }.ToJsonString();
        _sandbox.Host.Faults.Add(new Fault { StatusCode = 200, Body = page, PathPrefix = "/v2/customers", Method = "GET" }, times: 2);

        var error = await Assert.ThrowsAsync<ConnectorInternalException>(() => _sandbox.ReadAsync(SyncMode.FullRefresh, streams: "customers"));

        Assert.Contains("a second time", error.Message, StringComparison.Ordinal);
        Assert.Contains("'customers'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _sandbox.Host.Faults.Served);
    }

    [Theory]
    [InlineData("customers", SyncMode.FullRefresh, PagingMisbehaviour.RepeatCursor)]
    [InlineData("customers", SyncMode.Incremental, PagingMisbehaviour.EndlessEmptyPages)]
    [InlineData("orders", SyncMode.Incremental, PagingMisbehaviour.RepeatCursor)]
    [InlineData("orders", SyncMode.FullRefresh, PagingMisbehaviour.EndlessEmptyPages)]
    [InlineData("payments", SyncMode.Incremental, PagingMisbehaviour.RepeatCursor)]
    [InlineData("payments", SyncMode.FullRefresh, PagingMisbehaviour.EndlessEmptyPages)]
    public async Task BrokenPaging_StopsTheRead_WithAnErrorNamingTheStream(string stream, SyncMode mode, PagingMisbehaviour misbehaviour)
    {
        _sandbox.Emulator.Paging = misbehaviour;

        var error = await Assert.ThrowsAsync<ConnectorInternalException>(() => _sandbox.ReadAsync(mode, config: _sandbox.Config(pageSize: 20), streams: stream));

        Assert.Contains($"'{stream}'", error.Message, StringComparison.Ordinal);
        Assert.True(_sandbox.Emulator.Requests.Count < 100, $"the read stopped early ({_sandbox.Emulator.Requests.Count} requests)");
    }

    [Fact]
    public async Task ASavedCursorSquareNoLongerAccepts_RestartsThePartition_WithAWarning()
    {
        var config = _sandbox.Config(pageSize: 10);
        JsonNode? state = null;
        await foreach (var message in _sandbox.Source.ReadAsync(_sandbox.Context(config), SquareSandbox.Request(SyncMode.FullRefresh, null, "customers"), CancellationToken.None))
        {
            if (message is StateMessage checkpoint)
            {
                state = checkpoint.State;
                break;
            }
        }

        state!["pass"]!["page_cursor"] = "bm90LWEtY3Vyc29y";
        var resumed = await _sandbox.ReadAsync(SyncMode.FullRefresh, new Dictionary<string, JsonNode> { ["customers"] = state }, config, "customers");

        Assert.Contains(resumed.Messages.OfType<LogMessage>(), m => m.Message.Contains("no longer accepts", StringComparison.Ordinal));
        FullRefreshTests.AssertSameIds(_sandbox.Emulator.Customers.Select(c => c.Id), resumed.Ids("customers"));
    }
}
