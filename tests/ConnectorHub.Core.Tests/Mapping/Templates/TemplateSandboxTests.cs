using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Reading;
using ConnectorHub.Core.Mapping.Templates;

namespace ConnectorHub.Core.Tests.Mapping.Templates;

/// <summary>A template is data a user wrote: whatever it does, one render ends with a value or this record's error.</summary>
public sealed class TemplateSandboxTests
{
    private static readonly string Big = new('a', 10_000);

    private static MappingOutcome Map(string template, TemplateLimits? limits = null)
    {
        var definition = MappingReader.Parse($$"""
            entity: account
            fields:
              account_id: id
              source: { const: crm }
              observed_at: { const: "2024-03-05T14:00:00Z" }
              name: "{{template}}"
            """, "accounts.yaml");
        var mapping = MappingCompiler.Compile(definition, limits ?? TemplateLimits.Default);
        return mapping.Map(Samples.Parse($$"""{ "id": "a1", "big": "{{Big}}", "short": "{{new string('x', 200)}}", "trap": "{{new string('a', 40)}}!" }"""));
    }

    private static MappingError Rejected(MappingOutcome outcome)
    {
        Assert.Equal(MappingStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("name", error.Rule);
        return error;
    }

    [Theory]
    [InlineData("{{ for i in 1..5000 }}x{{ end }}", "template line 1, column")]
    [InlineData("{{ while true }}x{{ end }}", "iteration limit `1000`")]
    [InlineData("{{ for i in 1..40 }}{{ for j in 1..40 }}x{{ end }}{{ end }}", "iteration limit `1000`")]
    public void ALoop_StopsAtTheLoopLimit(string template, string reason)
    {
        var error = Rejected(Map(template));

        Assert.StartsWith("the template failed at template line 1, column ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecursiveFunction_StopsAtTheRecursionLimit()
    {
        var error = Rejected(Map("{{ func down; ret down; end; down }}"));

        Assert.Contains("recursive depth limit `20`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeOutput_StopsAtTheOutputLimit()
    {
        var error = Rejected(Map("{{ for i in 1..900 }}{{ short }}{{ end }}"));

        Assert.StartsWith("the template failed at template line 1, column ", error.Message, StringComparison.Ordinal);
        Assert.Contains("exceeds OutputLimit `100000`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASlowRender_StopsAtTheRenderTimeLimit()
    {
        // A thousand regular-expression replacements in 10,000 characters take seconds; the limit here is 1 ms. Each
        // replacement may take as long as it likes, so a busy machine cannot trip the regex limit first.
        var limits = TemplateLimits.Default with { RenderTimeLimit = TimeSpan.FromMilliseconds(1), RegexTimeLimit = TimeSpan.FromMinutes(1) };

        var error = Rejected(Map("{{ for i in 1..1000 }}{{ x = regex.replace big 'a' 'b' }}{{ end }}", limits));

        Assert.StartsWith("the template ran past its time limit of 1 ms at template line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACatastrophicRegularExpression_StopsAtTheRegexTimeLimit()
    {
        var error = Rejected(Map("{{ regex.match trap '^(a+)+$' }}"));

        Assert.StartsWith("the template failed at template line 1, column 4: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ include 'secrets.txt' }}", "there is no function 'include'")]
    [InlineData("{{ include_join ['a'] ',' }}", "there is no function 'include_join'")]
    public void Includes_AreRefused_WhenTheMappingLoads(string template, string reason)
    {
        var error = Assert.Single(Assert.Throws<MappingDefinitionException>(() => Map(template)).Errors);

        Assert.Equal("accounts.yaml", error.Location.File);
        Assert.Equal(6, error.Location.Line);
        Assert.Equal("fields.name", error.Location.Key);
        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at template line 1, column 4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AParseError_NamesTheFileTheRuleAndThePositionInTheTemplate()
    {
        var error = Assert.Single(Assert.Throws<MappingDefinitionException>(() => MappingCompiler.Compile("""
            entity: account
            fields:
              account_id: id
              source: { const: crm }
              observed_at: { const: "2024-03-05T14:00:00Z" }
              name: |
                {{ id }}
                {{ 1 + }}
            """, "accounts.yaml")).Errors);

        Assert.Equal("accounts.yaml line 6, key 'fields.name'", error.Location.ToString());
        Assert.StartsWith("the template does not parse at template line 2, column 8: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSandbox_ResetsBetweenRenders_SoOneRecordsVariablesNeverReachTheNext()
    {
        var mapping = MappingCompiler.Compile("""
            entity: account
            fields:
              account_id: id
              source: { const: crm }
              observed_at: { const: "2024-03-05T14:00:00Z" }
              name: "{{ if first }}{{ seen = 'yes' }}{{ end }}seen={{ seen }}"
            """, "accounts.yaml");

        var first = mapping.Map(Samples.Parse("""{ "id": "a1", "first": true }"""));
        var second = mapping.Map(Samples.Parse("""{ "id": "a2" }"""));

        Assert.Equal("seen=yes", first.Entity!["name"]!.GetValue<string>());
        Assert.Equal("seen=", second.Entity!["name"]!.GetValue<string>());
    }

    [Fact]
    public void ManyThreads_RenderOneMapping_WithoutMixingRecords()
    {
        var mapping = MappingCompiler.Compile("""
            entity: account
            fields:
              account_id: id
              source: { const: crm }
              observed_at: { const: "2024-03-05T14:00:00Z" }
              name: "{{ x = id }}{{ for i in 1..20 }}{{ end }}{{ x }}-{{ uppercase id }}"
            """, "accounts.yaml");

        Parallel.For(0, 2000, i =>
        {
            var outcome = mapping.Map(Samples.Parse($$"""{ "id": "a{{i}}" }"""));
            Assert.Equal($"a{i}-A{i}", outcome.Entity!["name"]!.GetValue<string>());
        });
    }
}
