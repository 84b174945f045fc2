using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.File.Tests.Schema;

public sealed class DiscoverTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Discover_Csv_DescribesEveryHeaderColumnAsTextWithKeyAndCursorFromConfig()
    {
        _folder.Write("customers.csv", "\uFEFFid, email ,updated_at\n1,a@example.com,2024-01-01T00:00:00Z\n");
        var config = FileSourceHarness.Config("customers", _folder["customers.csv"],
            new JsonObject { ["primary_key"] = new JsonArray("id"), ["cursor_field"] = "updated_at" });

        var stream = Assert.Single(await new FileSource().DiscoverAsync(FileSourceHarness.Context(config), CancellationToken.None));

        Assert.Equal("customers", stream.Name);
        var properties = stream.JsonSchema["properties"]!.AsObject();
        Assert.Equal(["id", "email", "updated_at"], properties.Select(p => p.Key));
        Assert.All(properties, p => Assert.Equal("string", p.Value!["type"]!.GetValue<string>()));
        Assert.Equal([SyncMode.FullRefresh, SyncMode.Incremental], stream.SupportedSyncModes);
        Assert.Equal(["id"], Assert.Single(stream.PrimaryKey));
        Assert.Equal(["updated_at"], stream.DefaultCursorField);
        Assert.True(stream.SourceDefinedCursor);
        Assert.True(stream.ResumableFullRefresh);
    }

    [Fact]
    public async Task Discover_StreamReadByModifiedTime_HasTheFilesModificationTimeAsItsCursor()
    {
        _folder.Write("orders.csv", "id,total\n1,10\n");
        var config = FileSourceHarness.Config("orders", _folder.Path, new JsonObject { ["pattern"] = "*.csv", ["primary_key"] = new JsonArray("id") });

        var stream = Assert.Single(await new FileSource().DiscoverAsync(FileSourceHarness.Context(config), CancellationToken.None));

        Assert.Equal(["_file_modified_at"], stream.DefaultCursorField);
        Assert.True(stream.SourceDefinedCursor);
        Assert.Equal("date-time", stream.JsonSchema["properties"]!["_file_modified_at"]!["format"]!.GetValue<string>());
        Assert.Equal(["id", "total", "_file_modified_at"], stream.JsonSchema["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Discover_CsvWithInferredTypes_TypesColumnsFromTheSample()
    {
        _folder.Write("orders.csv", "id,total,paid,placed_at,zip\n1,10.5,true,2024-01-01T00:00:00Z,02134\n2,3,false,2024-01-02T00:00:00+01:00,10001\n");
        var config = FileSourceHarness.Config("orders", _folder["orders.csv"], new JsonObject { ["infer_types"] = true });

        var stream = Assert.Single(await new FileSource().DiscoverAsync(FileSourceHarness.Context(config), CancellationToken.None));

        var properties = stream.JsonSchema["properties"]!;
        Assert.Equal("""["integer","null"]""", properties["id"]!["type"]!.ToJsonString());
        Assert.Equal("""["number","null"]""", properties["total"]!["type"]!.ToJsonString());
        Assert.Equal("""["boolean","null"]""", properties["paid"]!["type"]!.ToJsonString());
        Assert.Equal("date-time", properties["placed_at"]!["format"]!.GetValue<string>());
        Assert.Equal("\"string\"", properties["zip"]!["type"]!.ToJsonString());
    }

    [Fact]
    public async Task Discover_JsonLines_InfersPropertiesFromASampleOfLines()
    {
        _folder.Write("events.jsonl", "{\"id\":1,\"event\":\"Signed Up\"}\nnot json\n{\"id\":2,\"props\":{\"plan\":\"pro\"}}\n");
        var config = FileSourceHarness.Config("events", _folder["events.jsonl"]);

        var stream = Assert.Single(await new FileSource().DiscoverAsync(FileSourceHarness.Context(config), CancellationToken.None));

        var properties = stream.JsonSchema["properties"]!;
        Assert.Equal("""["null","number"]""", properties["id"]!["type"]!.ToJsonString());
        Assert.Equal("""["null","string"]""", properties["event"]!["type"]!.ToJsonString());
        Assert.Equal("""["null","object"]""", properties["props"]!["type"]!.ToJsonString());
    }

    [Fact]
    public async Task Discover_FolderWithNoMatchingFile_FailsSayingWhatToDo()
    {
        var config = FileSourceHarness.Config("orders", _folder.Path, new JsonObject { ["pattern"] = "*.csv" });

        var error = await Assert.ThrowsAsync<ConfigurationException>(
            () => new FileSource().DiscoverAsync(FileSourceHarness.Context(config), CancellationToken.None));

        Assert.Contains("no file matches '*.csv'", error.Message, StringComparison.Ordinal);
    }
}
