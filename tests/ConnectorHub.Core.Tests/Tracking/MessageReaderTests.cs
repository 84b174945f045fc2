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

    [Theory]
    [InlineData("0001-01-02T00:00:00Z", "9999-12-30T00:00:00Z")]
    [InlineData("9999-12-30T00:00:00Z", "0001-01-02T00:00:00Z")]
    public void ClockSkewBeyondTheCalendar_IsRejected_NamingBothTimes(string timestamp, string sentAt)
    {
        var item = new JsonObject { ["anonymousId"] = "a", ["event"] = "E", ["timestamp"] = timestamp, ["sentAt"] = sentAt };

        var (message, error) = MessageReader.Read(item, "track", null, null, Received, "$.batch[7]");

        Assert.Null(message);
        Assert.Contains("$.batch[7].timestamp (", error, StringComparison.Ordinal);
        Assert.Contains("sentAt (", error, StringComparison.Ordinal);
        Assert.Contains("years 1 to 9999", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TopLevelCategoryAndName_OfPageAndScreen_JoinTheProperties_TheirOwnWinning()
    {
        var (page, _) = MessageReader.Read(new JsonObject { ["anonymousId"] = "a", ["category"] = "Docs", ["name"] = "Intro" }, "page", null, null, Received);
        var (screen, _) = MessageReader.Read(
            new JsonObject { ["anonymousId"] = "a", ["category"] = "Top", ["properties"] = new JsonObject { ["category"] = "Own" } }, "screen", null, null, Received);

        Assert.Equal("Intro", page!.Name);
        Assert.Equal("Docs", page.Properties!["category"]!.GetValue<string>());
        Assert.Equal("Intro", page.Properties["name"]!.GetValue<string>());
        Assert.Equal("Own", screen!.Properties!["category"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("userId")]
    [InlineData("anonymousId")]
    [InlineData("messageId")]
    public void IdsLongerThanTheStoresIndex_AreRejected(string field)
    {
        var item = new JsonObject { ["anonymousId"] = "a", ["event"] = "E", [field] = new string('x', 1_001) };

        var (_, error) = MessageReader.Read(item, "track", null, null, Received);

        Assert.Contains(field, error, StringComparison.Ordinal);
        Assert.Contains("at most 1000 bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void IdentifyTraitsTooLongToIndex_AndOddExternalIdTypes_AreRejected()
    {
        var (_, longTrait) = MessageReader.Read(new JsonObject { ["userId"] = "u", ["traits"] = new JsonObject { ["bio"] = new string('b', 2_001) } }, "identify", null, null, Received);
        var (_, badType) = MessageReader.Read(new JsonObject
        {
            ["userId"] = "u", ["context"] = new JsonObject { ["externalIds"] = new JsonArray(new JsonObject { ["id"] = "1", ["type"] = "has space" }) },
        }, "identify", null, null, Received);

        Assert.Contains("$.traits.bio is 2001 bytes long", longTrait, StringComparison.Ordinal);
        Assert.Contains("$.context.externalIds[0].type", badType, StringComparison.Ordinal);
    }
}
