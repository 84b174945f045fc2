using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Tests.Mapping;

public sealed class MappingFolderTests : IDisposable
{
    private readonly string _plugin = Directory.CreateTempSubdirectory("mapping-folder-").FullName;

    public void Dispose() => Directory.Delete(_plugin, recursive: true);

    [Fact]
    public void Load_CompilesOneMappingPerStream_FromThePluginsMappingsFolder()
    {
        Directory.CreateDirectory(Path.Combine(_plugin, "mappings"));
        File.WriteAllText(Path.Combine(_plugin, "mappings", "contacts.yaml"), Samples.HubSpotContactsYaml);
        File.WriteAllText(Path.Combine(_plugin, "mappings", "orders.yml"), Samples.SquareOrdersYaml);
        File.WriteAllText(Path.Combine(_plugin, "mappings", "README.md"), "not a mapping");

        var mappings = MappingFolder.Load(_plugin);

        Assert.Equal(["contacts", "orders"], mappings.Keys.Order());
        Assert.True(mappings["orders"].Map(Samples.SquareOrder()).IsMapped);
    }

    [Fact]
    public void Load_NamesTheFileAndLine_OfEveryBrokenMapping()
    {
        Directory.CreateDirectory(Path.Combine(_plugin, "mappings"));
        File.WriteAllText(Path.Combine(_plugin, "mappings", "a.yaml"), "entity: order\nfields:\n  total: { from: t, normalize: cents }\n");
        File.WriteAllText(Path.Combine(_plugin, "mappings", "b.json"), "{ \"entity\": \"nope\", \"fields\": {} }");

        var ex = Assert.Throws<MappingDefinitionException>(() => MappingFolder.Load(_plugin));

        Assert.Equal([("mappings/a.yaml", 3), ("mappings/b.json", 1)], ex.Errors.Select(e => (e.Location.File, e.Location.Line)));
    }

    [Fact]
    public void Load_GivesNoMappings_WhenThePluginHasNoMappingsFolder() => Assert.Empty(MappingFolder.Load(_plugin));

    [Fact]
    public void ReadDefault_GivesTheStreamsMainMappingText_NotItsExtraEntities_OrNullWhenThereIsNone()
    {
        Directory.CreateDirectory(Path.Combine(_plugin, "mappings"));
        File.WriteAllText(Path.Combine(_plugin, "mappings", "orders.customer.yaml"), "# the buyer");
        File.WriteAllText(Path.Combine(_plugin, "mappings", "orders.yml"), Samples.SquareOrdersYaml);

        Assert.Equal(Samples.SquareOrdersYaml, MappingFolder.ReadDefault(_plugin, "orders"));
        Assert.Null(MappingFolder.ReadDefault(_plugin, "payments"));
        Assert.Null(MappingFolder.ReadDefault(Path.Combine(_plugin, "elsewhere"), "orders"));
    }
}
