using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.MetaAds.Insights;

/// <summary>
/// The state of <c>insights_daily</c>: the level it was read at, each ad account's progress, and the run under way:
/// <c>{"version":1,"level":"ad","accounts":{"1234567890":{"through":"2024-05-31","next":"2024-05-29"}},
/// "pass":{"mode":"incremental","done":["2345678901"]}}</c>.
/// </summary>
internal sealed class InsightsState
{
    public const int CurrentVersion = 1;

    public required string Level { get; init; }

    public Dictionary<string, AccountProgress> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The run under way, or null between runs.</summary>
    public InsightsPass? Pass { get; set; }

    public AccountProgress For(string accountId) =>
        Accounts.TryGetValue(accountId, out var progress) ? progress : Accounts[accountId] = new AccountProgress();

    /// <summary>Starts a run in <paramref name="incremental"/> mode, resuming the saved one when it has the same mode.</summary>
    public void Begin(bool incremental)
    {
        if (Pass?.Incremental == incremental)
        {
            return;
        }

        Pass = new InsightsPass { Incremental = incremental };
        foreach (var progress in Accounts.Values)
        {
            progress.Next = null;
        }
    }

    public JsonObject ToJson()
    {
        var accounts = new JsonObject();
        foreach (var (id, progress) in Accounts.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var json = new JsonObject { ["through"] = Date(progress.Through) };
            if (progress.Next is { } next)
            {
                json["next"] = Date(next);
            }

            accounts[id] = json;
        }

        var root = new JsonObject { ["version"] = CurrentVersion, ["level"] = Level, ["accounts"] = accounts };
        if (Pass is { } pass)
        {
            root["pass"] = new JsonObject
            {
                ["mode"] = pass.Incremental ? "incremental" : "full_refresh",
                ["done"] = new JsonArray(pass.Done.Order(StringComparer.Ordinal).Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            };
        }

        return root;
    }

    /// <summary>The saved state, or null when there is none; throws naming the stream when it is unreadable.</summary>
    public static InsightsState? Read(JsonNode? json, string stream)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            var root = json.AsObject();
            if (root["version"]?.GetValue<int>() != CurrentVersion)
            {
                throw new FormatException($"its version is not {CurrentVersion}");
            }

            var state = new InsightsState { Level = root["level"]!.GetValue<string>() };
            foreach (var (id, node) in root["accounts"] as JsonObject ?? [])
            {
                var progress = node!.AsObject();
                state.Accounts[id] = new AccountProgress { Through = ParseDate(progress["through"]), Next = ParseDate(progress["next"]) };
            }

            if (root["pass"] is JsonObject pass)
            {
                state.Pass = new InsightsPass
                {
                    Incremental = pass["mode"]?.GetValue<string>() != "full_refresh",
                    Done = new HashSet<string>((pass["done"] as JsonArray ?? []).Select(a => a!.GetValue<string>()), StringComparer.Ordinal),
                };
            }

            return state;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or NullReferenceException)
        {
            throw new ConfigurationException($"The saved state of Meta Ads stream '{stream}' cannot be read: {ex.Message}. Reset the stream's state to read it again from the start.", innerException: ex);
        }
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(JsonNode? node) =>
        node is null ? null : DateOnly.ParseExact(node.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
