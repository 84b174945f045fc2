using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Http;

namespace ConnectorHub.Integration.Tests.Activation;

/// <summary>
/// Two real hub processes on one database: the node delivering an activation is frozen (SIGSTOP) with a batch on its
/// way to Meta, the other node takes the activation over once the frozen one's lease is stale and delivers it, and the
/// frozen node, woken, sends and records nothing more.
/// </summary>
public sealed class StalledDeliveryNodeTests
{
    private static readonly Dictionary<string, string> Node = new()
    {
        ["ConnectorHub__Plugins__Directory"] = RepoPaths.Plugins,
        ["ConnectorHub__Activation__MaxBatchSize"] = "2",
        ["ConnectorHub__Activation__HeartbeatInterval"] = "00:00:00.500",
        ["ConnectorHub__Activation__StaleAfter"] = "00:00:03",
    };

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task FrozenNode_WokenAfterItsDeliveryWasTakenOver_SendsAndRecordsNothingMore(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var segment = await bed.CreateSegmentAsync("vip");
        for (var id = 1; id <= 6; id++)
        {
            await bed.AddProfileAsync(id, ActivationBed.Email(id));
        }

        await bed.EnterAsync(segment, 1, 2, 3, 4, 5, 6);
        var activation = await bed.CreateMetaActivationAsync(segment);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bed.MetaRequests.BeforeRequest = async context =>
        {
            if (IsUpload(context) && held.TrySetResult())
            {
                await release.Task;
            }
        };
        using var work = new TempDirectory("stalled-delivery");

        await using var frozen = await HubNodes.StartAsync(provider, bed.Database.ConnectionString, work.Path, Node);
        var token = await SetUpAdminTokenAsync(frozen);
        using var frozenApi = Client(frozen, token);
        await RunAsync(frozenApi, activation.Id);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await frozen.FreezeOutsideWritesAsync();

        await using var other = await HubNodes.StartAsync(provider, bed.Database.ConnectionString, work.Path, Node);
        using var otherApi = Client(other, token);
        DeliveryView? takeover = null;
        await Eventually.HoldsAsync(async () =>
        {
            await RunAsync(otherApi, activation.Id); // refused while the frozen node's lease is fresh; taken over after
            takeover = (await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None)).FirstOrDefault(r => r.Status == DeliveryStatus.Succeeded && r.Accepted > 0);
            return takeover is not null;
        }, TimeSpan.FromSeconds(90), "the other node takes the delivery over and completes it");
        var uploadsBeforeWaking = Uploads(bed);

        release.SetResult();
        await frozen.ThawAsync();
        await Eventually.HoldsAsync(() => frozen.Output.Contains("lost its lease", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the woken node notices it lost the activation");

        Assert.Equal(uploadsBeforeWaking, Uploads(bed));
        Assert.Equal(6, bed.Audience.Count);
        Assert.Equal(6, takeover!.Accepted);
        var closed = Assert.Single(await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None), r => r.Status == DeliveryStatus.Failed);
        Assert.Equal(0, closed.Sent); // the frozen run's batch in flight was never recorded
    }

    private static bool IsUpload(HttpContext context) => context.Request.Path.Value!.EndsWith("/users", StringComparison.Ordinal);

    private static int Uploads(ActivationBed bed) => bed.MetaRequests.Requests.Count(r => r.Contains("/users", StringComparison.Ordinal));

    private static async Task RunAsync(HttpClient api, long activationId)
    {
        using var response = await api.PostAsync(new Uri($"api/activations/{activationId}/run", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<string> SetUpAdminTokenAsync(HubProcess node)
    {
        using var response = await node.Client.PostAsJsonAsync("api/setup", new { userName = "admin", password = "a long enough secret", apiTokenName = "stall" });
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["apiToken"]!.GetValue<string>();
    }

    private static HttpClient Client(HubProcess node, string token) =>
        new() { BaseAddress = node.BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
}
