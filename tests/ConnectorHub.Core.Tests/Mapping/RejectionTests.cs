using ConnectorHub.Core.Mapping;

namespace ConnectorHub.Core.Tests.Mapping;

public class RejectionTests
{
    [Fact]
    public void Map_SetsABadRecordAside_WithItsRuleFieldAndReason_WhileTheOthersMap()
    {
        var mapping = MappingCompiler.Compile(Samples.HubSpotContactsYaml, "contacts.yaml");
        var records = new[]
        {
            Samples.HubSpotContact(id: "1"),
            Samples.HubSpotContact(id: "2", phone: "555-01"),
            Samples.HubSpotContact(id: "3", email: "ann.lee@"),
            Samples.HubSpotContact(id: "4"),
        };

        var outcomes = records.Select(mapping.Map).ToList();

        Assert.Equal([MappingStatus.Mapped, MappingStatus.Rejected, MappingStatus.Rejected, MappingStatus.Mapped], outcomes.Select(o => o.Status));
        var phone = Assert.Single(outcomes[1].Errors);
        Assert.Equal("traits.phone", phone.Rule);
        Assert.Equal("traits.phone", phone.Field);
        Assert.Contains("'555-01' is not a valid US phone number", phone.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "identifiers[][1].value", "traits.email", "traits.email_sha256" }, outcomes[2].Errors.Select(e => e.Rule));
        Assert.Equal("identifiers[1].value", outcomes[2].Errors[0].Field);
        Assert.Contains("'ann.lee@' is not an email address", outcomes[2].Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_RejectsAnEntityThatBreaksTheSchema_NamingTheRuleAndTheField()
    {
        var mapping = MappingCompiler.Compile("""
            entity: order
            fields:
              order_id: id
              source: { const: shop }
              channel: kind
              currency: { const: USD }
              total: { from: total, type: number }
            """, "orders.yaml");

        var outcome = mapping.Map(Samples.Parse("""{ "id": "o1", "kind": "phone", "total": "10" }"""));

        Assert.Equal(MappingStatus.Rejected, outcome.Status);
        Assert.True(outcome.Errors.Count == 2, string.Join("\n", outcome.Errors));
        var channel = Assert.Single(outcome.Errors, e => e.Field == "channel");
        Assert.Equal("channel", channel.Rule);
        Assert.Equal("'phone' is not one of the allowed values (order schema)", channel.Message);
        Assert.Equal(5, channel.Location!.Line);
        var placedAt = Assert.Single(outcome.Errors, e => e.Field == "placed_at");
        Assert.Equal("(none)", placedAt.Rule);
        Assert.Contains("add a rule for 'placed_at'", placedAt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_RejectsARecord_WhenARequiredValueIsMissing()
    {
        var mapping = MappingCompiler.Compile(Samples.SquareOrdersYaml, "orders.yaml");
        var order = Samples.SquareOrder();
        order.Remove("total_money");

        var error = Assert.Single(mapping.Map(order).Errors);

        Assert.Equal("total", error.Field);
        Assert.Equal("a required value is missing: the source path 'total_money' is missing or empty", error.Message);
    }

    [Fact]
    public void Map_RejectsAProfile_WhoseListRuleMadeNoIdentifier()
    {
        var mapping = MappingCompiler.Compile("""
            entity: profile_fragment
            fields:
              source: { const: web }
              observed_at: { from: ts, type: date-time }
              identifiers[]:
                - type: { const: email }
                  value: { from: email, normalize: email }
            """, "web.yaml");

        var error = Assert.Single(mapping.Map(Samples.Parse("""{ "ts": 1709647200 }""")).Errors);

        Assert.Equal("identifiers[]", error.Rule);
        Assert.Equal("identifiers", error.Field);
        Assert.Contains("the rule made no item for this record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_LeavesOutAFieldThatFails_WhenTheRuleSaysSkip()
    {
        var mapping = MappingCompiler.Compile("""
            entity: profile_fragment
            settings: { default_region: GB }
            fields:
              source: { const: pos }
              observed_at: { const: "2024-03-05T14:00:00Z" }
              identifiers[]:
                - { type: { const: user_id }, value: id }
              traits.phone: { from: phone, normalize: phone, on_error: skip }
            """, "pos.yaml");

        var outcome = mapping.Map(Samples.Parse("""{ "id": "u1", "phone": "not a phone" }"""));

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.Null(outcome.Entity!["traits"]);
    }
}
