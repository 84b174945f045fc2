using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Reading;

public sealed class CursorGuardTests : IAsyncLifetime
{
    private MetaAdsSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaAdsSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task ARepeatedAfterCursor_StopsTheRead_InsteadOfLoopingForever()
    {
        var page = new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject { ["id"] = "1", ["account_id"] = MetaAdsSandbox.FirstAccount }),
            ["paging"] = new JsonObject { ["cursors"] = new JsonObject { ["after"] = "TE9PUA" }, ["next"] = "https://graph.facebook.com/v21.0/act_1/campaigns?after=TE9PUA" },
        }.ToJsonString();
        _sandbox.Host.Faults.Add(new Fault { StatusCode = 200, Body = page, PathPrefix = $"/v21.0/act_{MetaAdsSandbox.FirstAccount}/campaigns" }, times: 2);

        var error = await Assert.ThrowsAsync<ConnectorInternalException>(() => _sandbox.ReadAsync(SyncMode.FullRefresh, _sandbox.Config(), null, "campaigns"));

        Assert.Contains("a second time", error.Message, StringComparison.Ordinal);
        Assert.Contains($"act_{MetaAdsSandbox.FirstAccount}/campaigns", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("campaigns", null, PagingMisbehaviour.RepeatCursor)]
    [InlineData("ads", null, PagingMisbehaviour.EndlessEmptyPages)]
    [InlineData("ad_accounts", null, PagingMisbehaviour.EndlessEmptyPages)]
    [InlineData("insights_daily", 7, PagingMisbehaviour.RepeatCursor)]
    [InlineData("insights_daily", 7, PagingMisbehaviour.EndlessEmptyPages)]
    [InlineData("insights_daily", 0, PagingMisbehaviour.RepeatCursor)]
    [InlineData("insights_daily", 0, PagingMisbehaviour.EndlessEmptyPages)]
    public async Task BrokenPaging_StopsTheRead_WithAnErrorNamingTheStream(string stream, int? asyncThresholdDays, PagingMisbehaviour misbehaviour)
    {
        _sandbox.Emulator.Paging = misbehaviour;
        var config = _sandbox.Config(startDate: "2024-05-30", pageSize: 1, asyncThresholdDays: asyncThresholdDays);

        var error = await Assert.ThrowsAsync<ConnectorInternalException>(() => _sandbox.ReadAsync(SyncMode.FullRefresh, config, null, stream));

        Assert.Contains($"'{stream}'", error.Message, StringComparison.Ordinal);
        Assert.True(_sandbox.Emulator.Requests.Count < 100, $"the read stopped early ({_sandbox.Emulator.Requests.Count} requests)");
    }
}
