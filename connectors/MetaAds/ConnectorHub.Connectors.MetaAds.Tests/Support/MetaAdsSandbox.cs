using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.Insights;
using ConnectorHub.Sandbox.Meta.Insights.Seed;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Time;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Connectors.MetaAds.Tests.Support;

/// <summary>
/// A running insights emulator (stats 2024-03-01 to 2024-05-31) and the connector pointed at it; the connector's
/// clock starts at 2024-06-01 12:00 UTC, so yesterday is 2024-05-31 in both accounts' time zones.
/// </summary>
public sealed class MetaAdsSandbox : IAsyncDisposable
{
    public const string FirstAccount = "1234567890";
    public static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    public const string SecondAccount = "2345678901";
    public static readonly DateOnly FirstDay = new(2024, 3, 1);
    public static readonly DateOnly LastDay = new(2024, 5, 31);

    private MetaAdsSandbox(EmulatorHost host, MetaInsightsEmulator emulator)
    {
        Host = host;
        Emulator = emulator;
    }

    public EmulatorHost Host { get; }

    public MetaInsightsEmulator Emulator { get; }

    /// <summary>The connector's clock: its waits (throttling, report polls) complete at once and are recorded.</summary>
    public InstantTimeProvider Time { get; } = new InstantTimeProvider(Now);

    public MetaAdsSource Source { get; } = new();

    public static async Task<MetaAdsSandbox> StartAsync(InsightsSeedOptions? seed = null)
    {
        var emulator = new MetaInsightsEmulator(seed, new FakeTimeProvider(Now));
        return new MetaAdsSandbox(await EmulatorHost.StartAsync(emulator), emulator);
    }

    public JsonObject Config(string? startDate = "2024-03-01", int lookbackDays = 0, string level = "ad", int? pageSize = null, int? asyncThresholdDays = null, string token = MetaInsightsEmulator.DefaultAccessToken)
    {
        var config = new JsonObject
        {
            ["access_token"] = token,
            ["api_version"] = "v21.0",
            ["base_url"] = Host.BaseAddress.ToString(),
            ["lookback_days"] = lookbackDays,
            ["insights_level"] = level,
        };
        if (startDate is not null)
        {
            config["start_date"] = startDate;
        }

        if (pageSize is { } size)
        {
            config["page_size"] = size;
        }

        if (asyncThresholdDays is { } threshold)
        {
            config["async_threshold_days"] = threshold;
        }

        return config;
    }

    public ConnectorContext Context(JsonObject? config = null) => new() { Config = new ConnectorConfig(config ?? Config()), Time = Time };

    public static ReadRequest Request(SyncMode mode, IReadOnlyDictionary<string, JsonNode>? states, params string[] streams) => new()
    {
        Streams = streams.Select(s => new ConfiguredStream { Name = s, SyncMode = mode }).ToArray(),
        States = states ?? new Dictionary<string, JsonNode>(),
    };

    public async Task<ReadResult> ReadAsync(SyncMode mode, JsonObject? config = null, IReadOnlyDictionary<string, JsonNode>? states = null, params string[] streams)
    {
        var messages = new List<SourceMessage>();
        await foreach (var message in Source.ReadAsync(Context(config), Request(mode, states, streams.Length == 0 ? ["insights_daily"] : streams), CancellationToken.None))
        {
            messages.Add(message);
        }

        return new ReadResult(messages);
    }

    /// <summary>The insights keys the seed holds for days in [from, to] at ad level (ads that delivered).</summary>
    public IReadOnlyList<string> ExpectedAdKeys(DateOnly from, DateOnly to) => ExpectedKeys("ad", from, to);

    /// <summary>The insights keys (account/entity/date) the seed holds at <paramref name="level"/> for days in [from, to].</summary>
    public IReadOnlyList<string> ExpectedKeys(string level, DateOnly from, DateOnly to)
    {
        lock (Emulator.Gate)
        {
            var ads = Emulator.Data.Ads.ToDictionary(a => a.Id);
            return Emulator.Data.Stats
                .Where(s => s.Date >= from && s.Date <= to && s.Impressions > 0)
                .Select(s =>
                {
                    var ad = ads[s.AdId];
                    var entity = level switch { "account" => ad.AccountId, "campaign" => ad.CampaignId, "adset" => ad.AdSetId, _ => ad.Id };
                    return $"{ad.AccountId}/{entity}/{s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
                })
                .Distinct()
                .ToList();
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
