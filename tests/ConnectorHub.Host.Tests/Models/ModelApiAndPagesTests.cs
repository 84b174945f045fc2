using System.Net;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Access;
using ConnectorHub.Core.Storage;
using ConnectorHub.Host.Tests.Api;
using ConnectorHub.Host.Tests.Dashboard;
using ConnectorHub.Tests.Predictions;
using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Host.Tests.Models;

/// <summary>
/// Predictive models through the host: an admin creates and trains them (a Hangfire job), marketing and viewers read
/// them; the model page shows quality against the baseline, importance, distribution and history, or why a run was
/// not published; the profile page shows each score with its reasons; segment previews read the trait.
/// </summary>
public sealed class ModelApiAndPagesTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly HubFactory _hub = new(new Dictionary<string, string?> { ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins });
    private HttpClient _admin = null!;
    private HttpClient _marketing = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _admin = await _hub.CreateClientAsync(HubRole.Admin);
        _marketing = await _hub.CreateClientAsync(HubRole.Marketing);
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        _browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await _browser.SignInAsync("ada", "a long enough secret");
        var now = _hub.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await ShopRows.WriteAsync(_hub.Services.GetRequiredService<HubDatabase>(), ShopHistory.Signal(1500, until: now.AddMinutes(-1)));
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _marketing.Dispose();
        _browser.Dispose();
        _hub.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheStandardModels_ComeWithTheHub_TrainedDailyUntilChanged()
    {
        var models = (JsonArray)await _marketing.GetJsonAsync("/api/models");

        Assert.Equal(["churn_risk", "predicted_ltv_90d"], models.Select(m => m!["trait"]!.GetValue<string>()));
        Assert.All(models, m => Assert.Equal(("0 3 * * *", 90), (m!["schedule"]!.GetValue<string>(), m["settings"]!["horizonDays"]!.GetValue<int>())));
    }

    [Fact]
    public async Task AnAdminTrainsAModel_ItsScoresBecomeATrait_AndThePagesShowQualityAndReasons()
    {
        var model = await _admin.PostOkAsync("/api/models", new
        {
            trait = "churn_risk_30d",
            kind = "Churn",
            settings = new { horizonDays = 30, eventWindows = new[] { 7, 30 } },
            schedule = (string?)null,
        });
        var id = model["id"]!.GetValue<long>();

        var (refused, _) = await _marketing.SendAsync(HttpMethod.Post, $"/api/models/{id}/train");
        var (accepted, queued) = await _admin.SendAsync(HttpMethod.Post, $"/api/models/{id}/train");
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Accepted), (refused.StatusCode, accepted.StatusCode));
        Assert.Contains("queued", queued!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        JsonNode? run = null;
        await Eventually.HoldsAsync(async () =>
        {
            run = ((JsonArray)await _marketing.GetJsonAsync($"/api/models/{id}/runs")).FirstOrDefault();
            return run?["status"]?.GetValue<string>() is "Published" or "NotPublished" or "Failed";
        }, Timeout, "the training run ends");
        Assert.Equal("Published", run!["status"]!.GetValue<string>());
        Assert.True(run["report"]!["model"]!["auc"]!.GetValue<double>() > run["report"]!["baselineQuality"]!["auc"]!.GetValue<double>());

        var scores = (JsonArray)await _marketing.GetJsonAsync($"/api/models/{id}/scores?limit=3");
        var top = scores[0]!;
        var profile = top["profileId"]!.GetValue<long>();
        Assert.NotEmpty(top["explanation"]!.AsArray());
        var ofProfile = (JsonArray)await _marketing.GetJsonAsync($"/api/profiles/{profile}/scores");
        Assert.Equal("churn_risk_30d", Assert.Single(ofProfile)!["trait"]!.GetValue<string>());
        var preview = await _marketing.PostOkAsync("/api/segments/preview", new { definition = new { trait = "churn_risk_30d", op = "greaterThan", value = 0.5 } });
        Assert.InRange(preview["count"]!.GetValue<long>(), 1, 1499);

        var page = await _browser.GetStringAsync(new Uri($"/models/{id}", UriKind.Relative));
        Assert.Contains("data-testid=\"quality\"", page, StringComparison.Ordinal);
        Assert.Contains("Passed:</span> ranks churners above the baseline", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"importance\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reliability\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"distribution\"", page, StringComparison.Ordinal);
        Assert.Contains("data-run=\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=\"", page, StringComparison.Ordinal);
        Assert.Contains("Train now", page, StringComparison.Ordinal);

        var profilePage = await _browser.GetStringAsync(new Uri($"/profiles/{profile}", UriKind.Relative));
        Assert.Contains("data-score=\"churn_risk_30d\"", profilePage, StringComparison.Ordinal);
        Assert.Contains(" it (", profilePage, StringComparison.Ordinal);
        Assert.Contains("model:churn_risk_30d:v1", profilePage, StringComparison.Ordinal);
        Assert.Contains("churn_risk_30d", await _browser.GetStringAsync(new Uri("/models", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunThatCannotBeJudged_IsNotPublished_AndThePageSaysWhy()
    {
        var id = (await _admin.PostOkAsync("/api/models", new { trait = "churn_risk_year", kind = "Churn", settings = new { horizonDays = 365 } }))["id"]!.GetValue<long>();

        using var trained = await _browser.PostFormAsync($"/models/{id}", [], $"/models/{id}?handler=Train");
        Assert.Equal(HttpStatusCode.Redirect, trained.StatusCode);
        await Eventually.HoldsAsync(async () =>
            ((JsonArray)await _marketing.GetJsonAsync($"/api/models/{id}/runs")).FirstOrDefault()?["status"]?.GetValue<string>() == "NotPublished", Timeout, "the run ends not published");

        var page = await _browser.GetStringAsync(new Uri($"/models/{id}", UriKind.Relative));
        Assert.Contains("data-testid=\"not-published\"", page, StringComparison.Ordinal);
        Assert.Contains("Not enough history: the training window", page, StringComparison.Ordinal);
        Assert.Contains("The trait has no scores yet.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdmin_ChangesTheSettingsOnThePage_AndABadValueIsShownBesideItsField()
    {
        var id = (await _admin.PostOkAsync("/api/models", new { trait = "value_60d", kind = "Value", settings = new { horizonDays = 60 } }))["id"]!.GetValue<long>();
        var page = $"/models/{id}";
        var form = new Dictionary<string, string>
        {
            ["Input.Description"] = "Spend in two months.",
            ["Input.HorizonDays"] = "45",
            ["Input.EventWindows"] = "14, 45",
            ["Input.Events"] = "Product Viewed\nProduct Added",
            ["Input.Traits"] = "plan",
            ["Input.Trees"] = "50",
            ["Input.Leaves"] = "8",
            ["Input.MinimumExamplesPerLeaf"] = "10",
            ["Input.Schedule"] = "0 5 * * *",
            ["Input.TimeZone"] = "",
        };

        using var saved = await _browser.PostFormAsync(page, form, page + "?handler=Save");
        form["Input.HorizonDays"] = "3";
        form["Input.EventWindows"] = "14, soon";
        using var badWindows = await _browser.PostFormAsync(page, form, page + "?handler=Save");
        form["Input.EventWindows"] = "14";
        using var badHorizon = await _browser.PostFormAsync(page, form, page + "?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var model = await _marketing.GetJsonAsync($"/api/models/{id}");
        Assert.Equal(("Spend in two months.", 45, "0 5 * * *"), (model["description"]!.GetValue<string>(), model["settings"]!["horizonDays"]!.GetValue<int>(), model["schedule"]!.GetValue<string>()));
        Assert.Equal(["Product Viewed", "Product Added"], model["settings"]!["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal([14, 45], model["settings"]!["eventWindows"]!.AsArray().Select(e => e!.GetValue<int>()));
        Assert.Contains("&#x27;soon&#x27; is not a number of days", await badWindows.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The horizon is 7 to 730 days", await badHorizon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(45, (await _marketing.GetJsonAsync($"/api/models/{id}"))["settings"]!["horizonDays"]!.GetValue<int>());
    }

    [Fact]
    public async Task ABadModel_IsRefusedNamingEachField_AndMarketingCannotChangeModels()
    {
        var (bad, problem) = await _admin.SendAsync(HttpMethod.Post, "/api/models", new
        {
            trait = "Churn Risk",
            kind = "Churn",
            settings = new { horizonDays = 3, eventWindows = new[] { 7, 7 }, traits = new[] { "churn_risk" } },
            schedule = "every day",
        });
        var (missingKind, _) = await _admin.SendAsync(HttpMethod.Post, "/api/models", new { trait = "x" });
        var (marketing, _) = await _marketing.SendAsync(HttpMethod.Post, "/api/models", new { trait = "risk", kind = "Churn" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (bad.StatusCode, missingKind.StatusCode, marketing.StatusCode));
        var errors = problem!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["schedule", "settings.eventWindows", "settings.horizonDays", "settings.traits[0]", "trait"], errors);
    }
}
