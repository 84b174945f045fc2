using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.HubSpot.Tests.Mappings;

/// <summary>mappings/companies.yaml against companies the emulator seeded, read by the real connector.</summary>
public sealed class CompaniesMappingTests : IAsyncLifetime
{
    private const int Companies = 120;
    private HubSpotEmulatorScope _scope = null!;

    public async Task InitializeAsync() => _scope = await HubSpotEmulatorScope.StartAsync(new HubSpotEmulatorOptions { Contacts = 5, Companies = Companies, Deals = 5 });

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task Map_EverySeededCompany_WithoutRejections_AndWithItsDomain()
    {
        var mapping = DefaultMappings.Of("companies");
        var companies = (await _scope.ReadAsync(_scope.PrivateAppConfig(100), "companies", SyncMode.FullRefresh)).Records.Select(r => r.Data).ToArray();

        Assert.Equal(Companies, companies.Length);
        foreach (var company in companies)
        {
            var entity = mapping.MapOrFail(company);
            Assert.Equal(company["id"]!.GetValue<string>(), entity["account_id"]!.GetValue<string>());
            Assert.Equal(company["properties"]!["domain"]!.GetValue<string>(), entity["domain"]!.GetValue<string>());
            Assert.Equal(company["properties"]!["name"]!.GetValue<string>(), entity["name"]!.GetValue<string>());
            Assert.StartsWith("+1", entity["traits"]!["phone"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(" Acme.COM ", "acme.com")]
    [InlineData("shop.acme.co.uk", "shop.acme.co.uk")]
    [InlineData("https://www.acme.com/", null)]
    [InlineData("acme", null)]
    [InlineData("acme .com", null)]
    public void Map_Domain_IsLowerCased_AndLeftOut_WhenItIsNotAHostName(string domain, string? expected)
    {
        var company = new JsonObject
        {
            ["id"] = "7",
            ["properties"] = new JsonObject { ["name"] = "Acme", ["domain"] = domain, ["phone"] = "not a phone" },
            ["createdAt"] = "2024-01-05T10:11:12.345Z",
            ["updatedAt"] = "2024-06-01T08:00:00.000Z",
            ["archived"] = false,
        };

        var entity = DefaultMappings.Of("companies").MapOrFail(company);

        Assert.Equal(expected, entity["domain"]?.GetValue<string>());
        Assert.Equal("Acme", entity["name"]!.GetValue<string>());
    }
}
