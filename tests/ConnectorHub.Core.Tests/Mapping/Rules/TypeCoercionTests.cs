using ConnectorHub.Core.Mapping;

namespace ConnectorHub.Core.Tests.Mapping.Rules;

public class TypeCoercionTests
{
    [Theory]
    [InlineData("string", "42", "\"42\"")]
    [InlineData("string", "true", "\"true\"")]
    [InlineData("number", "\"12.50\"", "12.50")]
    [InlineData("integer", "\"42\"", "42")]
    [InlineData("integer", "42.0", "42")]
    [InlineData("boolean", "\"Yes\"", "true")]
    [InlineData("boolean", "\"0\"", "false")]
    [InlineData("boolean", "false", "false")]
    [InlineData("date", "\"07/04/1990\"", "\"1990-07-04\"")]
    [InlineData("date-time", "1709647200", "\"2024-03-05T14:00:00+00:00\"")]
    public void Type_CoercesTheValue(string type, string json, string expected)
    {
        var outcome = Map(type, json);

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.Equal(expected, Samples.Json(outcome.Entity!["traits"]!["v"]));
    }

    [Theory]
    [InlineData("number", "\"twelve\"", "'twelve' is not a number")]
    [InlineData("integer", "\"4.5\"", "'4.5' is not a whole number")]
    [InlineData("boolean", "\"maybe\"", "'maybe' is not true or false")]
    [InlineData("string", "{\"a\":1}", "is not a single value")]
    public void Type_RejectsValuesThatDoNotFit(string type, string json, string reason)
    {
        var error = Assert.Single(Map(type, json).Errors);

        Assert.Equal("traits.v", error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static MappingOutcome Map(string type, string json) =>
        MappingCompiler.Compile($$"""
            entity: profile_fragment
            fields:
              source: { const: s }
              observed_at: { const: "2024-03-05T14:00:00Z" }
              identifiers[]: { type: { const: user_id }, value: id }
              traits.v: { from: v, type: {{type}} }
            """, "t.yaml").Map(Samples.Parse($$"""{ "id": "u1", "v": {{json}} }"""));
}
