using ConnectorHub.Core.Mapping;

namespace ConnectorHub.Core.Tests.Mapping.Templates;

public class TemplateTests
{
    private static MappingOutcome MapEvent(string rule, string record)
    {
        var mapping = MappingCompiler.Compile($$"""
            entity: event
            settings: { default_region: GB, time_zone: Europe/London }
            fields:
              message_id: id
              type: { const: track }
              user_id: user
              timestamp: { from: at, type: date-time }
              {{rule}}
            """, "events.yaml");
        return mapping.Map(Samples.Parse(record));
    }

    [Theory]
    [InlineData("\"{{email e}}\"", "ann@example.com")]
    [InlineData("\"{{phone p}}\"", "+442079460958")]
    [InlineData("\"{{phone us 'US'}}\"", "+14155550132")]
    [InlineData("\"{{phone nowhere}}\"", "")]
    [InlineData("\"{{phone us region='US'}}\"", "+14155550132")]
    [InlineData("\"{{country c}}-{{uppercase n}}\"", "DE-ANN")]
    [InlineData("\"{{datetime d}}\"", "2024-03-05T14:00:00+00:00")]
    [InlineData("\"{{datetime d zone='Europe/Paris'}}\"", "2024-03-05T14:00:00+01:00")]
    [InlineData("\"{{minor_units money}}\"", "12.50")]
    [InlineData("\"{{coalesce missing blank n}}\"", "ann")]
    [InlineData("\"{{name}}\"", "Ann Lee")]
    [InlineData("\"{{#each tags}}{{this}};{{/each}}\"", "a;b;")]
    [InlineData("\"{{#if flag}}yes{{else}}no{{/if}}\"", "no")]
    [InlineData("\"<{{n}}> & {{amp}}\"", "<ann> & a&b")]
    public void Templates_ComputeValues_WithNormalizersAsHelpers(string template, string expected)
    {
        var outcome = MapEvent($"name: {template}", """
            { "id": "m1", "user": "u1", "at": "2024-03-05 14:00",
              "e": " Ann@Example.com ", "p": "020 7946 0958", "us": "(415) 555-0132", "c": "Deutschland", "n": "ann",
              "d": "2024-03-05 14:00", "money": { "amount": 1250, "currency": "USD" }, "blank": " ", "name": "Ann Lee",
              "tags": ["a", "b"], "flag": false, "amp": "a&b" }
            """);

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        var actual = outcome.Entity!["name"]?.GetValue<string>() ?? string.Empty;
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Templates_ChainHelpers_ToHashANormalizedValue()
    {
        var outcome = MapEvent("name: \"{{sha256 (email e)}}\"", """{ "id": "m1", "user": "u1", "at": "2024-03-05 14:00", "e": " Ann@Example.com " }""");

        Assert.Equal(Sha256("ann@example.com"), outcome.Entity!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Templates_RejectTheRecord_WhenAHelperCannotNormalize()
    {
        var outcome = MapEvent("name: \"{{phone p}}\"", """{ "id": "m1", "user": "u1", "at": "2024-03-05 14:00", "p": "12345678901234567" }""");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("name", error.Field);
        Assert.Contains("is not a valid", error.Message, StringComparison.Ordinal);
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
