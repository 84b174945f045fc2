using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.Core.Access;
using ConnectorHub.Core.Predictions;
using ConnectorHub.Core.Storage;
using ConnectorHub.Host.Tests.Api;
using ConnectorHub.Tests.Predictions;
using ConnectorHub.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Host.Tests.Models;

/// <summary>
/// Runs every example of <c>docs/predictive-traits.md</c> against the host: the model request is created and saved
/// as written, the segment rule is one the hub reads, the settings bind to the documented defaults, and every field
/// of the run and score examples is in what the API really answers.
/// </summary>
public sealed partial class PredictiveTraitsGuideTests : IAsyncLifetime
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "predictive-traits.md"));
    private readonly HubFactory _hub = new(new Dictionary<string, string?> { ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins });
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await _hub.CreateClientAsync(HubRole.Admin);
        var now = _hub.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await ShopRows.WriteAsync(_hub.Services.GetRequiredService<HubDatabase>(), ShopHistory.Signal(1500, until: now.AddMinutes(-1)));
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _hub.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void TheGuide_HasEveryExampleThisTestRuns()
    {
        Assert.Equal(["segment-rule", "model-request", "run-response", "score-response", "appsettings"], Blocks().Select(b => b.Name));
    }

    [Fact]
    public async Task TheModelRequest_CreatesAndSavesTheModelAsWritten_AndTheSegmentRuleIsRead()
    {
        var request = JsonNode.Parse(Block("model-request"))!;
        var (created, model) = await _admin.SendAsync(HttpMethod.Post, "/api/models", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(JsonNode.DeepEquals(request["settings"], model!["settings"]), model["settings"]!.ToJsonString());
        Assert.Equal((request["schedule"]!.GetValue<string>(), request["timeZone"]!.GetValue<string>()), (model["schedule"]!.GetValue<string>(), model["timeZone"]!.GetValue<string>()));

        var (saved, _) = await _admin.SendAsync(HttpMethod.Put, $"/api/models/{model["id"]}", request);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var (preview, count) = await _admin.SendAsync(HttpMethod.Post, "/api/segments/preview", new JsonObject { ["definition"] = JsonNode.Parse(Block("segment-rule")) });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(0, count!["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task TheRunAndScoreExamples_HoldOnlyFieldsTheApiAnswers()
    {
        var id = (await _admin.PostOkAsync("/api/models", new { trait = "churn_risk_30d", kind = "Churn", settings = new { horizonDays = 30, eventWindows = new[] { 7, 30 } } }))["id"]!.GetValue<long>();
        await _admin.PostOkAsync($"/api/models/{id}/train", new { });
        JsonNode? run = null;
        await Eventually.HoldsAsync(async () =>
        {
            run = ((JsonArray)await _admin.GetJsonAsync($"/api/models/{id}/runs")).FirstOrDefault();
            return run?["status"]?.GetValue<string>() == "Published";
        }, TimeSpan.FromSeconds(120), "the run is published");
        var profile = ((JsonArray)await _admin.GetJsonAsync($"/api/models/{id}/scores?limit=1"))[0]!["profileId"]!.GetValue<long>();
        var scores = await _admin.GetJsonAsync($"/api/profiles/{profile}/scores");

        Assert.Empty(Missing(JsonNode.Parse(Block("run-response"))!, run!, "$"));
        Assert.Empty(Missing(JsonNode.Parse(Block("score-response"))!, scores, "$"));
    }

    [Fact]
    public void TheSettingsExample_BindsToTheDefaults_AndIsValid()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Block("appsettings")))).Build();
        var bound = configuration.GetSection(PredictionOptions.Section).Get<PredictionOptions>()!;

        var defaults = new PredictionOptions();
        Assert.Equal(
            (defaults.StaleAfter, defaults.HeartbeatInterval, defaults.ScoreBatchSize, defaults.MaxExamples, defaults.MinimumExamples, defaults.MinimumPerOutcome),
            (bound.StaleAfter, bound.HeartbeatInterval, bound.ScoreBatchSize, bound.MaxExamples, bound.MinimumExamples, bound.MinimumPerOutcome));
        Assert.All(_hub.Services.GetServices<IValidateOptions<PredictionOptions>>(), v => Assert.True(v.Validate(null, bound).Succeeded));
    }

    /// <summary>The paths of <paramref name="example"/> that <paramref name="actual"/> lacks or holds as another kind of value.</summary>
    private static List<string> Missing(JsonNode example, JsonNode? actual, string path)
    {
        var missing = new List<string>();
        switch (example)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields)
                {
                    if (actual is not JsonObject other || !other.ContainsKey(name))
                    {
                        missing.Add($"{path}.{name}");
                    }
                    else if (value is not null)
                    {
                        missing.AddRange(Missing(value, other[name], $"{path}.{name}"));
                    }
                }

                break;
            case JsonArray items when items.Count > 0 && items[0] is { } first:
                if (actual is not JsonArray { Count: > 0 } others)
                {
                    missing.Add($"{path}[0]");
                }
                else
                {
                    missing.AddRange(Missing(first, others[0], $"{path}[0]"));
                }

                break;
            case JsonValue value when actual is JsonValue real && real.GetValueKind() != value.GetValueKind() && real.GetValueKind() != System.Text.Json.JsonValueKind.Null:
                missing.Add($"{path}: {value.GetValueKind()} in the guide, {real.GetValueKind()} in the API");
                break;
        }

        return missing;
    }

    private static string Block(string name) => Blocks().Single(b => b.Name == name).Text;

    private static IEnumerable<(string Name, string Text)> Blocks() => Fence().Matches(Guide).Select(m => (m.Groups["name"].Value, m.Groups["text"].Value));

    [GeneratedRegex(@"```json (?<name>[a-z-]+)\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
