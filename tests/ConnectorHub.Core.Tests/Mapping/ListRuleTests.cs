using ConnectorHub.Core.Mapping;

namespace ConnectorHub.Core.Tests.Mapping;

public class ListRuleTests
{
    private const string Head = """
        entity: profile_fragment
        fields:
          source: { const: shop }
          observed_at: { const: "2024-03-05T14:00:00Z" }
        """;

    [Fact]
    public void Each_BuildsAListOfValues_FromTheElementItself()
    {
        var outcome = Map("""
              identifiers[]: { type: { const: user_id }, value: id }
              traits.tags[]: { each: tags, from: "@", normalize: lowercase }
            """, """{ "id": "u1", "tags": ["VIP", " ", "Newsletter"] }""");

        Assert.Equal("""["vip","newsletter"]""", Samples.Json(outcome.Entity!["traits"]!["tags"]));
    }

    [Fact]
    public void Each_ReadsTheRecord_WithDollarPaths_AndTakesTheExplicitForm()
    {
        var outcome = Map("""
              identifiers[]:
                - each: emails
                  when: { path: verified, equals: true }
                  fields:
                    type: { const: email }
                    value: { from: address, normalize: email }
              traits.ids[]:
                - item: { template: "user-{{ id }}" }
                  when: id
              traits.home: { from: "$.addresses[0].city" }
            """, """
            { "id": "u1", "addresses": [{ "city": "Leeds" }],
              "emails": [ { "address": "A@X.io", "verified": true }, { "address": "b@x.io", "verified": false } ] }
            """);

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.Equal("""[{"type":"email","value":"a@x.io"}]""", Samples.Json(outcome.Entity!["identifiers"]));
        Assert.Equal("""{"ids":["user-u1"],"home":"Leeds"}""", Samples.Json(outcome.Entity!["traits"]));
    }

    [Fact]
    public void Each_TreatsASingleObject_AsAListOfOne()
    {
        var outcome = Map("""
              identifiers[]:
                each: account
                type: { const: user_id }
                value: id
            """, """{ "account": { "id": "u7" } }""");

        Assert.Equal("""[{"type":"user_id","value":"u7"}]""", Samples.Json(outcome.Entity!["identifiers"]));
    }

    [Fact]
    public void Each_NamesTheElement_WhoseValueFails()
    {
        var outcome = Map("""
              identifiers[]: { type: { const: user_id }, value: id }
              traits.phones[]: { each: phones, from: "@", normalize: { phone: US } }
            """, """{ "id": "u1", "phones": ["(415) 555-0132", "12"] }""");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("traits.phones[1]", error.Field);
        Assert.Equal("traits.phones[]", error.Rule);
    }

    [Fact]
    public void Map_RejectsInsteadOfThrowing_ForNumbersBeyondAnyRange()
    {
        var outcome = Map("""
              identifiers[]: { type: { const: user_id }, value: id }
              traits.score: { from: score, type: number }
              traits.label: "{{ uppercase score }}"
            """, """{ "id": "u1", "score": 1e400 }""");

        Assert.Equal(MappingStatus.Rejected, outcome.Status);
        Assert.Equal("traits.score", Assert.Single(outcome.Errors).Field);
    }

    private static MappingOutcome Map(string fields, string record) =>
        MappingCompiler.Compile(Head + "\n" + fields, "list.yaml").Map(Samples.Parse(record));
}
