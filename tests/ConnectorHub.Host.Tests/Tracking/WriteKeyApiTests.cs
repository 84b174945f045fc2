using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Access;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>Write keys through the REST API: shown once, listed masked, stored as a hash, admin-only to change.</summary>
public sealed class WriteKeyApiTests
{
    [Fact]
    public async Task CreatedKey_IsShownOnce_ListedMasked_AndStoredOnlyAsHash()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        var listed = (await hub.Admin.GetFromJsonAsync<JsonArray>($"/api/tracking/sources/{hub.SourceId}/write-keys"))!;
        var sources = (await hub.Admin.GetFromJsonAsync<JsonArray>("/api/tracking/sources"))!;

        var masked = listed.Single()!["masked"]!.GetValue<string>();
        Assert.StartsWith(hub.WriteKey[..10], masked, StringComparison.Ordinal);
        Assert.DoesNotContain(hub.WriteKey, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, sources.Single()!["activeKeys"]!.GetValue<int>());
        Assert.Equal(0, await hub.ScalarAsync<long>("SELECT count(*) FROM tracking_write_keys WHERE key_hash = @key OR prefix = @key", new { key = hub.WriteKey }));
        Assert.Equal(1, await hub.ScalarAsync<long>("SELECT count(*) FROM tracking_write_keys WHERE key_hash = @hash", new { hash = Core.Tracking.Keys.WriteKeySecret.Hash(hub.WriteKey) }));
    }

    [Fact]
    public async Task Viewer_MayListButNotCreateOrRevoke()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        using var viewer = await hub.Hub.CreateClientAsync(HubRole.Viewer);
        using var list = await viewer.GetAsync("/api/tracking/sources");
        using var createSource = await viewer.PostAsJsonAsync("/api/tracking/sources", new { name = "app" });
        using var createKey = await viewer.PostAsJsonAsync($"/api/tracking/sources/{hub.SourceId}/write-keys", new { });
        using var revoke = await viewer.DeleteAsync($"/api/tracking/sources/{hub.SourceId}/write-keys/{Guid.NewGuid()}");
        using var anonymous = hub.Hub.CreateClient();
        using var anonymousList = await anonymous.GetAsync("/api/tracking/sources");

        Assert.Equal(200, (int)list.StatusCode);
        Assert.Equal(403, (int)createSource.StatusCode);
        Assert.Equal(403, (int)createKey.StatusCode);
        Assert.Equal(403, (int)revoke.StatusCode);
        Assert.Equal(401, (int)anonymousList.StatusCode);
    }

    [Fact]
    public async Task DuplicateSourceName_AndUnknownSource_AreClearErrors()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        using var duplicate = await hub.Admin.PostAsJsonAsync("/api/tracking/sources", new { name = "website" });
        using var unknown = await hub.Admin.PostAsJsonAsync($"/api/tracking/sources/{Guid.NewGuid()}/write-keys", new { });

        Assert.Equal(400, (int)duplicate.StatusCode);
        Assert.Contains("already exists", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(404, (int)unknown.StatusCode);
    }
}
