namespace ConnectorHub.Sdk.Canonical;

/// <summary>A purchase (schema <c>order.schema.json</c>). Amounts are in the currency's major units.</summary>
public sealed record Order
{
    /// <summary>The order's id in its source.</summary>
    public required string OrderId { get; init; }

    /// <summary>The source that reported it.</summary>
    public required string Source { get; init; }

    /// <summary><c>online</c> or <c>in_store</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>How to find the buyer's profile.</summary>
    public IReadOnlyList<Identifier>? CustomerIdentifiers { get; init; }

    /// <summary>open, completed, canceled, refunded, ...</summary>
    public string? Status { get; init; }

    /// <summary>ISO 4217 currency code.</summary>
    public required string Currency { get; init; }

    /// <summary>Sum of line items before tax, shipping and discounts.</summary>
    public decimal? Subtotal { get; init; }

    /// <summary>Tax.</summary>
    public decimal? Tax { get; init; }

    /// <summary>Shipping.</summary>
    public decimal? Shipping { get; init; }

    /// <summary>Discounts.</summary>
    public decimal? Discount { get; init; }

    /// <summary>What the customer paid.</summary>
    public required decimal Total { get; init; }

    /// <summary>The items bought.</summary>
    public IReadOnlyList<OrderLineItem>? LineItems { get; init; }

    /// <summary>When the order was placed.</summary>
    public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>When the order last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>One line of an order.</summary>
public sealed record OrderLineItem
{
    /// <summary>The product's id.</summary>
    public string? ProductId { get; init; }

    /// <summary>Stock keeping unit.</summary>
    public string? Sku { get; init; }

    /// <summary>Product name.</summary>
    public string? Name { get; init; }

    /// <summary>How many.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Price of one unit.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary>Line total.</summary>
    public decimal? Total { get; init; }
}
