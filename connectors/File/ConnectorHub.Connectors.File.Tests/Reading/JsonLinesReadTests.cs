namespace ConnectorHub.Connectors.File.Tests.Reading;

public sealed class JsonLinesReadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Read_JsonLinesWithBadLines_RejectsThemWithLineAndReasonAndReadsTheRest()
    {
        var path = _folder.Write("events.jsonl",
            "{\"id\":1,\"event\":\"Order Completed\",\"props\":{\"total\":10}}\r\n" + // line 1
            "{\"id\":2,\"event\":\r\n" +                                            // line 2: broken JSON
            "[1,2,3]\r\n" +                                                        // line 3: not an object
            "\r\n" +                                                               // line 4: blank, passed over
            "{\"id\":5,\"event\":\"Page Viewed\"}",                                // line 5: no final line break
            byteOrderMark: true);

        var messages = await FileSourceHarness.ReadAsync(FileSourceHarness.Config("events", path), "events");

        Assert.Equal(["1", "5"], messages.Values("id"));
        Assert.Equal(10, messages.Records()[0]["props"]!["total"]!.GetValue<int>());
        var rejections = messages.Rejections();
        Assert.Equal(["events.jsonl line 2", "events.jsonl line 3"], rejections.Select(r => r.Location));
        Assert.Contains("not valid JSON", rejections[0].Reason, StringComparison.Ordinal);
        Assert.Equal("{\"id\":2,\"event\":", rejections[0].RawData);
        Assert.Contains("JSON array, not an object", rejections[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_DuplicatePropertyNames_RejectsTheLine()
    {
        var path = _folder.Write("dup.jsonl", "{\"id\":1,\"id\":2}\n{\"id\":3}\n");

        var messages = await FileSourceHarness.ReadAsync(FileSourceHarness.Config("dup", path), "dup");

        Assert.Equal(["3"], messages.Values("id"));
        Assert.Equal("dup.jsonl line 1", Assert.Single(messages.Rejections()).Location);
    }
}
