using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Sdk.Tests.Canonical;

/// <summary>Object mother: one valid record of every canonical entity, built from the C# types.</summary>
internal static class CanonicalSamples
{
    public static readonly DateTimeOffset Time = new(2024, 3, 5, 14, 0, 0, TimeSpan.Zero);

    public static ProfileFragment Fragment() => new()
    {
        Source = "hubspot",
        RecordKey = "contacts:51",
        ObservedAt = Time,
        Identifiers = [new Identifier(IdentifierTypes.Email, "ann.lee@example.com"), new Identifier("hubspot.contact_id", "51")],
        Traits = new ProfileTraits
        {
            FirstName = "Ann",
            LastName = "Lee",
            Email = "ann.lee@example.com",
            Phone = "+14155550132",
            Birthday = new DateOnly(1990, 4, 1),
            Address = new PostalAddress { City = "San Francisco", Country = "US" },
            Custom = new() { ["lifecycle_stage"] = JsonSerializer.SerializeToElement("customer") },
        },
        Consent = new Consent { Email = true },
    };

    public static CanonicalEvent Event() => new()
    {
        MessageId = "msg-1",
        Type = "track",
        Name = "Order Completed",
        UserId = "u-1",
        Properties = new JsonObject { ["revenue"] = 42.5 },
        Context = new JsonObject { ["page"] = new JsonObject { ["url"] = "https://shop.example.com/checkout" } },
        Timestamp = Time,
    };

    public static Order Order() => new()
    {
        OrderId = "o-1",
        Source = "square",
        Channel = "in_store",
        CustomerIdentifiers = [new Identifier(IdentifierTypes.Email, "ann.lee@example.com")],
        Currency = "USD",
        Total = 12.50m,
        LineItems = [new OrderLineItem { Name = "Latte", Quantity = 2, UnitPrice = 6.25m, Total = 12.50m }],
        PlacedAt = Time,
    };

    public static AdPerformance AdPerformance() => new()
    {
        Platform = "meta",
        AccountId = "act_1",
        CampaignId = "c-1",
        Date = new DateOnly(2024, 3, 5),
        Impressions = 1000,
        Clicks = 20,
        Spend = 12.34m,
        Currency = "USD",
    };

    public static Account Account() => new()
    {
        AccountId = "42",
        Source = "hubspot",
        ObservedAt = Time,
        Domain = "example.com",
        Name = "Example Inc",
        Members = [new Identifier(IdentifierTypes.Email, "ann.lee@example.com")],
    };
}
