using System.Text.Json.Nodes;

namespace ConnectorHub.Host.Tests.Api;

public sealed class MappingApiTests : IAsyncLifetime
{
    private const string ContactMapping = """
        entity: profile_fragment
        fields:
          source: { const: hubspot }
          observed_at: { from: properties.lastmodifieddate, type: date-time }
          identifiers[]:
            - type: { const: email }
              value: { from: properties.email, normalize: email }
          traits.first_name: { from: properties.firstname, normalize: name }
        """;

    private readonly HubFactory _hub = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _hub.CreateClientAsync(Core.Access.HubRole.Admin);

    public Task DisposeAsync()
    {
        _client.Dispose();
        _hub.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Preview_MapsGoodSamples_AndNamesTheRuleAndFieldOfABadOne()
    {
        var result = await _client.PostOkAsync("/api/mappings/preview", new
        {
            mapping = ContactMapping,
            samples = new[]
            {
                JsonNode.Parse("""{ "properties": { "email": " Ann.Lee@Example.COM ", "firstname": "  Ann ", "lastmodifieddate": "2024-06-01T08:00:00.000Z" } }"""),
                JsonNode.Parse("""{ "properties": { "email": "ann@example.com", "firstname": "Ann", "lastmodifieddate": "last tuesday" } }"""),
            },
        });

        var samples = result["samples"]!.AsArray();
        Assert.Equal("ann.lee@example.com", samples[0]!["output"]!["identifiers"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("Ann", samples[0]!["output"]!["traits"]!["first_name"]!.GetValue<string>());
        Assert.Equal("Rejected", samples[1]!["status"]!.GetValue<string>());
        Assert.Equal("observed_at", samples[1]!["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Preview_ReportsDefinitionErrorsWithTheirLine()
    {
        var result = await _client.PostOkAsync("/api/mappings/preview", new { mapping = "entity: profile_fragment\nfields:\n  source: { const: x }\n  emial: email\n", samples = Array.Empty<object>() });

        var error = Assert.Single(result["definitionErrors"]!.AsArray());
        Assert.Equal(4, error!["location"]!["line"]!.GetValue<int>());
    }
}
