using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Data;

/// <summary>A seller location (a store); orders and payments belong to one.</summary>
public sealed class SquareLocation
{
    /// <summary>The location id (13 characters, such as <c>L88917AVBK2S5</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The location's nickname.</summary>
    public required string Name { get; init; }

    /// <summary>The store's address.</summary>
    public required SquareAddress Address { get; init; }

    /// <summary>IANA time zone.</summary>
    public string Timezone { get; init; } = "America/New_York";

    /// <summary>When the location was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The merchant owning it.</summary>
    public required string MerchantId { get; init; }

    /// <summary>The currency of its sales.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Whether this is the seller's main location (the default of ListPayments).</summary>
    public bool IsMain { get; init; }

    /// <summary>The location as <c>GET /v2/locations</c> returns it.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["address"] = Address.ToJson(),
        ["timezone"] = Timezone,
        ["capabilities"] = new JsonArray("CREDIT_CARD_PROCESSING", "AUTOMATIC_TRANSFERS"),
        ["status"] = "ACTIVE",
        ["created_at"] = SquareTime.Format(CreatedAt),
        ["merchant_id"] = MerchantId,
        ["country"] = Address.Country,
        ["language_code"] = "en-US",
        ["currency"] = Currency,
        ["business_name"] = "Sandbox Coffee Co.",
        ["type"] = "PHYSICAL",
        ["mcc"] = "5814",
    };
}
