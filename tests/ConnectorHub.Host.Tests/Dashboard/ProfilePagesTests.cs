using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.Core.Access;
using ConnectorHub.Core.CanonicalStore;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Host.Dashboard.Profiles;
using ConnectorHub.Host.Tests.Api;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Host.Tests.Dashboard;

/// <summary>The profile pages rendered in process for a viewer, over profiles made by a real sync into the hub.</summary>
public sealed partial class ProfilePagesTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    // One record per flush, so Ann's email profile and her phone profile exist apart before the web form merges them.
    private readonly HubFactory _hub = new(new Dictionary<string, string?>
    {
        ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins,
        ["ConnectorHub:Runner:BatchSize"] = "1",
    });

    private HttpClient _browser = null!;
    private long _ann;
    private long _mergedAway;

    public async Task InitializeAsync()
    {
        using var api = await _hub.CreateClientAsync(HubRole.Admin);
        var records = new JsonArray(
            Record("r1", new ProfileFragment { Source = "hubspot", RecordKey = "101", ObservedAt = T0, Identifiers = [new("email", "ann@example.com")], Traits = new ProfileTraits { FirstName = "Ann" } }),
            Record("r2", new ProfileFragment { Source = "square", RecordKey = "c-9", ObservedAt = T0.AddDays(1), Identifiers = [new("phone", "+15550100")], Traits = new ProfileTraits { LastName = "Lee" } }),
            Record("r3", new ProfileFragment { Source = "web", RecordKey = "form-1", ObservedAt = T0.AddDays(2), Identifiers = [new("email", "ann@example.com"), new("phone", "+1 555 0100"), new("user_id", "u-1")] }),
            Record("r4", new ProfileFragment { Source = "crm", RecordKey = "bob", ObservedAt = T0, Identifiers = [new("email", "bob@example.com")], Traits = new ProfileTraits { FirstName = "Ann" } }));
        for (var i = 1; i <= 20; i++)
        {
            // Hours 1, 2, 3, 0, 1, 2, 3, ...: equal times, so pages must break ties without skipping or repeating.
            records.Add(Record($"e{i}", new CanonicalEvent { MessageId = $"m-{i}", Type = "track", Name = $"Step {i}", UserId = "u-1", Timestamp = T0.AddHours(i % 4), Source = "web" }));
        }

        records.Add(Record("o1", new Order { OrderId = "o-1", Source = "square", Channel = "in_store", Currency = "USD", Total = 10m, PlacedAt = T0.AddHours(2), CustomerIdentifiers = [new("phone", "+15550100")] }));
        records.Add(Record("o2", new Order { OrderId = "o-2", Source = "square", Channel = "online", Currency = "USD", Total = 20m, PlacedAt = T0.AddDays(3), CustomerIdentifiers = [new("email", "ann@example.com")] }));
        var source = await api.PostOkAsync("/api/connections", new { name = "people", pluginId = "canonical", config = new { records } });
        var sync = await api.PostOkAsync("/api/syncs", new { name = "people", sourceConnectionId = source["id"]!.GetValue<Guid>(), streams = new[] { new { name = "people" } } });
        var (_, queued) = await api.SendAsync(HttpMethod.Post, $"/api/syncs/{sync["id"]!.GetValue<Guid>()}/runs");
        var runId = queued!["id"]!.GetValue<Guid>();
        await Eventually.HoldsAsync(async () => (await api.GetJsonAsync($"/api/runs/{runId}"))["status"]!.GetValue<string>() is "Succeeded" or "Failed", TimeSpan.FromSeconds(30), "the run ends");
        var profile = await api.GetJsonAsync("/api/profiles/lookup?identifier=email:ann@example.com");
        _ann = profile["id"]!.GetValue<long>();
        _mergedAway = profile["mergedFrom"]![0]!.GetValue<long>();

        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        await _hub.Services.GetRequiredService<UserService>().CreateAsync(new UserRequest("vera", "viewer password", HubRole.Viewer), CancellationToken.None);
        _browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await _browser.SignInAsync("vera", "viewer password");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _browser?.Dispose();
        _hub.Dispose();
    }

    [Fact]
    public async Task AMergedAwayProfile_RedirectsToTheSurvivor()
    {
        using var response = await _browser.GetAsync(new Uri($"/profiles/{_mergedAway}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/profiles/{_ann}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheProfilePage_ShowsTraitSources_IdentifierProvenance_AndWhatCausedTheMerge()
    {
        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(new Uri($"/profiles/{_ann}", UriKind.Relative)));

        Assert.Contains("<h1 class=\"wrap-anywhere\">Ann Lee</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-source=\"hubspot\"", html, StringComparison.Ordinal);
        Assert.Contains("data-source=\"square\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-identifier=\"phone:+15550100\">", html, StringComparison.Ordinal);
        // The phone's earliest observation is Square's order o-1 (placed before customer c-9 was observed).
        Assert.Matches("""<tr data-identifier="phone:\+15550100">(?:(?!</tr>)[\s\S])*>square</td>\s*<td data-label="Record"[^>]*>o-1</td>""", html);
        Assert.Contains($"profile #{_mergedAway} merged into #{_ann} because the web record", html, StringComparison.Ordinal);
        Assert.Contains("phone:+15550100</span>, which both held.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("method=\"post\"", html[html.IndexOf("<main>", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/profiles?q=ANN%40example.com")]
    [InlineData("/profiles?q=phone:%2B1%20555%200100")]
    [InlineData("/profiles?q=u-1")]
    [InlineData("/profiles?q=ann%40")]
    public async Task Search_FindsAnn_ByAnyIdentifier_TypedOrBare_OrByItsStart(string path)
    {
        var html = await _browser.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains($"href=\"/profiles/{_ann}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-results\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByTrait_IgnoresCase_AndListsEveryMatch()
    {
        var html = await _browser.GetStringAsync(new Uri("/profiles?trait=first_name&value=ANN", UriKind.Relative));
        var none = await _browser.GetStringAsync(new Uri("/profiles?trait=first_name&value=Zed", UriKind.Relative));

        Assert.Contains($"href=\"/profiles/{_ann}\"", html, StringComparison.Ordinal);
        Assert.Contains("bob@example.com", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-results\"", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTimeline_PagesEventsAndOrdersTogether_NewestFirst_WithoutSkippingOrRepeating()
    {
        var timeline = _hub.Services.GetRequiredService<ProfileTimeline>();
        var seen = new List<TimelineItem>();
        string? events = null, orders = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await TimelinePage.ReadAsync(timeline, _ann, 2, events, orders, CancellationToken.None);
            seen.AddRange(page.Items);
            if (!page.HasOlder)
            {
                break;
            }

            (events, orders) = (page.OlderEvents ?? TimelinePage.Done, page.OlderOrders ?? TimelinePage.Done);
        }

        Assert.Equal(22, seen.Count);
        Assert.Equal(22, seen.Select(i => i.Event?.MessageId ?? i.Order!.OrderId).Distinct().Count());
        Assert.Equal(seen.Select(i => i.At).OrderByDescending(t => t), seen.Select(i => i.At));
        Assert.Equal("o-2", seen[0].Order?.OrderId);
    }

    [Fact]
    public async Task TheOlderLink_ShowsTheRestOfTheTimeline_AndNewestLeadsBack()
    {
        var first = await _browser.GetStringAsync(new Uri($"/profiles/{_ann}", UriKind.Relative));
        var older = OlderLink().Match(first);
        Assert.True(older.Success, "The first page has an Older link.");
        var second = await _browser.GetStringAsync(new Uri(WebUtility.HtmlDecode(older.Groups[1].Value), UriKind.Relative));

        Assert.Equal(DetailsModel.TimelineSize, TimelineRow().Count(first));
        Assert.Contains("data-kind=\"order\"", first, StringComparison.Ordinal);
        Assert.Equal(22 - DetailsModel.TimelineSize, TimelineRow().Count(second));
        Assert.DoesNotMatch(OlderLink(), second);
        Assert.Contains($"href=\"/profiles/{_ann}#timeline\">Newest</a>", second, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a class=\"button\" href=\"([^\"]+)\">Older</a>")]
    private static partial Regex OlderLink();

    [GeneratedRegex("<tr data-kind=")]
    private static partial Regex TimelineRow();

    private static JsonObject Record(string id, object entity)
    {
        var json = CanonicalEnvelope.Of(entity).ToJson();
        json["id"] = id;
        return json;
    }
}
