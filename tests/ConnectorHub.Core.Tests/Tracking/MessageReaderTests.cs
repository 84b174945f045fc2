using System.Text.Json.Nodes;
using ConnectorHub.Core.Tracking.Messages;

namespace ConnectorHub.Core.Tests.Tracking;

public sealed class MessageReaderTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timestamp_IsReceivedAtMinusTheClientsDelay_WhenSentAtIsGiven()
    {
        var item = new JsonObject { ["anonymousId"] = "a", ["event"] = "E", ["timestamp"] = "2001-01-01T11:59:50Z", ["sentAt"] = "2001-01-01T12:00:00Z" };

        var (message, error) = MessageReader.Read(item, "track", null, null, Received);

        Assert.Null(error);
        Assert.Equal(Received.AddSeconds(-10), message!.Timestamp);
        Assert.Equal(new DateTimeOffset(2001, 1, 1, 12, 0, 0, TimeSpan.Zero), message.SentAt);
    }

    [Fact]
    public void BatchSentAt_CorrectsItemsWithoutTheirOwn()
    {
        var item = new JsonObject { ["type"] = "page", ["anonymousId"] = "a", ["timestamp"] = "2001-01-01T11:59:00Z" };

        var (message, _) = MessageReader.Read(item, null, null, new DateTimeOffset(2001, 1, 1, 12, 0, 0, TimeSpan.Zero), Received);

        Assert.Equal(Received.AddMinutes(-1), message!.Timestamp);
    }

    [Fact]
    public void MissingTimestampAndMessageId_AreReceivedAtAndAGeneratedId()
    {
        var (first, _) = MessageReader.Read(new JsonObject { ["userId"] = 42, ["event"] = "E" }, "track", null, null, Received);
        var (second, _) = MessageReader.Read(new JsonObject { ["userId"] = 42, ["event"] = "E" }, "track", null, null, Received);

        Assert.Equal(Received, first!.Timestamp);
        Assert.Equal("42", first.UserId);
        Assert.StartsWith("hub-", first.MessageId, StringComparison.Ordinal);
        Assert.NotEqual(first.MessageId, second!.MessageId);
    }

    [Theory]
    [InlineData("identify", "{}", "identify needs 'userId' or 'anonymousId'")]
    [InlineData("track", "{\"userId\":\"u\",\"event\":\"  \"}", "track needs 'event'")]
    [InlineData("alias", "{\"previousId\":\"p\",\"anonymousId\":\"a\"}", "alias needs 'previousId' and 'userId'")]
    [InlineData("group", "{\"userId\":\"u\",\"groupId\":\"\"}", "group needs 'groupId'")]
    [InlineData("page", "{\"userId\":true}", "'userId' must be a string or a number")]
    [InlineData("screen", "{\"userId\":\"u\",\"context\":[]}", "'context' must be an object")]
    [InlineData("track", "{\"userId\":\"u\",\"event\":\"E\",\"sentAt\":\"soon\"}", "'sentAt' must be an ISO-8601")]
    public void InvalidCalls_AreRejected_SayingWhichFieldAndWhy(string type, string json, string expected)
    {
        var (message, error) = MessageReader.Read(JsonNode.Parse(json)!.AsObject(), type, null, null, Received);

        Assert.Null(message);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchContext_MergesUnderTheItemsOwn()
    {
        var batch = new JsonObject { ["ip"] = "1.1.1.1", ["library"] = new JsonObject { ["name"] = "lib", ["version"] = "1" } };
        var item = new JsonObject { ["userId"] = "u", ["event"] = "E", ["context"] = new JsonObject { ["library"] = new JsonObject { ["version"] = "2" } } };

        var (message, _) = MessageReader.Read(item, "track", batch, null, Received);

        Assert.Equal("{\"ip\":\"1.1.1.1\",\"library\":{\"name\":\"lib\",\"version\":\"2\"}}", message!.Context!.ToJsonString());
        Assert.Equal("1", batch["library"]!["version"]!.GetValue<string>());
    }
}
