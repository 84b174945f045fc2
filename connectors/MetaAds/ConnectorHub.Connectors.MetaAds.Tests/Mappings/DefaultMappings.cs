using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Connectors.MetaAds.Tests.Mappings;

/// <summary>The Meta Ads plugin's default mappings as the hub loads them: from its built folder under artifacts/plugins.</summary>
public static class DefaultMappings
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<CompiledMapping>>> All =
        new(() => MappingFolder.LoadAll(Path.Combine(RepoPaths.Plugins, "meta-ads")));

    public static IReadOnlyDictionary<string, IReadOnlyList<CompiledMapping>> Load() => All.Value;

    /// <summary>The single mapping of <paramref name="stream"/>.</summary>
    public static CompiledMapping Of(string stream) => Assert.Single(All.Value[stream]);

    /// <summary>Maps <paramref name="record"/>, failing with the mapping's errors when it is not mapped.</summary>
    public static JsonObject MapOrFail(this CompiledMapping mapping, JsonObject record)
    {
        var outcome = mapping.Map(record);
        Assert.True(outcome.IsMapped, $"row {record.ToJsonString()} was {outcome.Status}: {string.Join("; ", outcome.Errors)}");
        return outcome.Entity!;
    }

    /// <summary>A number of the entity or row, however it is held (Meta's metrics are strings).</summary>
    public static decimal Number(JsonNode? node) => decimal.Parse(node!.ToJsonString().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture);
}
