using ConnectorHub.Core.Mapping;

namespace ConnectorHub.Core.Tests.Mapping.Conditions;

public class ConditionTests
{
    [Theory]
    [InlineData("state", true)]
    [InlineData("\"!state\"", false)]
    [InlineData("{ path: state, equals: COMPLETED }", true)]
    [InlineData("{ path: state, not_equals: COMPLETED }", false)]
    [InlineData("{ path: state, in: [OPEN, COMPLETED] }", true)]
    [InlineData("{ path: state, not_in: [OPEN, COMPLETED] }", false)]
    [InlineData("{ path: email, matches: \"@example\\\\.com$\" }", true)]
    [InlineData("{ path: amount, gt: 10 }", true)]
    [InlineData("{ path: amount, lte: 10 }", false)]
    [InlineData("{ path: amount, equals: 12.5 }", true)]
    [InlineData("{ path: archived, exists: false }", true)]
    [InlineData("{ path: note, exists: true }", false)]
    [InlineData("{ all: [state, { path: amount, gte: 12.5 }] }", true)]
    [InlineData("{ any: [archived, { path: state, equals: OPEN }] }", false)]
    [InlineData("{ not: archived }", true)]
    [InlineData("\"{{ if state == 'COMPLETED' }}yes{{ end }}\"", true)]
    [InlineData("\"{{ if eq state 'OPEN' }}yes{{ end }}\"", false)]
    public void When_DecidesWhetherARecordIsMapped(string condition, bool mapped)
    {
        var mapping = MappingCompiler.Compile($$"""
            entity: account
            when: {{condition}}
            fields:
              account_id: id
              source: { const: crm }
              observed_at: { const: "2024-03-05T14:00:00Z" }
            """, "accounts.yaml");

        var outcome = mapping.Map(Samples.Parse("""
            { "id": "a1", "state": "COMPLETED", "email": "x@example.com", "amount": "12.5", "archived": false, "note": "  " }
            """));

        Assert.Equal(mapped ? MappingStatus.Mapped : MappingStatus.Skipped, outcome.Status);
    }

    [Fact]
    public void When_OnARule_LeavesOnlyThatFieldOut()
    {
        var mapping = MappingCompiler.Compile("""
            entity: account
            fields:
              account_id: id
              source: { const: crm }
              observed_at: { const: "2024-03-05T14:00:00Z" }
              domain: { from: website, normalize: lowercase, when: { path: website, matches: "^[A-Za-z0-9.-]+$" } }
              name: { from: name, normalize: name, required: true, when: { path: kind, equals: company } }
            """, "accounts.yaml");

        var outcome = mapping.Map(Samples.Parse("""{ "id": "a1", "website": "https://acme.io", "kind": "person" }"""));

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.Equal("""{"account_id":"a1","source":"crm","observed_at":"2024-03-05T14:00:00Z"}""", Samples.Json(outcome.Entity));
    }

    [Fact]
    public void When_OnAnItem_FiltersTheElementsOfEach()
    {
        var mapping = MappingCompiler.Compile("""
            entity: order
            fields:
              order_id: id
              source: { const: shop }
              channel: { const: online }
              currency: { const: EUR }
              total: { from: total, type: number }
              placed_at: { from: at, type: date-time }
              line_items[]:
                each: items
                when: { path: qty, gt: 0 }
                sku: sku
                quantity: { from: qty, type: number }
            """, "orders.yaml");

        var outcome = mapping.Map(Samples.Parse("""
            { "id": "o1", "total": 5, "at": "2024-03-05T14:00:00Z",
              "items": [ { "sku": "A", "qty": 1 }, { "sku": "B", "qty": 0 }, { "sku": "C", "qty": 2 } ] }
            """));

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.Equal("""[{"sku":"A","quantity":1},{"sku":"C","quantity":2}]""", Samples.Json(outcome.Entity!["line_items"]));
    }
}
