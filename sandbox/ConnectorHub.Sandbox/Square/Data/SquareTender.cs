namespace ConnectorHub.Sandbox.Square.Data;

/// <summary>A payment applied to an order (Square lists them as the order's <c>tenders</c>).</summary>
/// <param name="PaymentId">The payment (also the tender's id).</param>
/// <param name="Type"><c>CARD</c> or <c>CASH</c>.</param>
/// <param name="Amount">The amount paid, tip included.</param>
public sealed record SquareTender(string PaymentId, string Type, long Amount);
