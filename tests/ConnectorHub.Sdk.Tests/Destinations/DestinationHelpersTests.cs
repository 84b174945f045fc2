using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Destinations.Batching;
using ConnectorHub.Sdk.Destinations.Hashing;
using ConnectorHub.Sdk.Destinations.Uploads;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Sdk.Tests.Destinations;

public sealed class DestinationHelpersTests
{
    [Fact]
    public void Batcher_SplitsByCountAndBytes_InOrder_AndSetsAsideWhatFitsNoRequest()
    {
        var batcher = new RecordBatcher<string>(new RecordBatchingOptions { MaxCount = 3, MaxBytes = 30 }, s => JsonValue.Create(s));
        string[] items = ["a", "bb", "ccc", "dddddddd", "eeeeeeee", new string('x', 40), "f", "gggggggggggg"];

        var (requests, tooLarge) = batcher.Split(items);

        Assert.Equal([["a", "bb", "ccc"], ["dddddddd", "eeeeeeee", "f"], ["gggggggggggg"]], requests.Select(r => r.ToArray()));
        Assert.Equal([new string('x', 40)], tooLarge);
    }

    [Fact]
    public void BatchResults_KeepTheBatchOrder_AndRetryWhatGotNoAnswer()
    {
        var batch = new[] { "k1", "k2", "k3" }.Select(k => new DestinationRecord(k, RecordOperation.Upsert, [])).ToArray();
        var results = new BatchResults(batch);

        results.Set(RecordResult.Rejected("k3", "invalid email"));
        results.Set(RecordResult.Accepted("k1"));
        results.Set(RecordResult.Accepted("k3"));

        var written = results.Complete("no answer from the platform").Results;
        Assert.Equal(["k1:Accepted", "k2:Retry", "k3:Rejected"], written.Select(r => $"{r.Key}:{r.Outcome}"));
        Assert.Equal("no answer from the platform", written[1].Reason);
    }

    [Theory]
    [InlineData(" Mary.Smith@Example.COM ", "mary.smith@example.com")]
    [InlineData("not-an-email", null)]
    [InlineData("a@b", null)]
    public void Email_IsTrimmedAndLowerCased_OrRefused(string raw, string? expected) =>
        Assert.Equal(expected, IdentifierHashing.NormalizeEmail(raw));

    [Fact]
    public void Hashes_AreSha256OfTheNormalizedValue_PerPlatformForm()
    {
        Assert.Equal("f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79", IdentifierHashing.HashEmail("Mary@Example.com"));
        Assert.Equal(IdentifierHashing.Sha256("+14155550132"), IdentifierHashing.HashPhoneE164("(415) 555-0132", "US"));
        Assert.Equal(IdentifierHashing.Sha256("14155550132"), IdentifierHashing.HashPhoneDigits("+1 415 555 0132"));
        Assert.Equal("john.smith@example.com", IdentifierHashing.NormalizeEmailForGoogle("John.Smith@example.com"));
        Assert.Equal("johnsmith@gmail.com", IdentifierHashing.NormalizeEmailForGoogle("John.Smith@gmail.com"));
        var digest = IdentifierHashing.Sha256("x");
        Assert.Equal(digest, IdentifierHashing.HashEmail(digest.ToUpperInvariant()));
        Assert.Null(IdentifierHashing.HashPhoneE164("call me"));
    }

    [Fact]
    public async Task UploadJob_PollsWithGrowingWaits_UntilDone_OrFailsWithTheReason()
    {
        var time = new InstantTimeProvider();
        var polls = 0;

        await UploadJob.WaitAsync("job-1", _ => Task.FromResult(++polls < 4 ? UploadJobStatus.Running() : UploadJobStatus.Succeeded()), new UploadJobOptions(), time, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<ConnectorInternalException>(() => UploadJob.WaitAsync("job-2", _ => Task.FromResult(UploadJobStatus.Failed("3 rows malformed")), new UploadJobOptions(), time, CancellationToken.None));
        var stuck = await Assert.ThrowsAsync<TransientException>(() => UploadJob.WaitAsync("job-3", _ => Task.FromResult(UploadJobStatus.Running(TimeSpan.FromMinutes(10))), new UploadJobOptions { Timeout = TimeSpan.FromMinutes(30) }, time, CancellationToken.None));

        Assert.Equal(4, polls);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], time.Delays.Take(3));
        Assert.Contains("3 rows malformed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("job-3", stuck.Message, StringComparison.Ordinal);
    }
}
