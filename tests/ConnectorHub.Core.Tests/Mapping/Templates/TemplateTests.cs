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
    [InlineData("\"{{ email e }}\"", "ann@example.com")]
    [InlineData("\"{{ phone p }}\"", "+442079460958")]
    [InlineData("\"{{ phone us 'US' }}\"", "+14155550132")]
    [InlineData("\"{{ phone nowhere }}\"", "")]
    [InlineData("\"{{ phone us region: 'US' }}\"", "+14155550132")]
    [InlineData("\"{{ us | phone 'US' }}\"", "+14155550132")]
    [InlineData("\"{{ country c }}-{{ uppercase n }}\"", "DE-ANN")]
    [InlineData("\"{{ datetime d }}\"", "2024-03-05T14:00:00+00:00")]
    [InlineData("\"{{ datetime d zone: 'Europe/Paris' }}\"", "2024-03-05T14:00:00+01:00")]
    [InlineData("\"{{ minor_units money }}\"", "12.50")]
    [InlineData("\"{{ coalesce missing spaces n }}\"", "ann")]
    [InlineData("\"{{ name }}\"", "Ann Lee")]
    [InlineData("\"{{ this.name }}/{{ this.email }}\"", "Ann Lee/the field")]
    [InlineData("\"{{ for tag in tags }}{{ tag }};{{ end }}\"", "a;b;")]
    [InlineData("\"{{ if flag }}yes{{ else }}no{{ end }}\"", "no")]
    [InlineData("\"{{ if spaces }}yes{{ else }}no{{ end }}\"", "no")]
    [InlineData("\"{{ if eq n 'ann' }}yes{{ end }}\"", "yes")]
    [InlineData("\"<{{ n }}> & {{ amp }}\"", "<ann> & a&b")]
    [InlineData("\"{{ n | string.upcase }} {{ tags | array.size }} {{ money.amount / 100 }}\"", "ANN 2 12.5")]
        public void Templates_ComputeValues_WithNormalizersAsFunctions(string template, string expected)
    {
        var outcome = MapEvent($"name: {template}", """
            { "id": "m1", "user": "u1", "at": "2024-03-05 14:00",
              "e": " Ann@Example.com ", "p": "020 7946 0958", "us": "(415) 555-0132", "c": "Deutschland", "n": "ann",
              "d": "2024-03-05 14:00", "money": { "amount": 1250, "currency": "USD" }, "spaces": " ", "name": "Ann Lee",
              "tags": ["a", "b"], "flag": false, "amp": "a&b", "email": "the field" }
            """);

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        var actual = outcome.Entity!["name"]?.GetValue<string>() ?? string.Empty;
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Templates_ChainFunctions_ToHashANormalizedValue()
    {
        var nested = MapEvent("name: \"{{ sha256 (email e) }}\"", """{ "id": "m1", "user": "u1", "at": "2024-03-05 14:00", "e": " Ann@Example.com " }""");
        var piped = MapEvent("name: \"{{ e | email | sha256 }}\"", """{ "id": "m1", "user": "u1", "at": "2024-03-05 14:00", "e": " Ann@Example.com " }""");

        Assert.Equal(Sha256("ann@example.com"), nested.Entity!["name"]!.GetValue<string>());
        Assert.Equal(Sha256("ann@example.com"), piped.Entity!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Templates_RejectTheRecord_WhenAFunctionCannotNormalize()
    {
        var outcome = MapEvent("name: \"call {{ phone p }}\"", """{ "id": "m1", "user": "u1", "at": "2024-03-05 14:00", "p": "12345678901234567" }""");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("name", error.Field);
        Assert.StartsWith("the template failed at template line 1, column 9: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a valid", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("rule 'name' (events.yaml line 8), field 'name': the template failed at template line 1, column 9", error.ToString(), StringComparison.Ordinal);
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
