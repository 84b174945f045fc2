using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Support;

/// <summary>What one read emitted, with helpers to look at it per stream.</summary>
public sealed class ReadResult(IReadOnlyList<SourceMessage> messages)
{
    public IReadOnlyList<SourceMessage> Messages { get; } = messages;

    public IReadOnlyList<JsonObject> Records(string stream) =>
        Messages.OfType<RecordMessage>().Where(m => m.Stream == stream).Select(m => m.Data).ToList();

    public IReadOnlyList<string> Ids(string stream) => Records(stream).Select(r => r["id"]!.GetValue<string>()).ToList();

    /// <summary>Insights keys: account, ad and date.</summary>
    public IReadOnlyList<string> InsightKeys(string idField = "ad_id") => Records("insights_daily").Select(r => Key(r, idField)).ToList();

    public JsonNode? LastState(string stream) => Messages.OfType<StateMessage>().LastOrDefault(m => m.Stream == stream)?.State;

    public IReadOnlyDictionary<string, JsonNode> States() => Messages.OfType<StateMessage>()
        .GroupBy(m => m.Stream)
        .ToDictionary(g => g.Key, g => g.Last().State.DeepClone());

    public static string Key(JsonObject row, string idField = "ad_id") =>
        $"{row["account_id"]}/{row[idField]}/{row["date_start"]}";
}
