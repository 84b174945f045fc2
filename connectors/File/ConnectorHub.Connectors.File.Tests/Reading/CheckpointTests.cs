using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.File.Tests.Reading;

public sealed class CheckpointTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Read_EmitsAStateEveryNRowsAndAtEachFileEnd()
    {
        _folder.Write("a.csv", "id\n1\n2\n3\n4\n5\n");
        _folder.Write("b.csv", "id\n6\n");
        var config = FileSourceHarness.Config("orders", _folder.Path, new JsonObject { ["pattern"] = "*.csv" }, checkpointEvery: 2);

        var messages = await FileSourceHarness.ReadAsync(config, "orders");

        var shape = string.Concat(messages.Select(m => m switch { RecordMessage => "r", StateMessage => "S", _ => "?" }));
        Assert.Equal("rrSrrSrS" + "rS" + "S", shape);
        var midFile = messages.OfType<StateMessage>().First().State["current"]!;
        Assert.Equal("a.csv", midFile["file"]!.GetValue<string>());
        Assert.Equal(2, midFile["rows"]!.GetValue<long>());
        Assert.Null(messages.LastState()["current"]);
        Assert.Empty(messages.LastState()["completed"]!.AsObject());
    }

    [Fact]
    public async Task Read_UnreadableState_FailsNamingTheStreamAndTheFix()
    {
        _folder.Write("a.csv", "id\n1\n");
        var config = FileSourceHarness.Config("orders", _folder["a.csv"]);

        var error = await Assert.ThrowsAsync<ConnectorHub.Sdk.Errors.ConfigurationException>(
            () => FileSourceHarness.ReadAsync(config, "orders", SyncMode.Incremental, JsonNode.Parse("""{"version":7}""")));

        Assert.Contains("stream 'orders'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Reset the stream's state", error.Message, StringComparison.Ordinal);
    }
}
