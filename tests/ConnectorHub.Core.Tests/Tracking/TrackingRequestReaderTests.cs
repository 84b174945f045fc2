using System.Text;
using ConnectorHub.Core.Tracking;
using ConnectorHub.Core.Tracking.Requests;

namespace ConnectorHub.Core.Tests.Tracking;

public sealed class TrackingRequestReaderTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("{\"batch\":[{\"a\":1},{\"b\":tru}]}", 1, "$.batch[1].b")]
    [InlineData("{\n\"batch\": [\n  {\"type\": \"track\"\n  \"event\": \"E\"}]}", 4, "$.batch[0].type")]
    [InlineData("{\"context\": {\"x\": [1, 2,]}}", 1, "$.context.x[1]")]
    public void UnreadableJson_IsRefusedWithLineAndPath(string body, long line, string path)
    {
        var refused = Assert.Throws<TrackingRequestException>(() => TrackingRequestReader.Read(Encoding.UTF8.GetBytes(body), null, Received, new TrackingOptions()));

        Assert.Equal(400, refused.StatusCode);
        Assert.Equal(line, refused.Position!.Line);
        Assert.Equal(path, refused.Position.Path);
    }

    [Fact]
    public void RequestOverTheLimit_IsRefused400_BeforeParsing()
    {
        var options = new TrackingOptions { MaxEventBytes = 1024, MaxRequestBytes = 2048 };

        var refused = Assert.Throws<TrackingRequestException>(() => TrackingRequestReader.Read(new byte[2049], null, Received, options));

        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("2049 bytes; the limit is 2048 bytes per request", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteKeyInTheBody_IsRead()
    {
        var request = TrackingRequestReader.Read(Encoding.UTF8.GetBytes("{\"writeKey\":\"k\",\"batch\":[]}"), null, Received, new TrackingOptions());

        Assert.Equal("k", request.WriteKey);
        Assert.Empty(request.Messages);
    }

    [Fact]
    public void EachBatchItem_IsCheckedOnItsOwn_AndKeepsItsIndex()
    {
        const string Body = """{"batch":[{"type":"track","event":"A","userId":"u"},{"type":"track","event":"B","userId":"u","properties":{"k":1,"k":2}},{"type":"page","anonymousId":"a"}]}""";

        var request = TrackingRequestReader.Read(Encoding.UTF8.GetBytes(Body), null, Received, new TrackingOptions());

        Assert.Equal([0, 2], request.Messages.Select(m => m.Index));
        Assert.Equal(1, request.Rejected.Single().Index);
        Assert.Contains("$.batch[1].properties.k is a duplicate name", request.Rejected.Single().Reason, StringComparison.Ordinal);
    }
}
