using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Data;

/// <summary>Square's Money: an integer amount in the currency's smallest unit (cents) and an ISO 4217 code.</summary>
/// <param name="Amount">Minor units, for example 1050 for USD 10.50.</param>
/// <param name="Currency">The currency code, for example <c>USD</c>.</param>
public sealed record SquareMoney(long Amount, string Currency)
{
    /// <summary><c>{"amount":1050,"currency":"USD"}</c>.</summary>
    public JsonObject ToJson() => new() { ["amount"] = Amount, ["currency"] = Currency };
}
