using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Data;

/// <summary>A payment taken at a location for an order.</summary>
public sealed class SquarePayment
{
    /// <summary>The payment id (29 characters).</summary>
    public required string Id { get; init; }

    /// <summary>The location that took it.</summary>
    public required string LocationId { get; init; }

    /// <summary>The order it paid.</summary>
    public required string OrderId { get; init; }

    /// <summary>The buyer, when known.</summary>
    public string? CustomerId { get; set; }

    /// <summary>When it was taken.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The amount before tip.</summary>
    public required SquareMoney Amount { get; init; }

    /// <summary>The tip, in the same currency.</summary>
    public long Tip { get; init; }

    /// <summary><c>COMPLETED</c>, <c>APPROVED</c>, <c>PENDING</c>, <c>CANCELED</c> or <c>FAILED</c>.</summary>
    public string Status { get; set; } = "COMPLETED";

    /// <summary><c>CARD</c> or <c>CASH</c>.</summary>
    public string SourceType { get; init; } = "CARD";

    /// <summary>For card payments: the brand (<c>VISA</c>, ...).</summary>
    public string? CardBrand { get; init; }

    /// <summary>For card payments: the last four digits.</summary>
    public string? Last4 { get; init; }

    /// <summary>Money refunded so far.</summary>
    public long Refunded { get; set; }

    /// <summary>The payment as the Payments API returns it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["created_at"] = SquareTime.Format(CreatedAt),
            ["updated_at"] = SquareTime.Format(UpdatedAt),
            ["amount_money"] = Amount.ToJson(),
            ["tip_money"] = Money(Tip),
            ["total_money"] = Money(Amount.Amount + Tip),
            ["approved_money"] = Money(Amount.Amount + Tip),
            ["status"] = Status,
            ["source_type"] = SourceType,
            ["location_id"] = LocationId,
            ["order_id"] = OrderId,
        };
        if (Refunded > 0)
        {
            json["refunded_money"] = Money(Refunded);
        }

        if (SourceType == "CARD")
        {
            json["card_details"] = new JsonObject
            {
                ["status"] = "CAPTURED",
                ["card"] = new JsonObject { ["card_brand"] = CardBrand, ["last_4"] = Last4, ["card_type"] = "CREDIT" },
                ["entry_method"] = "EMV",
            };
        }
        else
        {
            json["cash_details"] = new JsonObject { ["buyer_supplied_money"] = Money(Amount.Amount + Tip), ["change_back_money"] = Money(0) };
        }

        SquareCustomer.Add(json, "customer_id", CustomerId);
        json["receipt_number"] = Id[..4];
        json["application_details"] = new JsonObject { ["square_product"] = "SQUARE_POS" };
        json["version_token"] = $"v{UpdatedAt.ToUnixTimeMilliseconds()}";
        return json;
    }

    private JsonObject Money(long amount) => new SquareMoney(amount, Amount.Currency).ToJson();
}
