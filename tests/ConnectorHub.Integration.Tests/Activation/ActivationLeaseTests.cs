using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace ConnectorHub.Integration.Tests.Activation;

/// <summary>
/// An activation run that stalls past the stale timeout (its heartbeat silent, a batch in flight) is taken over by the
/// next run; when it wakes it sends and records nothing more.
/// </summary>
public sealed class ActivationLeaseTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task StalledRun_TakenOverByTheNextRun_SendsAndRecordsNothingMore_WhenItWakes(StorageProvider provider)
    {
        // Batches of 2 so the stalled run has more to send; heartbeats never fire on the instant clock (a stalled node).
        await using var bed = await ActivationBed.StartAsync(provider, new Dictionary<string, string?> { ["ConnectorHub:Activation:MaxBatchSize"] = "2" });
        var segment = await bed.CreateSegmentAsync("vip");
        for (var id = 1; id <= 6; id++)
        {
            await bed.AddProfileAsync(id, ActivationBed.Email(id));
        }

        await bed.EnterAsync(segment, 1, 2, 3, 4, 5, 6);
        var activation = await bed.CreateMetaActivationAsync(segment);
        var stalledBatch = new TaskCompletionSource<HttpContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bed.MetaRequests.BeforeRequest = async context =>
        {
            if (context.Request.Path.Value!.EndsWith("/users", StringComparison.Ordinal) && stalledBatch.TrySetResult(context))
            {
                await wake.Task;
            }
        };

        var stalled = Task.Run(() => bed.Runner.RunAsync(activation.Id, ActivationTrigger.Schedule, CancellationToken.None));
        await stalledBatch.Task.WaitAsync(TimeSpan.FromSeconds(30));
        bed.Clock.Advance(new ActivationOptions().StaleAfter + TimeSpan.FromSeconds(1));
        var takeover = await bed.RunAsync(activation.Id);
        var sentBeforeWaking = UserUploads(bed);

        wake.SetResult();
        var stalledResult = await stalled.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DeliveryStatus.Failed, stalledResult!.Status); // closed by the takeover, and left as it was
        Assert.Equal(DeliveryStatus.Succeeded, takeover.Status);
        Assert.Equal(6, bed.Audience.Count);
        Assert.Equal(sentBeforeWaking, UserUploads(bed)); // the woken run's held batch was its last request
        var runs = await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None);
        var closed = Assert.Single(runs, r => r.Id != takeover.Id);
        Assert.Equal(DeliveryStatus.Failed, closed.Status);
        Assert.Equal(0, closed.Sent); // nothing recorded for the stalled run after the takeover
        Assert.Equal(6, takeover.Accepted);
    }

    private static int UserUploads(ActivationBed bed) => bed.MetaRequests.Requests.Count(r => r.Contains("/users", StringComparison.Ordinal));
}
