using ConnectorHub.Core.Mapping;

namespace ConnectorHub.Core.Tests.Mapping;

public class SquareOrderMappingTests
{
    private static readonly CompiledMapping Mapping = MappingCompiler.Compile(Samples.SquareOrdersYaml, "orders.yaml");

    [Fact]
    public void Map_TurnsASquareOrder_IntoAnOrderWithLineItemsInMajorUnits()
    {
        var outcome = Mapping.Map(Samples.SquareOrder());

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.Equal(
            """
            {"order_id":"CAISEM82RcpmcFBM0TfOyiHV3es","source":"square","channel":"online","customer_identifiers":[{"type":"square.customer_id","value":"JDKYHBWT1D4F8MFH63DBMEN8Y4"}],"status":"completed","currency":"USD","tax":0.00,"discount":0.00,"total":12.50,"line_items":[{"product_id":"CAT-LATTE","name":"Latte (Large)","quantity":2,"unit_price":4.50,"total":9.00},{"product_id":"CAT-CROISSANT","name":"Croissant","quantity":1,"unit_price":3.50,"total":3.50}],"placed_at":"2024-06-01T08:00:00+00:00","updated_at":"2024-06-01T08:05:00+00:00"}
            """,
            Samples.Json(outcome.Entity));
    }

    [Fact]
    public void Map_SkipsDraftOrders()
    {
        Assert.Equal(MappingStatus.Skipped, Mapping.Map(Samples.SquareOrder(state: "DRAFT")).Status);
    }

    [Fact]
    public void Map_NamesTheLineItem_WhoseQuantityIsNotANumber()
    {
        var outcome = Mapping.Map(Samples.SquareOrder(quantity: "two"));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(MappingStatus.Rejected, outcome.Status);
        Assert.Equal("line_items[].fields.quantity", error.Rule);
        Assert.Equal("line_items[0].quantity", error.Field);
        Assert.Equal("'two' is not a number", error.Message);
        Assert.Equal(22, error.Location!.Line);
    }
}
