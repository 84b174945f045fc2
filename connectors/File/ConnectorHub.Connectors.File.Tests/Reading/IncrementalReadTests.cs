using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.File.Tests.Reading;

public sealed class IncrementalReadTests : IDisposable
{
    private static readonly DateTime January = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Read_IncrementalByModifiedTime_SkipsFilesUnchangedSinceTheLastState()
    {
        _folder.Write("2024-01.csv", "id\n1\n2\n");
        _folder.Write("2024-02.csv", "id\n3\n");
        _folder.Touch("2024-01.csv", January);
        _folder.Touch("2024-02.csv", January);
        var config = FileSourceHarness.Config("orders", _folder.Path, new JsonObject { ["pattern"] = "*.csv" });

        var first = await FileSourceHarness.ReadAsync(config, "orders", SyncMode.Incremental);
        var unchanged = await FileSourceHarness.ReadAsync(config, "orders", SyncMode.Incremental, first.LastState());
        _folder.Write("2024-02.csv", "id\n3\n4\n");
        _folder.Touch("2024-02.csv", January.AddHours(1));
        _folder.Write("2024-03.csv", "id\n5\n");
        var changed = await FileSourceHarness.ReadAsync(config, "orders", SyncMode.Incremental, unchanged.LastState());

        Assert.Equal(["1", "2", "3"], first.Values("id"));
        Assert.Empty(unchanged.Records());
        Assert.Equal(["3", "4", "5"], changed.Values("id"));
    }

    [Fact]
    public async Task Read_IncrementalByModifiedTime_GivesEachRecordItsFilesModificationTime_AsTheCursor()
    {
        _folder.Write("2024-01.csv", "id\n1\n");
        _folder.Write("2024-02.csv", "id\n2\n");
        _folder.Touch("2024-01.csv", January);
        _folder.Touch("2024-02.csv", January.AddDays(31).AddTicks(1234567));
        var config = FileSourceHarness.Config("orders", _folder.Path, new JsonObject { ["pattern"] = "*.csv" });

        var incremental = await FileSourceHarness.ReadAsync(config, "orders", SyncMode.Incremental);
        var full = await FileSourceHarness.ReadAsync(config, "orders", SyncMode.FullRefresh);

        Assert.Equal(["2024-01-01T00:00:00.0000000Z", "2024-02-01T00:00:00.1234567Z"], incremental.Values("_file_modified_at"));
        Assert.All(full.Records(), r => Assert.Equal(["id"], r.Select(p => p.Key)));
    }

    [Fact]
    public async Task Read_IncrementalByCursor_ReadsAgainOnlyTheBoundaryRows()
    {
        _folder.Write("customers.csv",
            "id,updated_at\n" +
            "1,2024-01-01T00:00:00Z\n" +
            "2,2024-01-02T00:00:00Z\n" +
            "3,2024-01-03T00:00:00Z\n" +
            "4,2024-01-03T00:00:00Z\n");
        var config = FileSourceHarness.Config("customers", _folder["customers.csv"], new JsonObject { ["cursor_field"] = "updated_at" });

        var first = await FileSourceHarness.ReadAsync(config, "customers", SyncMode.Incremental);
        var again = await FileSourceHarness.ReadAsync(config, "customers", SyncMode.Incremental, first.LastState());
        System.IO.File.AppendAllText(_folder["customers.csv"], "5,2024-01-04T00:00:00Z\n6,2024-01-02T12:00:00+02:00\n");
        var later = await FileSourceHarness.ReadAsync(config, "customers", SyncMode.Incremental, again.LastState());

        Assert.Equal(["1", "2", "3", "4"], first.Values("id"));
        Assert.Equal("2024-01-03T00:00:00Z", first.LastState()["cursor"]!.GetValue<string>());
        Assert.Equal(["3", "4"], again.Values("id"));
        Assert.Equal(["3", "4", "5"], later.Values("id"));
        Assert.Equal("2024-01-04T00:00:00Z", later.LastState()["cursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_IncrementalByNumericCursor_ComparesAsNumbersNotText()
    {
        _folder.Write("events.jsonl", "{\"seq\":9}\n{\"seq\":10}\n{\"seq\":100}\n");
        var config = FileSourceHarness.Config("events", _folder["events.jsonl"], new JsonObject { ["cursor_field"] = "seq" });
        var state = JsonNode.Parse("""{"version":1,"mode":"cursor_field","cursor_field":"seq","cursor":"10","completed":{}}""");

        var messages = await FileSourceHarness.ReadAsync(config, "events", SyncMode.Incremental, state);

        Assert.Equal(["10", "100"], messages.Values("seq"));
    }

    [Fact]
    public async Task Read_StateFromTheFutureByCursor_ReadsNothing()
    {
        _folder.Write("customers.csv", "id,updated_at\n1,2024-01-01T00:00:00Z\n2,2030-01-01T00:00:00Z\n");
        var config = FileSourceHarness.Config("customers", _folder["customers.csv"], new JsonObject { ["cursor_field"] = "updated_at" });
        var future = JsonNode.Parse("""{"version":1,"mode":"cursor_field","cursor_field":"updated_at","cursor":"9999-12-31T00:00:00Z","completed":{}}""");

        var messages = await FileSourceHarness.ReadAsync(config, "customers", SyncMode.Incremental, future);

        Assert.Empty(messages.Records());
        Assert.Equal("9999-12-31T00:00:00Z", messages.LastState()["cursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_StateFromTheFutureByModifiedTime_ReadsNothing()
    {
        _folder.Write("a.csv", "id\n1\n");
        var config = FileSourceHarness.Config("orders", _folder.Path, new JsonObject { ["pattern"] = "*.csv" });
        var size = new FileInfo(_folder["a.csv"]).Length;
        var future = JsonNode.Parse($$$"""{"version":1,"mode":"modified_time","files":{"a.csv":{"size":{{{size}}},"modified":"9999-12-31T00:00:00.0000000+00:00"}},"completed":{}}""");

        var messages = await FileSourceHarness.ReadAsync(config, "orders", SyncMode.Incremental, future);

        Assert.Empty(messages.Records());
    }

    [Fact]
    public async Task Read_FullRefresh_ReadsEverythingWhateverTheIncrementalState()
    {
        _folder.Write("a.csv", "id\n1\n2\n");
        var config = FileSourceHarness.Config("orders", _folder["a.csv"]);
        var incremental = await FileSourceHarness.ReadAsync(config, "orders", SyncMode.Incremental);

        var full = await FileSourceHarness.ReadAsync(config, "orders", SyncMode.FullRefresh, incremental.LastState());

        Assert.Equal(["1", "2"], full.Values("id"));
        Assert.Contains(full.OfType<LogMessage>(), m => m.Message.Contains("read from the start", StringComparison.Ordinal));
    }
}
