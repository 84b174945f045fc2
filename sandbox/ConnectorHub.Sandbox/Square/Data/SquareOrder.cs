using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Data;

/// <summary>An in-store order with its line items and the payments (tenders) that paid it.</summary>
public sealed class SquareOrder
{
    /// <summary>The order id (27 characters).</summary>
    public required string Id { get; init; }

    /// <summary>The location that took the order.</summary>
    public required string LocationId { get; init; }

    /// <summary>The buyer's customer id, when the seller attached one.</summary>
    public string? CustomerId { get; set; }

    /// <summary><c>OPEN</c>, <c>COMPLETED</c>, <c>CANCELED</c> or <c>DRAFT</c>.</summary>
    public string State { get; set; } = "COMPLETED";

    /// <summary>When the order was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the order last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the order reached a terminal state.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Incremented on every change.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The currency of every amount.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>The order's lines.</summary>
    public IList<SquareLineItem> LineItems { get; init; } = [];

    /// <summary>Tip added at payment.</summary>
    public long Tip { get; set; }

    /// <summary>The payments (tenders) of the order: payment id and its type (<c>CARD</c>, <c>CASH</c>).</summary>
    public IList<SquareTender> Tenders { get; init; } = [];

    /// <summary>The order's total: the lines' totals plus the tip.</summary>
    public long Total => LineItems.Sum(l => l.Total) + Tip;

    /// <summary>The order as the Orders API returns it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["location_id"] = LocationId,
            ["source"] = new JsonObject { ["name"] = "Square Point of Sale" },
        };
        SquareCustomer.Add(json, "customer_id", CustomerId);
        json["line_items"] = new JsonArray(LineItems.Select(l => (JsonNode)l.ToJson()).ToArray());
        json["tenders"] = new JsonArray(Tenders.Select(t => (JsonNode)Tender(t)).ToArray());
        json["created_at"] = SquareTime.Format(CreatedAt);
        json["updated_at"] = SquareTime.Format(UpdatedAt);
        if (ClosedAt is { } closed)
        {
            json["closed_at"] = SquareTime.Format(closed);
        }

        json["state"] = State;
        json["version"] = Version;
        json["total_money"] = Money(Total);
        json["total_tax_money"] = Money(LineItems.Sum(l => l.Tax));
        json["total_discount_money"] = Money(LineItems.Sum(l => l.Discount));
        json["total_tip_money"] = Money(Tip);
        json["total_service_charge_money"] = Money(0);
        json["net_amount_due_money"] = Money(State == "COMPLETED" ? 0 : Total);
        return json;
    }

    private JsonObject Tender(SquareTender tender)
    {
        var json = new JsonObject
        {
            ["id"] = tender.PaymentId,
            ["location_id"] = LocationId,
            ["transaction_id"] = Id,
            ["created_at"] = SquareTime.Format(CreatedAt),
            ["amount_money"] = Money(tender.Amount),
            ["type"] = tender.Type,
            ["payment_id"] = tender.PaymentId,
        };
        SquareCustomer.Add(json, "customer_id", CustomerId);
        return json;
    }

    private JsonObject Money(long amount) => new SquareMoney(amount, Currency).ToJson();
}
