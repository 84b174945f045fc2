using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Connectors.HubSpot.Tests.Mappings;

/// <summary>The HubSpot plugin's default mappings as the hub loads them: from its built folder under artifacts/plugins.</summary>
public static class DefaultMappings
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<CompiledMapping>>> All =
        new(() => MappingFolder.LoadAll(Path.Combine(RepoPaths.Plugins, "hubspot")));

    public static IReadOnlyDictionary<string, IReadOnlyList<CompiledMapping>> Load() => All.Value;

    /// <summary>The single mapping of <paramref name="stream"/>.</summary>
    public static CompiledMapping Of(string stream) => Assert.Single(All.Value[stream]);

    /// <summary>Maps <paramref name="record"/>, failing with the mapping's errors when it is not mapped.</summary>
    public static JsonObject MapOrFail(this CompiledMapping mapping, JsonObject record)
    {
        var outcome = mapping.Map(record);
        Assert.True(outcome.IsMapped, $"record {record["id"]} was {outcome.Status}: {string.Join("; ", outcome.Errors)}");
        return outcome.Entity!;
    }

    /// <summary>The values of the entity's identifiers of <paramref name="type"/>, in order.</summary>
    public static IReadOnlyList<string> IdentifiersOf(JsonObject entity, string type) =>
        entity["identifiers"]!.AsArray().Where(i => i!["type"]!.GetValue<string>() == type).Select(i => i!["value"]!.GetValue<string>()).ToArray();
}
