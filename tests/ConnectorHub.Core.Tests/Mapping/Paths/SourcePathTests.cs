using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Paths;

namespace ConnectorHub.Core.Tests.Mapping.Paths;

public class SourcePathTests
{
    private static readonly JsonObject Record = Samples.Parse("""
        { "properties": { "email": "a@b.co", "odd key": 7 },
          "line_items": [ { "sku": "S1" }, { "sku": "S2" } ],
          "matrix": [[1, 2], [3, 4]] }
        """);

    [Theory]
    [InlineData("properties.email", "\"a@b.co\"")]
    [InlineData("line_items[0].sku", "\"S1\"")]
    [InlineData("line_items[-1].sku", "\"S2\"")]
    [InlineData("properties[\"odd key\"]", "7")]
    [InlineData("properties['odd key']", "7")]
    [InlineData("matrix[1][0]", "3")]
    [InlineData("$.properties.email", "\"a@b.co\"")]
    [InlineData("line_items[5].sku", "null")]
    [InlineData("properties.email.domain", "null")]
    [InlineData("missing.path", "null")]
    public void Evaluate_FollowsDotsIndexesAndQuotedKeys(string path, string expected)
    {
        Assert.True(SourcePath.TryParse(path, out var compiled, out var error), error);

        Assert.Equal(expected, compiled.Evaluate(Record, Record)?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Evaluate_ReadsRelativeToTheElement_AndFromTheRecordWithDollar()
    {
        var element = Record["line_items"]![1]!;
        Assert.True(SourcePath.TryParse("sku", out var relative, out _));
        Assert.True(SourcePath.TryParse("$.properties.email", out var fromRoot, out _));
        Assert.True(SourcePath.TryParse("@", out var itself, out _));

        Assert.Equal("S2", relative.Evaluate(Record, element)!.GetValue<string>());
        Assert.Equal("a@b.co", fromRoot.Evaluate(Record, element)!.GetValue<string>());
        Assert.Same(element, itself.Evaluate(Record, element));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a..b", "two dots in a row")]
    [InlineData("a.", "ends with a dot")]
    [InlineData("a[1", "not closed")]
    [InlineData("a[one]", "must be an index")]
    [InlineData("$x", "must continue with")]
    public void TryParse_ExplainsWhatIsWrong(string path, string reason)
    {
        Assert.False(SourcePath.TryParse(path, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
