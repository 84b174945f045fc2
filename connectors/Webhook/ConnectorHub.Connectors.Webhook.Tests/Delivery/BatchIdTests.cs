using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Webhook.Delivery;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Webhook.Tests.Delivery;

public sealed class BatchIdTests
{
    [Fact]
    public void For_SameStreamAndRecords_GivesTheSameId()
    {
        Assert.Equal(BatchId.For("profiles", Batch("a", "b")), BatchId.For("profiles", Batch("a", "b")));
        Assert.Matches("^[0-9a-f]{32}$", BatchId.For("profiles", Batch("a")));
    }

    [Fact]
    public void For_AnyDifference_GivesAnotherId()
    {
        var id = BatchId.For("profiles", Batch("a", "b"));

        Assert.NotEqual(id, BatchId.For("audience", Batch("a", "b")));
        Assert.NotEqual(id, BatchId.For("profiles", Batch("b", "a")));
        Assert.NotEqual(id, BatchId.For("profiles", Batch("a")));
        Assert.NotEqual(id, BatchId.For("profiles", [.. Batch("a"), new DestinationRecord("b", RecordOperation.Delete, Data("b"))]));
        Assert.NotEqual(id, BatchId.For("profiles", [.. Batch("a"), new DestinationRecord("b", RecordOperation.Upsert, new JsonObject { ["email"] = "new@example.com" })]));
        Assert.NotEqual(BatchId.For("p", Batch("ab")), BatchId.For("pa", Batch("b")));
    }

    private static DestinationRecord[] Batch(params string[] keys) =>
        keys.Select(key => new DestinationRecord(key, RecordOperation.Upsert, Data(key))).ToArray();

    private static JsonObject Data(string key) => new() { ["email"] = $"{key}@example.com" };
}
