using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Tests.Mapping.Reading;

public class MappingFileErrorTests
{
    [Fact]
    public void Parse_NamesTheFileLineAndKey_OfAnUnknownRuleKey()
    {
        var error = SingleError("""
            entity: profile_fragment
            fields:
              source: { const: crm }
              traits.email:
                from: email
                normalise: email
            """);

        Assert.Equal(new SourceLocation("contacts.yaml", 6, 5, "fields.traits.email.normalise"), error.Location);
        Assert.Contains("unknown key 'normalise'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("contacts.yaml line 6, key 'fields.traits.email.normalise': unknown key", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NamesTheLine_OfAnUnknownNormalizer()
    {
        var error = SingleError("""
            entity: profile_fragment
            fields:
              traits.email: { from: email, normalize: [trim, emial] }
            """);

        Assert.Equal(3, error.Location.Line);
        Assert.Equal("fields.traits.email.normalize[1]", error.Location.Key);
        Assert.StartsWith("unknown normalizer 'emial'; the built-in ones are email, phone", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  traits.email: { from: \"properties..email\" }", "two dots in a row")]
    [InlineData("  traits.email: { from: \"items[x]\" }", "must be an index such as [0]")]
    [InlineData("  traits.email: \"{{ if email }}oops\"", "the template does not parse at template line 1, column 15: Error while parsing if statement: The <end> statement was not found")]
    [InlineData("  traits.email: \"{{ shout email }}\"", "there is no function 'shout'")]
    [InlineData("  traits.email: \"{{ email | shout }}\"", "there is no function 'shout'")]
    [InlineData("  traits.email: \"{{ phone p nation: 'GB' }}\"", "'phone' has no argument 'nation'; it takes region")]
    [InlineData("  traits.phone: { from: phone, normalize: { phone: { region: Narnia } } }", "'Narnia' is not an ISO 3166-1 region")]
    [InlineData("  traits.created_at: { from: at, normalize: { datetime: { zone: Mars/Base } } }", "not a known IANA time zone")]
    [InlineData("  traits.email: { from: email, const: x }", "give only one of from, const or template")]
    [InlineData("  traits.email: { normalize: email }", "needs one of from")]
    [InlineData("  traits.email: { from: email, type: text }", "unknown type 'text'")]
    [InlineData("  emial: email", "'emial' is not a field of profile_fragment")]
    [InlineData("  traits.address.zip: zip", "'traits.address.zip' is not a field of profile_fragment")]
    [InlineData("  source[]: { from: src }", "is not a list in profile_fragment")]
    [InlineData("  traits.email: { from: email, when: { path: x, equals: 1, in: [1] } }", "exactly one of")]
    [InlineData("  traits.email: { from: email, when: { path: x, matches: \"([\" } }", "not a valid regular expression")]
    public void Compile_NamesTheLine_OfARuleThatCannotWork(string rule, string reason)
    {
        var error = SingleError($"""
            entity: profile_fragment
            fields:
            {rule}
            """);

        Assert.Equal(3, error.Location.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ReportsEveryProblem_NotJustTheFirst()
    {
        var ex = Assert.Throws<MappingDefinitionException>(() => MappingCompiler.Compile("""
            entity: profile_fragment
            settings: { default_region: XX, time_zone: Nowhere/City }
            fields:
              traits.email: { from: email, normalize: emial }
              traits.email.work: work_email
            """, "contacts.yaml"));

        Assert.Equal(
            ["settings.default_region", "settings.time_zone", "fields.traits.email.normalize", "fields.traits.email.work"],
            ex.Errors.Select(e => e.Location.Key));
        Assert.Contains("overlaps 'traits.email' (line 4)", ex.Errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamesTheLine_OfBrokenYaml()
    {
        var error = SingleError("""
            entity: profile_fragment
            fields:
              traits.email: { from: email
              traits.phone: phone
            """);

        Assert.Equal(4, error.Location.Line);
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamesTheLine_OfADuplicateKey()
    {
        var error = SingleError("""
            entity: profile_fragment
            fields:
              traits.email: email
              traits.email: work_email
            """);

        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Parse_NamesTheLineAndKey_InJsonMappings()
    {
        var error = SingleError("""
            {
              "entity": "order",
              "fields": {
                "order_id": "id",
                "total": { "from": "total", "normalize": "minor_units", "required": "yes" }
              }
            }
            """, "orders.json");

        Assert.Equal((5, "fields.total.required"), (error.Location.Line, error.Location.Key));
        Assert.Equal("must be true or false, not text", error.Message);
    }

    [Fact]
    public void Parse_NamesTheLine_OfBrokenJson()
    {
        var error = SingleError("""
            {
              "entity": "order",
              "fields": { "order_id": "id" "total": "t" }
            }
            """, "orders.json");

        Assert.Equal(3, error.Location.Line);
        Assert.StartsWith("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fields:\n  source: src\n", "say which canonical entity")]
    [InlineData("entity: customer\nfields:\n  source: src\n", "unknown entity 'customer'; use one of profile_fragment, event, order, ad_performance, account")]
    [InlineData("entity: order\n", "the mapping has no fields")]
    [InlineData("entity: order\nfeilds: {}\n", "unknown key 'feilds'")]
    [InlineData("- entity: order\n", "must be a mapping with entity and fields")]
    public void Parse_ExplainsWhatTheTopLevelNeeds(string text, string reason) =>
        Assert.Contains(Errors(text), e => e.Message.Contains(reason, StringComparison.Ordinal));

    private static MappingDefinitionError SingleError(string text, string file = "contacts.yaml") => Assert.Single(Errors(text, file));

    private static IReadOnlyList<MappingDefinitionError> Errors(string text, string file = "contacts.yaml") =>
        Assert.Throws<MappingDefinitionException>(() => MappingCompiler.Compile(text, file)).Errors;
}
