using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.File.Tests.Reading;

public sealed class ResumeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("csv", SyncMode.FullRefresh)]
    [InlineData("csv", SyncMode.Incremental)]
    [InlineData("jsonl", SyncMode.Incremental)]
    public async Task Read_ResumedFromAnyCheckpoint_LosesNothingAndDuplicatesNothing(string format, SyncMode mode)
    {
        WriteRows(format, "a", from: 1, count: 230);
        WriteRows(format, "b", from: 231, count: 170);
        var config = FileSourceHarness.Config("orders", _folder.Path, new JsonObject { ["pattern"] = $"*.{format}" }, checkpointEvery: 40);

        var complete = await AssertEveryCrashResumesExactlyAsync(config, mode, startState: null);

        Assert.Equal(400 - 4, complete.Records().Count);
        Assert.Equal(4, complete.Rejections().Count);
    }

    [Fact]
    public async Task Read_ResumedByCursor_KeepsThePassStartingCursorAsTheBound()
    {
        // Cursors fall within the file, so the greatest cursor seen early in the pass is above rows read later.
        var rows = string.Concat(Enumerable.Range(1, 300).Select(id => $"{id},{(id <= 100 ? id : 401 - id)}\n"));
        _folder.Write("a.csv", "id,seq\n" + rows);
        var config = FileSourceHarness.Config("orders", _folder["a.csv"], new JsonObject { ["cursor_field"] = "seq" }, checkpointEvery: 25);
        var startState = JsonNode.Parse("""{"version":1,"mode":"cursor_field","cursor_field":"seq","cursor":"150","completed":{}}""");

        var complete = await AssertEveryCrashResumesExactlyAsync(config, SyncMode.Incremental, startState);

        Assert.Equal(151, complete.Records().Count);
        Assert.Equal("300", complete.LastState()["cursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_FileChangedSinceTheCheckpoint_IsReadAgainFromItsStart()
    {
        WriteRows("csv", "a", from: 1, count: 10);
        var config = FileSourceHarness.Config("orders", _folder["a.csv"], checkpointEvery: 4);
        var complete = await FileSourceHarness.ReadAsync(config, "orders");
        var midFile = complete.OfType<StateMessage>().First().State;

        System.IO.File.AppendAllText(_folder["a.csv"], "11,extra,1\n");
        var resumed = await FileSourceHarness.ReadAsync(config, "orders", SyncMode.FullRefresh, midFile);

        Assert.Equal(11, resumed.Records().Count);
        Assert.Contains(resumed.OfType<LogMessage>(), m => m.Message.Contains("changed since the last checkpoint", StringComparison.Ordinal));
    }

    /// <summary>
    /// Reads once from <paramref name="startState"/>, then for every checkpoint pretends the run died right after it
    /// was committed (everything before it delivered) and resumes from it: the outcomes must match exactly.
    /// </summary>
    private static async Task<List<SourceMessage>> AssertEveryCrashResumesExactlyAsync(JsonObject config, SyncMode mode, JsonNode? startState)
    {
        var complete = await FileSourceHarness.ReadAsync(config, "orders", mode, startState);
        var expected = Outcomes(complete);
        var checkpoints = complete.Select((m, i) => (m, i)).Where(p => p.m is StateMessage).Select(p => p.i).ToList();
        Assert.True(checkpoints.Count > 10, $"only {checkpoints.Count} checkpoints");
        foreach (var crashAfter in checkpoints.SkipLast(1))
        {
            var delivered = complete.Take(crashAfter + 1);
            var resumed = await FileSourceHarness.ReadAsync(config, "orders", mode, ((StateMessage)complete[crashAfter]).State);

            Assert.Equal(expected, Outcomes(delivered.Concat(resumed)));
        }

        return complete;
    }

    private void WriteRows(string format, string name, int from, int count)
    {
        var text = new StringBuilder(format == "csv" ? "id,name,amount\n" : string.Empty);
        for (var id = from; id < from + count; id++)
        {
            var broken = id % 100 == 0;
            text.Append(format switch
            {
                "csv" when broken => $"{id},\"broken \"quote\",1\n",
                "csv" => $"{id},\"Name {id}, with comma\nand a line break\",{id}.25\n",
                _ when broken => $"{{\"id\":{id},\n",
                _ => $"{{\"id\":{id},\"name\":\"Name {id}\",\"amount\":{id}.25}}\n",
            });
        }

        _folder.Write($"{name}.{format}", text.ToString());
    }

    /// <summary>Every record id and rejection location, in order: the same list means no loss and no duplicate.</summary>
    private static List<string> Outcomes(IEnumerable<SourceMessage> messages) => messages
        .Select(m => m switch
        {
            RecordMessage record => $"record {record.Data["id"]}",
            RecordRejectedMessage rejected => $"rejected {rejected.Location}",
            _ => null,
        })
        .OfType<string>()
        .ToList();
}
