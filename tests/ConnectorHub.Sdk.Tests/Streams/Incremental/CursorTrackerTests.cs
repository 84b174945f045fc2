using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Incremental;
using ConnectorHub.Sdk.Streams.Records;

namespace ConnectorHub.Sdk.Tests.Streams.Incremental;

public sealed class CursorTrackerTests
{
    private static readonly FieldPath Field = FieldPath.Parse("updated_at");

    [Fact]
    public void BoundaryRecords_AlreadyEmitted_AreSkipped_AndNewOnesAtTheBoundaryAreNot()
    {
        var first = CursorTracker.From(null, Field, TimeSpan.Zero, null);
        Assert.True(first.Admit(Record("a", "2024-06-01T10:00:00Z"), "a", "s"));
        Assert.True(first.Admit(Record("b", "2024-06-01T12:00:00Z"), "b", "s"));
        Assert.True(first.Admit(Record("c", "2024-06-01T12:00:00Z"), "c", "s"));
        var state = new JsonObject();
        first.WriteTo(state);

        var second = CursorTracker.From(state, Field, TimeSpan.Zero, null);

        Assert.Equal("2024-06-01T12:00:00.000Z", state["cursor"]!.GetValue<string>());
        Assert.Equal(["b", "c"], state["ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.False(second.Admit(Record("a", "2024-06-01T10:00:00Z"), "a", "s"));
        Assert.False(second.Admit(Record("b", "2024-06-01T12:00:00Z"), "b", "s"));
        Assert.True(second.Admit(Record("d", "2024-06-01T12:00:00Z"), "d", "s"));
        Assert.True(second.Admit(Record("b", "2024-06-02T00:00:00Z"), "b", "s"));
    }

    [Fact]
    public void NewestFirst_EveryRecordPastTheStartingBoundaryIsAdmitted_AndTheHighestBecomesTheCursor()
    {
        var tracker = CursorTracker.From(new JsonObject { ["cursor"] = "2024-06-01T00:00:00Z", ["ids"] = new JsonArray("a") }, Field, TimeSpan.Zero, null);

        Assert.True(tracker.Admit(Record("c", "2024-06-03T00:00:00Z"), "c", "s"));
        Assert.True(tracker.Admit(Record("b", "2024-06-02T00:00:00Z"), "b", "s"));
        Assert.True(tracker.Admit(Record("z", "2024-06-01T00:00:00Z"), "z", "s"));
        Assert.False(tracker.Admit(Record("a", "2024-06-01T00:00:00Z"), "a", "s"));

        Assert.Equal(new DateTimeOffset(2024, 6, 3, 0, 0, 0, TimeSpan.Zero), tracker.Cursor);
    }

    [Fact]
    public void Lookback_ReadsTheWindowAgain_AndLowersTheRequestBound()
    {
        var state = new JsonObject { ["cursor"] = "2024-06-10T00:00:00Z", ["ids"] = new JsonArray() };

        var tracker = CursorTracker.From(state, Field, TimeSpan.FromDays(2), null);

        Assert.Equal(DateTimeOffset.Parse("2024-06-08T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), tracker.LowerBound);
        Assert.True(tracker.Admit(Record("late", "2024-06-09T00:00:00Z"), "late", "s"));
        Assert.False(tracker.Admit(Record("old", "2024-06-01T00:00:00Z"), "old", "s"));
    }

    [Theory]
    [InlineData(1717236000000L)]
    [InlineData(1717236000L)]
    public void SdkOneStates_WithEpochNumbers_AreRead(long epoch)
    {
        var tracker = CursorTracker.From(new JsonObject { ["cursor"] = epoch }, Field, TimeSpan.Zero, null);

        Assert.Equal(new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero), tracker.Cursor);
    }

    [Fact]
    public void RecordWithoutACursor_IsAnErrorNamingTheStreamAndRecord()
    {
        var tracker = CursorTracker.From(null, Field, TimeSpan.Zero, null);

        var failure = Assert.Throws<ConnectorHub.Sdk.Errors.ConnectorInternalException>(() => tracker.Admit(new JsonObject { ["id"] = "x" }, "x", "orders"));

        Assert.Contains("Stream 'orders': record x", failure.Message, StringComparison.Ordinal);
    }

    private static JsonObject Record(string id, string updated) => new() { ["id"] = id, ["updated_at"] = updated };
}
