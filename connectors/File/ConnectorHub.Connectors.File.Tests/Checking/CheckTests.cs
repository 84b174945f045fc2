using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Connectors.File.Tests.Checking;

public sealed class CheckTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Check_ReadableFilesWithHeaders_Succeeds()
    {
        _folder.Write("a.csv", "id,updated_at\n1,2024-01-01\n");
        var config = FileSourceHarness.Config("orders", _folder.Path, new JsonObject { ["pattern"] = "*.csv", ["cursor_field"] = "updated_at" });

        var result = await CheckAsync(config);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("'orders': 1 file(s)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingPath_FailsNamingThePath()
    {
        var missing = _folder["nope.csv"];

        var result = await CheckAsync(FileSourceHarness.Config("orders", missing));

        Assert.False(result.Succeeded);
        Assert.Contains(missing, result.Message, StringComparison.Ordinal);
        Assert.Contains("streams[0].path", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_EmptyCsv_FailsAskingForAHeaderRow()
    {
        _folder.Write("a.csv", string.Empty);

        var result = await CheckAsync(FileSourceHarness.Config("orders", _folder["a.csv"]));

        Assert.False(result.Succeeded);
        Assert.Contains("needs a header row", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_CursorColumnMissingFromHeader_FailsListingTheColumns()
    {
        _folder.Write("a.csv", "id,modified\n1,x\n");

        var result = await CheckAsync(FileSourceHarness.Config("orders", _folder["a.csv"], new JsonObject { ["cursor_field"] = "updated_at" }));

        Assert.False(result.Succeeded);
        Assert.Contains("no column 'updated_at'", result.Message, StringComparison.Ordinal);
        Assert.Contains("its columns are id, modified", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_JsonLinesStartingWithSomethingElse_Fails()
    {
        _folder.Write("a.jsonl", "[{\"id\":1}]\n");

        var result = await CheckAsync(FileSourceHarness.Config("events", _folder["a.jsonl"]));

        Assert.False(result.Succeeded);
        Assert.Contains("line 1", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BadConfiguration_FailsWithTheSettingsMessage()
    {
        var result = await CheckAsync(new JsonObject { ["streams"] = new JsonArray() });

        Assert.False(result.Succeeded);
        Assert.Contains("'streams' is required", result.Message, StringComparison.Ordinal);
    }

    private static Task<CheckResult> CheckAsync(JsonObject config) =>
        new FileSource().CheckAsync(FileSourceHarness.Context(config), CancellationToken.None);
}
