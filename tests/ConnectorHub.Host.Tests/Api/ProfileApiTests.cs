using System.Net;
using System.Text.Json.Nodes;
using ConnectorHub.Core.CanonicalStore;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectorHub.Host.Tests.Api;

public sealed class ProfileApiTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    // A batch of one record per flush: each record resolves in its own transaction, so profiles exist before they merge.
    private readonly HubFactory _hub = new(new Dictionary<string, string?>
    {
        ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins,
        ["ConnectorHub:Runner:BatchSize"] = "1",
        ["ConnectorHub:Identity:TraitSourcePriority:first_name:0"] = "hubspot",
    });

    private HttpClient _client = null!;
    private long _ann;
    private long _phoneProfile;

    public async Task InitializeAsync()
    {
        _client = await _hub.CreateClientAsync(Core.Access.HubRole.Admin, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var records = new JsonArray(
            Record("r1", new ProfileFragment { Source = "hubspot", RecordKey = "101", ObservedAt = T0, Identifiers = [new("email", "ann@example.com")], Traits = new ProfileTraits { FirstName = "Ann" } }),
            Record("r2", new ProfileFragment { Source = "square", RecordKey = "c-9", ObservedAt = T0.AddDays(1), Identifiers = [new("phone", "+15550100")], Traits = new ProfileTraits { FirstName = "ANNIE", LastName = "Lee" } }),
            Record("r3", new ProfileFragment { Source = "web", RecordKey = "form-1", ObservedAt = T0.AddDays(2), Identifiers = [new("email", "ann@example.com"), new("phone", "+1 555 0100"), new("user_id", "u-1")] }),
            Record("r4", new ProfileFragment { Source = "crm", RecordKey = "bob", ObservedAt = T0, Identifiers = [new("email", "bob@example.com")], Traits = new ProfileTraits { FirstName = "Ann" } }));
        for (var i = 1; i <= 7; i++)
        {
            records.Add(Record($"e{i}", new CanonicalEvent { MessageId = $"m-{i}", Type = "track", Name = $"Step {i}", UserId = "u-1", Timestamp = T0.AddHours(i % 4), Source = "web" }));
        }

        records.Add(Record("o1", new Order { OrderId = "o-1", Source = "square", Channel = "in_store", Currency = "USD", Total = 10m, PlacedAt = T0.AddDays(1).AddHours(1), CustomerIdentifiers = [new("phone", "+15550100")] }));
        records.Add(Record("o2", new Order { OrderId = "o-2", Source = "square", Channel = "online", Currency = "USD", Total = 20m, PlacedAt = T0.AddDays(3), CustomerIdentifiers = [new("email", "ann@example.com")] }));

        var source = await _client.PostOkAsync("/api/connections", new { name = "people", pluginId = "canonical", config = new { records } });
        var sync = await _client.PostOkAsync("/api/syncs", new { name = "people", sourceConnectionId = source["id"]!.GetValue<Guid>(), streams = new[] { new { name = "people" } } });
        var (_, queued) = await _client.SendAsync(HttpMethod.Post, $"/api/syncs/{sync["id"]!.GetValue<Guid>()}/runs");
        var runId = queued!["id"]!.GetValue<Guid>();
        await Eventually.HoldsAsync(async () => (await _client.GetJsonAsync($"/api/runs/{runId}"))["status"]!.GetValue<string>() is "Succeeded" or "Failed", TimeSpan.FromSeconds(30), "the run ends");
        Assert.Equal("Succeeded", (await _client.GetJsonAsync($"/api/runs/{runId}"))["status"]!.GetValue<string>());
        _ann = (await _client.GetJsonAsync("/api/profiles/lookup?identifier=email:ann@example.com"))["id"]!.GetValue<long>();
        _phoneProfile = (await _client.GetJsonAsync("/api/profiles/lookup?identifier=phone:%2B15550100"))["id"]!.GetValue<long>();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client.Dispose();
        _hub.Dispose();
    }

    [Fact]
    public async Task Lookup_NormalizesTheIdentifier_AndReturnsTraitsIdentifiersAndHistory()
    {
        var profile = await _client.GetJsonAsync("/api/profiles/lookup?identifier=EMAIL:%20Ann@Example.COM");

        Assert.Equal(_ann, profile["id"]!.GetValue<long>());
        Assert.Equal(_ann, _phoneProfile);
        Assert.Equal("Ann", profile["traits"]!["first_name"]!["value"]!.GetValue<string>());
        Assert.Equal("hubspot", profile["traits"]!["first_name"]!["source"]!.GetValue<string>());
        Assert.Equal(("Lee", "square"), (profile["traits"]!["last_name"]!["value"]!.GetValue<string>(), profile["traits"]!["last_name"]!["source"]!.GetValue<string>()));
        var phone = profile["identifiers"]!.AsArray().Single(i => i!["type"]!.GetValue<string>() == "phone")!;
        Assert.Equal(("+15550100", "square", "c-9"), (phone["value"]!.GetValue<string>(), phone["source"]!.GetValue<string>(), phone["recordKey"]!.GetValue<string>()));
        var merge = Assert.Single(profile["history"]!.AsArray())!;
        Assert.Equal(("merge", "phone:+15550100", "web", "form-1"), (merge["kind"]!.GetValue<string>(), merge["identifier"]!.GetValue<string>(), merge["source"]!.GetValue<string>(), merge["recordKey"]!.GetValue<string>()));
        Assert.Single(profile["mergedFrom"]!.AsArray());
    }

    [Fact]
    public async Task AMergedAwayId_RedirectsToItsSurvivor()
    {
        var merged = (await _client.GetJsonAsync($"/api/profiles/{_ann}"))["mergedFrom"]![0]!.GetValue<long>();

        var (response, _) = await _client.SendAsync(HttpMethod.Get, $"/api/profiles/{merged}");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"/api/profiles/{_ann}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Lookup_AnswersNotFound_ForAnUnknownIdentifier_AndAProblemNamingTheField_ForAMalformedOne()
    {
        var (missing, notFound) = await _client.SendAsync(HttpMethod.Get, "/api/profiles/lookup?identifier=email:nobody@example.com");
        var (malformed, problem) = await _client.SendAsync(HttpMethod.Get, "/api/profiles/lookup?identifier=nobody");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No profile has the identifier email:nobody@example.com.", notFound!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("type:value", problem!["errors"]!["identifier"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsProfilesByTraitIgnoringCase_AndByIdentifierPrefix_Paged()
    {
        var byTrait = (await _client.GetJsonAsync("/api/profiles?trait=first_name&value=ann")).AsArray();
        var secondPage = (await _client.GetJsonAsync("/api/profiles?trait=first_name&value=ann&limit=1&offset=1")).AsArray();
        var byPrefix = (await _client.GetJsonAsync("/api/profiles?q=BOB@")).AsArray();
        var (both, _) = await _client.SendAsync(HttpMethod.Get, "/api/profiles?trait=first_name&value=ann&q=bob");

        Assert.Equal(2, byTrait.Count);
        Assert.Equal(byTrait[1]!["id"]!.GetValue<long>(), Assert.Single(secondPage)!["id"]!.GetValue<long>());
        Assert.Equal(["email:bob@example.com"], Assert.Single(byPrefix)!["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
    }

    [Fact]
    public async Task Events_ArePagedNewestFirst_WithoutGapsOrRepeats_EvenAtEqualTimes()
    {
        var seen = new List<JsonNode>();
        string? next = null;
        do
        {
            var page = await _client.GetJsonAsync($"/api/profiles/{_ann}/events?limit=3" + (next is null ? string.Empty : $"&before={next}"));
            seen.AddRange(page["items"]!.AsArray().Select(e => e!));
            next = page["next"]?.GetValue<string>();
        }
        while (next is not null);

        Assert.Equal(7, seen.Select(e => e["messageId"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(7, seen.Count);
        var times = seen.Select(e => e["timestamp"]!.GetValue<DateTimeOffset>()).ToArray();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task Orders_ArePagedNewestFirst_IncludingThoseOfMergedProfiles()
    {
        var first = await _client.GetJsonAsync($"/api/profiles/{_ann}/orders?limit=1");
        var second = await _client.GetJsonAsync($"/api/profiles/{_ann}/orders?limit=1&before={first["next"]!.GetValue<string>()}");

        Assert.Equal("o-2", first["items"]![0]!["orderId"]!.GetValue<string>());
        Assert.Equal("o-1", second["items"]![0]!["orderId"]!.GetValue<string>());
        Assert.Null(second["next"]);
    }

    private static JsonObject Record(string id, object entity)
    {
        var json = CanonicalEnvelope.Of(entity).ToJson();
        json["id"] = id;
        return json;
    }
}
