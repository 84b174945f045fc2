using System.Text.Json.Nodes;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Tests.Runner;

public sealed class PendingBatchTests
{
    [Fact]
    public void DropAfterLastCheckpoint_KeepsExactlyWhatTheCheckpointCovers()
    {
        var batch = new PendingBatch();
        Read(batch, "a", 1, 2, 3);
        ReadReject(batch, "a");
        batch.Checkpoint("a", State(3));
        Read(batch, "a", 4, 5);
        ReadReject(batch, "a");
        Read(batch, "b", 1);

        batch.DropAfterLastCheckpoint();

        Assert.Equal(["1", "2", "3"], batch.Records["a"].Select(r => r.Key));
        Assert.Empty(batch.Records["b"]);
        Assert.Equal(3, batch.RecordCount);
        Assert.Equal(4, batch.CountsOf("a").Read);
        Assert.Equal(1, batch.CountsOf("a").Rejected);
        Assert.Equal(0, batch.CountsOf("b").Read);
        Assert.Single(batch.Rejects);
        Assert.Equal(3, (int)batch.States["a"]["n"]!);
    }

    [Fact]
    public void Answered_RemovesAnsweredRecords_AndKeepsRetriesAtTheFront_InsideTheCheckpoint()
    {
        var batch = new PendingBatch();
        Read(batch, "a", 1, 2, 3, 4);
        batch.Checkpoint("a", State(4));
        Read(batch, "a", 5, 6);

        batch.Answered("a", 3, [1]); // 1 and 3 answered, 2 to be sent again

        Assert.Equal(["2", "4", "5", "6"], batch.Records["a"].Select(r => r.Key));
        batch.DropAfterLastCheckpoint();
        Assert.Equal(["2", "4"], batch.Records["a"].Select(r => r.Key));
        Assert.Equal(2, batch.RecordCount);
    }

    [Fact]
    public void DropAfterLastCheckpoint_KeepsTheDestinationsAnswers_ForRecordsAlreadyWritten()
    {
        var batch = new PendingBatch();
        Read(batch, "a", 1, 2);
        batch.Checkpoint("a", State(2));
        Read(batch, "a", 3);
        batch.Answered("a", 2, []);
        batch.Reject(new RejectedRecord { Stream = "a", Stage = RejectionStage.Destination, RecordKey = "2", Reason = "no" });

        batch.DropAfterLastCheckpoint();

        Assert.Empty(batch.Records["a"]);
        Assert.Equal(1, batch.CountsOf("a").Rejected);
        Assert.Equal(RejectionStage.Destination, Assert.Single(batch.Rejects).Stage);
    }

    private static void Read(PendingBatch batch, string stream, params int[] keys)
    {
        foreach (var key in keys)
        {
            batch.CountsOf(stream).Read++;
            batch.Add(stream, new DestinationRecord(key.ToString(System.Globalization.CultureInfo.InvariantCulture), RecordOperation.Upsert, new JsonObject { ["n"] = key }));
        }
    }

    private static void ReadReject(PendingBatch batch, string stream)
    {
        batch.CountsOf(stream).Read++;
        batch.Reject(new RejectedRecord { Stream = stream, Stage = RejectionStage.Mapping, Reason = "bad" });
    }

    private static JsonObject State(int n) => new() { ["n"] = n };
}
