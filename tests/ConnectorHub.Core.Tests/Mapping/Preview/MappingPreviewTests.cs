using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Mapping.Preview;

namespace ConnectorHub.Core.Tests.Mapping.Preview;

public class MappingPreviewTests
{
    [Fact]
    public void Run_ReturnsTheOutputAndErrors_OfEachSample()
    {
        var result = MappingPreview.Run(
            Samples.HubSpotContactsYaml,
            "contacts.yaml",
            [Samples.HubSpotContact(), Samples.HubSpotContact(id: "2", phone: "555-01"), Samples.HubSpotContact(archived: true)]);

        Assert.True(result.IsValid);
        Assert.Equal([MappingStatus.Mapped, MappingStatus.Rejected, MappingStatus.Skipped], result.Samples.Select(s => s.Status));
        Assert.Equal("ann.lee@example.com", result.Samples[0].Output!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal("traits.phone", Assert.Single(result.Samples[1].Errors).Field);
        Assert.Equal([0, 1, 2], result.Samples.Select(s => s.Index));
    }

    [Fact]
    public void Run_ReturnsTheMappingsErrors_WithoutThrowing()
    {
        var result = MappingPreview.Run("entity: order\nfields:\n  total: { from: t, normalize: cents }\n", "editor", [Samples.SquareOrder()]);

        Assert.False(result.IsValid);
        Assert.Empty(result.Samples);
        var error = Assert.Single(result.DefinitionErrors);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("unknown normalizer 'cents'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ReportsEmptyText_AsAMappingError() =>
        Assert.False(MappingPreview.Run("", "editor", []).IsValid);
}
