using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Data;

/// <summary>One line of an order: a catalog item variation bought in some quantity.</summary>
/// <param name="Uid">Unique within the order.</param>
/// <param name="Name">The item's name.</param>
/// <param name="VariationName">The variation (size, flavour).</param>
/// <param name="CatalogObjectId">The catalog item variation id.</param>
/// <param name="Quantity">How many.</param>
/// <param name="BasePrice">Unit price.</param>
/// <param name="Tax">Tax on the line.</param>
/// <param name="Discount">Discount on the line.</param>
public sealed record SquareLineItem(string Uid, string Name, string VariationName, string CatalogObjectId, int Quantity, SquareMoney BasePrice, long Tax, long Discount)
{
    /// <summary>Base price times quantity.</summary>
    public long Gross => BasePrice.Amount * Quantity;

    /// <summary>What the line costs: gross minus discount plus tax.</summary>
    public long Total => Gross - Discount + Tax;

    /// <summary>The line as the Orders API returns it; <c>quantity</c> is a string there.</summary>
    public JsonObject ToJson() => new()
    {
        ["uid"] = Uid,
        ["name"] = Name,
        ["quantity"] = Quantity.ToString(CultureInfo.InvariantCulture),
        ["catalog_object_id"] = CatalogObjectId,
        ["variation_name"] = VariationName,
        ["item_type"] = "ITEM",
        ["base_price_money"] = BasePrice.ToJson(),
        ["gross_sales_money"] = Money(Gross),
        ["total_tax_money"] = Money(Tax),
        ["total_discount_money"] = Money(Discount),
        ["total_money"] = Money(Total),
    };

    private JsonObject Money(long amount) => new SquareMoney(amount, BasePrice.Currency).ToJson();
}
