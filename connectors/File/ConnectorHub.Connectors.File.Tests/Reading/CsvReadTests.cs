using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.File.Tests.Reading;

public sealed class CsvReadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Read_CsvWithQuotesBomAndBadRows_ReadsGoodRowsAndRejectsBadOnesWithLineAndReason()
    {
        var path = _folder.Write("customers.csv",
            "id,name,note\r\n" +                           // line 1
            "1,\"Smith, Jo\",\"said \"\"hi\"\"\"\r\n" +     // line 2: comma and quotes inside quotes
            "2,\"two\nlines\",x\n" +                       // lines 3-4: a line break inside quotes, LF endings
            "3,only two\r\n" +                             // line 5: wrong column count
            "4,\"Bob \"the\" Builder\",y\r\n" +            // line 6: broken quoting
            "5,ok,\"z\"\r\n",                              // line 7
            byteOrderMark: true);

        var messages = await FileSourceHarness.ReadAsync(FileSourceHarness.Config("customers", path), "customers");

        var records = messages.Records();
        Assert.Equal(["1", "2", "5"], messages.Values("id"));
        Assert.Equal("Smith, Jo", records[0]["name"]!.GetValue<string>());
        Assert.Equal("said \"hi\"", records[0]["note"]!.GetValue<string>());
        Assert.Equal("two\nlines", records[1]["name"]!.GetValue<string>());
        Assert.Equal(["id", "name", "note"], records[2].Select(p => p.Key));

        var rejections = messages.Rejections();
        Assert.Equal(["customers.csv line 5", "customers.csv line 6"], rejections.Select(r => r.Location));
        Assert.Contains("3 columns", rejections[0].Reason, StringComparison.Ordinal);
        Assert.Equal("3,only two", rejections[0].RawData);
        Assert.Contains("quote", rejections[1].Reason, StringComparison.Ordinal);
        Assert.Equal("4,\"Bob \"the\" Builder\",y", rejections[1].RawData);
        Assert.All(rejections, r => Assert.Equal("customers", r.Stream));
    }

    [Fact]
    public async Task Read_UnclosedQuote_RejectsTheRestOfTheFileAsOneRow()
    {
        var path = _folder.Write("orders.csv", "id,total\n1,10\n2,\"20\n3,30\n");

        var messages = await FileSourceHarness.ReadAsync(FileSourceHarness.Config("orders", path), "orders");

        Assert.Equal(["1"], messages.Values("id"));
        var rejection = Assert.Single(messages.Rejections());
        Assert.Equal("orders.csv line 3", rejection.Location);
        Assert.Contains("never closed", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SemicolonDelimiter_SplitsOnIt()
    {
        var path = _folder.Write("events.csv", "id;name\n1;\"a;b\"\n");

        var messages = await FileSourceHarness.ReadAsync(
            FileSourceHarness.Config("events", path, new JsonObject { ["delimiter"] = ";" }), "events");

        Assert.Equal("a;b", Assert.Single(messages.Records())["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_DuplicateHeaderNames_RejectsTheFileAtLineOne()
    {
        var path = _folder.Write("dup.csv", "id,email,email\n1,a,b\n");

        var messages = await FileSourceHarness.ReadAsync(FileSourceHarness.Config("dup", path), "dup");

        Assert.Empty(messages.Records());
        var rejection = Assert.Single(messages.Rejections());
        Assert.Equal("dup.csv line 1", rejection.Location);
        Assert.Contains("'email' twice", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_EmptyFile_ReadsNothingAndSaysSo()
    {
        var path = _folder.Write("empty.csv", string.Empty);

        var messages = await FileSourceHarness.ReadAsync(FileSourceHarness.Config("empty", path), "empty");

        Assert.Empty(messages.Records());
        Assert.Contains(messages.OfType<LogMessage>(), m => m.Message.Contains("empty.csv is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_WithInferredTypes_ConvertsValuesAndRejectsAValueThatDoesNotFit()
    {
        var rows = string.Concat(Enumerable.Range(1, 120).Select(i => $"{i},0213{i % 10},{i}.5,{(i % 2 == 0 ? "true" : "FALSE")},2024-03-0{1 + (i % 9)}T10:00:00Z,\n"));
        var path = _folder.Write("people.csv", "id,zip,score,vip,seen_at,note\n" + rows + "121,02134,oops,true,2024-03-01T10:00:00Z,\n");

        var messages = await FileSourceHarness.ReadAsync(
            FileSourceHarness.Config("people", path, new JsonObject { ["infer_types"] = true }), "people");

        var records = messages.Records();
        Assert.Equal(120, records.Count);
        Assert.Equal(1, records[0]["id"]!.GetValue<long>());
        Assert.Equal("02131", records[0]["zip"]!.GetValue<string>());
        Assert.Equal(1.5m, records[0]["score"]!.GetValue<decimal>());
        Assert.False(records[0]["vip"]!.GetValue<bool>());
        Assert.Equal("2024-03-02T10:00:00Z", records[0]["seen_at"]!.GetValue<string>());
        Assert.Equal(string.Empty, records[0]["note"]!.GetValue<string>());
        var rejection = Assert.Single(messages.Rejections());
        Assert.Equal("people.csv line 122", rejection.Location);
        Assert.Contains("'oops' of column 'score' is not a number", rejection.Reason, StringComparison.Ordinal);
    }
}
