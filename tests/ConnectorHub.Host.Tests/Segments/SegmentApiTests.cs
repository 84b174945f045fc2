using System.Net;
using ConnectorHub.Core.Access;
using ConnectorHub.Core.Storage;
using ConnectorHub.Host.Tests.Api;
using ConnectorHub.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.Storage;

namespace ConnectorHub.Host.Tests.Segments;

public sealed class SegmentApiTests : IAsyncLifetime, IDisposable
{
    private readonly HubFactory _hub = new();
    private HttpClient _marketing = null!;
    private HttpClient _viewer = null!;

    public async Task InitializeAsync()
    {
        _marketing = await _hub.CreateClientAsync(HubRole.Marketing);
        _viewer = await _hub.CreateClientAsync(HubRole.Viewer);
        var database = _hub.Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        foreach (var (id, plan) in new[] { (1L, "gold"), (2L, "gold"), (3L, "silver") })
        {
            await connection.ExecuteAsync("INSERT INTO profiles (id, created_at, updated_at) VALUES (@id, 0, 0)", new { id });
            await connection.ExecuteAsync(
                "INSERT INTO profile_traits (profile_id, name, value, search_value, source, observed_at) VALUES (@id, 'plan', @json, @plan, 'test', 0)",
                new { id, json = $"\"{plan}\"", plan });
        }

        await connection.ExecuteAsync("INSERT INTO events (source, message_id, type, name, profile_id, event_time, received_at) VALUES ('t', 'm1', 'track', 'Signed Up', 1, 0, 0)");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _marketing.Dispose();
        _viewer.Dispose();
        _hub.Dispose();
    }

    [Fact]
    public async Task Viewer_CanRead_ButCannotCreateRefreshOrDelete()
    {
        var created = await _marketing.PostOkAsync("/api/segments", new { name = "gold", definition = new { trait = "plan", op = "equals", value = "gold" }, schedule = (string?)null });
        var id = created["id"]!.GetValue<long>();

        var (create, _) = await _viewer.SendAsync(HttpMethod.Post, "/api/segments", new { name = "x", definition = new { identifier = "email" } });
        var (refresh, _) = await _viewer.SendAsync(HttpMethod.Post, $"/api/segments/{id}/refresh");
        var (delete, _) = await _viewer.SendAsync(HttpMethod.Delete, $"/api/segments/{id}");
        var (trait, _) = await _viewer.SendAsync(HttpMethod.Post, "/api/computed-traits", new { name = "n", definition = new { kind = "count", @event = "x" } });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [create.StatusCode, refresh.StatusCode, delete.StatusCode, trait.StatusCode]);
        Assert.Equal("gold", (await _viewer.GetJsonAsync($"/api/segments/{id}"))["name"]!.GetValue<string>());
        Assert.Single((await _viewer.GetJsonAsync("/api/segments")).AsArray());
    }

    [Fact]
    public async Task Create_AnswersAProblemNamingTheBadNode()
    {
        var (response, problem) = await _marketing.SendAsync(HttpMethod.Post, "/api/segments",
            new { name = "bad", definition = new { all = new object[] { new { trait = "plan", op = "equals", value = "gold" }, new { @event = "x", count = new { atLeast = -2 } } } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("whole number", problem!["errors"]!["$.all[1].count.atLeast"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_ThenMembersAndHistory_ShowWhoEntered()
    {
        var id = (await _marketing.PostOkAsync("/api/segments", new { name = "gold", definition = new { trait = "plan", op = "equals", value = "GOLD" }, schedule = (string?)null }))["id"]!.GetValue<long>();

        var refreshed = await _marketing.PostOkAsync($"/api/segments/{id}/refresh", new { });
        var members = (await _viewer.GetJsonAsync($"/api/segments/{id}/members?limit=1&offset=1")).AsArray();
        var history = (await _viewer.GetJsonAsync($"/api/segments/{id}/history")).AsArray();

        Assert.Equal((2, 0, 2), (refreshed["entered"]!.GetValue<long>(), refreshed["exited"]!.GetValue<long>(), refreshed["memberCount"]!.GetValue<long>()));
        Assert.Equal(2, Assert.Single(members)!["profileId"]!.GetValue<long>());
        Assert.Equal(["entered"], history.Select(h => h!["change"]!.GetValue<string>()).Distinct());
        Assert.Equal(2, (await _viewer.GetJsonAsync($"/api/segments/{id}"))["memberCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Preview_CountsAnUnsavedRule_WithASample()
    {
        var preview = await _viewer.PostOkAsync("/api/segments/preview", new { definition = new { any = new object[] { new { trait = "plan", op = "equals", value = "silver" }, new { @event = "Signed Up" } } } });

        Assert.Equal(2, preview["count"]!.GetValue<long>());
        Assert.Equal([1L, 3L], preview["sample"]!.AsArray().Select(s => s!.GetValue<long>()));
    }

    [Fact]
    public async Task ComputedTraits_AreCreatedUsedAndProtectedWhileInUse()
    {
        var trait = await _marketing.PostOkAsync("/api/computed-traits", new { name = "signups", definition = new { kind = "count", @event = "Signed Up" } });
        var traitId = trait["id"]!.GetValue<long>();
        await _marketing.PostOkAsync("/api/segments", new { name = "signed", definition = new { computedTrait = "signups", op = "greaterThan", value = 0 }, schedule = (string?)null });

        var preview = await _viewer.PostOkAsync("/api/segments/preview", new { definition = new { computedTrait = "signups", op = "equals", value = 1 } });
        var (delete, problem) = await _marketing.SendAsync(HttpMethod.Delete, $"/api/computed-traits/{traitId}");

        Assert.NotNull(trait["lastComputedAt"]);
        Assert.Equal(1, preview["count"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Contains("signed", problem!["errors"]!["id"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SchedulesARefreshEvery30Seconds_UnlessOnDemand()
    {
        var scheduled = (await _marketing.PostOkAsync("/api/segments", new { name = "auto", definition = new { identifier = "email" } }))["id"]!.GetValue<long>();
        var manual = (await _marketing.PostOkAsync("/api/segments", new { name = "manual", definition = new { identifier = "email" }, schedule = (string?)null }))["id"]!.GetValue<long>();

        using var hangfire = _hub.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = hangfire.GetRecurringJobs();
        Assert.Equal("*/30 * * * * *", Assert.Single(recurring, j => j.Id == $"segment:{scheduled}").Cron);
        Assert.DoesNotContain(recurring, j => j.Id == $"segment:{manual}");
    }

    [Fact]
    public async Task ScheduledSegment_IsRefreshedByTheScheduler_WithoutBeingAsked()
    {
        var id = (await _marketing.PostOkAsync("/api/segments", new { name = "every second", definition = new { trait = "plan", op = "equals", value = "gold" }, schedule = "* * * * * *" }))["id"]!.GetValue<long>();

        await Eventually.HoldsAsync(async () => (await _viewer.GetJsonAsync($"/api/segments/{id}"))["memberCount"]!.GetValue<long>() == 2, TimeSpan.FromSeconds(20), "the scheduled refresh counts both gold profiles");
        Assert.Equal([1L, 2L], (await _viewer.GetJsonAsync($"/api/segments/{id}/members")).AsArray().Select(m => m!["profileId"]!.GetValue<long>()));
    }
}
