using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Connectors.Square.Tests.Mappings;

/// <summary>The Square plugin's default mappings as the hub loads them: from its built folder under artifacts/plugins.</summary>
public static class DefaultMappings
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<CompiledMapping>>> All =
        new(() => MappingFolder.LoadAll(Path.Combine(RepoPaths.Plugins, "square")));

    public static IReadOnlyDictionary<string, IReadOnlyList<CompiledMapping>> Load() => All.Value;

    /// <summary>The mapping of <paramref name="stream"/> to <paramref name="entity"/>.</summary>
    public static CompiledMapping Of(string stream, CanonicalEntityType entity) => Assert.Single(All.Value[stream], m => m.EntityType == entity);

    /// <summary>Maps <paramref name="record"/>, failing with the mapping's errors when it is not mapped.</summary>
    public static JsonObject MapOrFail(this CompiledMapping mapping, JsonObject record)
    {
        var outcome = mapping.Map(record);
        Assert.True(outcome.IsMapped, $"record {record["id"]} was {outcome.Status}: {string.Join("; ", outcome.Errors)}");
        return outcome.Entity!;
    }

    /// <summary>The values of the entity's identifiers (under <paramref name="list"/>) of <paramref name="type"/>, in order.</summary>
    public static IReadOnlyList<string> IdentifiersOf(JsonObject entity, string type, string list = "identifiers") =>
        (entity[list] as JsonArray ?? []).Where(i => i!["type"]!.GetValue<string>() == type).Select(i => i!["value"]!.GetValue<string>()).ToArray();

    /// <summary>A number of the entity or record, however it is held.</summary>
    public static decimal Number(JsonNode? node) => decimal.Parse(node!.ToJsonString().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The same instant written two ways (the source's and the canonical ISO 8601 with offset).</summary>
    public static DateTimeOffset Instant(JsonNode? node) => DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);
}
