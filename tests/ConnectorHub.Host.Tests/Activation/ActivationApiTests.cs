using System.Net;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Access;
using ConnectorHub.Core.Storage;
using ConnectorHub.Host.Tests.Api;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.CustomAudiences;
using ConnectorHub.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Host.Tests.Activation;

public sealed class ActivationApiTests : IAsyncLifetime, IDisposable
{
    private const string Account = "1234567890";

    private readonly HubFactory _hub = new();
    private readonly MetaCustomAudiencesEmulator _meta = new();
    private EmulatorHost _metaHost = null!;
    private CustomAudience _audience = null!;
    private HttpClient _admin = null!;
    private HttpClient _marketing = null!;
    private HttpClient _viewer = null!;
    private Guid _connection;
    private long _segment;

    public async Task InitializeAsync()
    {
        _audience = _meta.CreateAudience(Account, "VIP");
        _metaHost = await EmulatorHost.StartAsync(_meta);
        _admin = await _hub.CreateClientAsync(HubRole.Admin);
        _marketing = await _hub.CreateClientAsync(HubRole.Marketing);
        _viewer = await _hub.CreateClientAsync(HubRole.Viewer);
        var connection = await _admin.PostOkAsync("/api/connections", new
        {
            name = "meta",
            pluginId = "meta-custom-audiences",
            config = new { access_token = MetaCustomAudiencesEmulator.DefaultAccessToken, ad_account_id = "act_" + Account, base_url = _metaHost.BaseAddress.ToString() },
        });
        _connection = connection["id"]!.GetValue<Guid>();
        _segment = await SeedSegmentAsync();
    }

    public async Task DisposeAsync() => await _metaHost.DisposeAsync();

    public void Dispose()
    {
        _admin.Dispose();
        _marketing.Dispose();
        _viewer.Dispose();
        _hub.Dispose();
    }

    [Fact]
    public async Task Marketing_CreatesAndRunsAnActivation_AndReadsItsRunsAndRejections()
    {
        var created = await _marketing.PostOkAsync("/api/activations", Request("vip to meta"));
        var id = created["id"]!.GetValue<long>();
        var (run, queued) = await _marketing.SendAsync(HttpMethod.Post, $"/api/activations/{id}/run");
        await Eventually.HoldsAsync(async () => (await _viewer.GetJsonAsync($"/api/activations/{id}/runs")).AsArray().Count == 1
            && (await _viewer.GetJsonAsync($"/api/activations/{id}/runs"))[0]!["status"]!.GetValue<string>() != "Running", TimeSpan.FromSeconds(30), "the run ends");
        var runs = await _viewer.GetJsonAsync($"/api/activations/{id}/runs");
        var rejections = await _viewer.GetJsonAsync($"/api/activations/{id}/rejections?limit=10");

        Assert.Equal("AddRemove", created["mode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.True(queued!["queued"]!.GetValue<bool>());
        Assert.Equal("Succeeded", runs[0]!["status"]!.GetValue<string>());
        Assert.Equal("Manual", runs[0]!["trigger"]!.GetValue<string>());
        Assert.Equal(2, runs[0]!["accepted"]!.GetValue<long>());
        Assert.Equal(1.0, runs[0]!["matchRate"]!.GetValue<double>());
        Assert.Empty(rejections.AsArray());
        Assert.Equal(2, _audience.Count);
    }

    [Fact]
    public async Task Viewer_ReadsActivations_ButCannotCreateChangeDeleteOrRunThem()
    {
        var created = await _admin.PostOkAsync("/api/activations", Request("vip"));
        var id = created["id"]!.GetValue<long>();

        var (create, _) = await _viewer.SendAsync(HttpMethod.Post, "/api/activations", Request("mine"));
        var (update, _) = await _viewer.SendAsync(HttpMethod.Put, $"/api/activations/{id}", Request("renamed"));
        var (delete, _) = await _viewer.SendAsync(HttpMethod.Delete, $"/api/activations/{id}");
        var (run, _) = await _viewer.SendAsync(HttpMethod.Post, $"/api/activations/{id}/run");
        var listed = await _viewer.GetJsonAsync("/api/activations");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, run.StatusCode);
        Assert.Equal("vip", Assert.Single(listed.AsArray())!["name"]!.GetValue<string>());
        Assert.Empty((await _viewer.GetJsonAsync($"/api/activations/{id}/runs")).AsArray());
    }

    [Fact]
    public async Task CreateActivation_NamesTheModeTheDestinationLacks_TheMissingSegment_AndTheBadMappingField()
    {
        var (response, problem) = await _marketing.SendAsync(HttpMethod.Post, "/api/activations", new
        {
            name = "bad",
            segmentId = 999,
            destinationConnectionId = _connection,
            mode = "Overwrite",
            mapping = new { fields = new { shoe_size = "trait:shoe_size" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("No segment with id 999", problem!["errors"]!["segmentId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("AddRemove, Mirror, Upsert", problem["errors"]!["mode"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("'shoe_size' is not an audience member field", problem["errors"]!["mapping.fields.shoe_size"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAndDelete_ChangeTheActivation_AndAnUnknownIdIsNotFound()
    {
        var id = (await _marketing.PostOkAsync("/api/activations", Request("vip")))["id"]!.GetValue<long>();

        var (updated, body) = await _marketing.SendAsync(HttpMethod.Put, $"/api/activations/{id}", Request("vip renamed"));
        var (deleted, _) = await _marketing.SendAsync(HttpMethod.Delete, $"/api/activations/{id}");
        var (missing, _) = await _marketing.SendAsync(HttpMethod.Post, $"/api/activations/{id}/run");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("vip renamed", body!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private object Request(string name) => new
    {
        name,
        segmentId = _segment,
        destinationConnectionId = _connection,
        mode = "AddRemove",
        settings = new JsonObject { ["audience_id"] = _audience.Id },
    };

    /// <summary>A segment of two profiles with emails, written as the profile store and the segments engine would.</summary>
    private async Task<long> SeedSegmentAsync()
    {
        var database = _hub.Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var now = DateTimeOffset.UnixEpoch.AddYears(56).ToUnixTimeMilliseconds();
        var segment = await connection.ExecuteScalarAsync<long>("INSERT INTO segments (name, definition, created_at, updated_at) VALUES ('vip', '{}', @now, @now) RETURNING id", new { now });
        foreach (var id in new[] { 1L, 2L })
        {
            await connection.ExecuteAsync("INSERT INTO profiles (id, created_at, updated_at) VALUES (@id, @now, @now)", new { id, now });
            await connection.ExecuteAsync(
                "INSERT INTO profile_identifiers (value, type, profile_id, lock_bucket, source, first_seen, last_seen) VALUES (@email, 'email', @id, 0, 'test', @now, @now)",
                new { email = $"person{id}@shop.test", id, now });
            await connection.ExecuteAsync("INSERT INTO segment_memberships (segment_id, profile_id, entered_at) VALUES (@segment, @id, @now)", new { segment, id, now });
        }

        return segment;
    }
}
