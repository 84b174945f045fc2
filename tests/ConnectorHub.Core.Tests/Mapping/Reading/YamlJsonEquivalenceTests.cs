using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Mapping.Reading;

namespace ConnectorHub.Core.Tests.Mapping.Reading;

public class YamlJsonEquivalenceTests
{
    [Fact]
    public void YamlAndJsonForms_MapRecordsIdentically()
    {
        var yaml = MappingCompiler.Compile(Samples.HubSpotContactsYaml, "contacts.yaml");
        var json = MappingCompiler.Compile(Samples.HubSpotContactsJson, "contacts.json");
        var records = new[]
        {
            Samples.HubSpotContact(),
            Samples.HubSpotContact(id: "2", email: "", phone: "020 7946 0958"),
            Samples.HubSpotContact(id: "3", phone: "555-01"),
            Samples.HubSpotContact(id: "4", archived: true),
        };

        foreach (var record in records)
        {
            var fromYaml = yaml.Map(record);
            var fromJson = json.Map(record);
            Assert.Equal(fromYaml.Status, fromJson.Status);
            Assert.Equal(Samples.Json(fromYaml.Entity), Samples.Json(fromJson.Entity));
            Assert.Equal(fromYaml.Errors.Select(e => (e.Rule, e.Field, e.Message)), fromJson.Errors.Select(e => (e.Rule, e.Field, e.Message)));
        }
    }

    [Fact]
    public void YamlAndJsonForms_ReadToTheSameDefinition()
    {
        var yaml = MappingReader.Parse(Samples.HubSpotContactsYaml, "contacts.yaml");
        var json = MappingReader.Parse(Samples.HubSpotContactsJson, "contacts.json");

        Assert.Equal(yaml.Entity, json.Entity);
        Assert.Equal(yaml.Settings, json.Settings);
        Assert.Equal(yaml.Fields.Select(f => f.Target), json.Fields.Select(f => f.Target));
        Assert.Equal(
            yaml.Fields.Select(f => (f.Value?.Kind, f.Value?.Path, f.Value?.Template, f.Value?.Constant?.ToJsonString(), f.Value?.Type, string.Join(",", f.Value?.Normalizers.Select(n => n.Name) ?? []))),
            json.Fields.Select(f => (f.Value?.Kind, f.Value?.Path, f.Value?.Template, f.Value?.Constant?.ToJsonString(), f.Value?.Type, string.Join(",", f.Value?.Normalizers.Select(n => n.Name) ?? []))));
    }

    [Fact]
    public void Parse_SniffsJson_WhenTheNameHasNoExtension()
    {
        var definition = MappingReader.Parse(Samples.HubSpotContactsJson, "pasted in the editor");

        Assert.Equal("profile_fragment", definition.Entity);
    }
}
