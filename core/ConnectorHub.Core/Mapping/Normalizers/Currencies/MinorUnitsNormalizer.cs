using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Normalizers.Currencies;

/// <summary>
/// <c>minor_units</c>: an amount in minor units (cents) to major units, using the currency's exponent: Square's money
/// <c>{amount: 1250, currency: USD}</c> gives 12.50, <c>{amount: 500, currency: JPY}</c> gives 500. A bare number uses
/// <paramref name="defaultCurrency"/> (or 2 digits when none is set).
/// </summary>
internal sealed class MinorUnitsNormalizer(string? defaultCurrency) : INormalizer
{
    public string Name => "minor_units";

    public NormalizeResult Normalize(JsonNode value)
    {
        var currency = defaultCurrency;
        var amountNode = value;
        if (value is JsonObject money)
        {
            amountNode = money["amount"];
            if (money["currency"] is JsonValue code && JsonScalar.TryGetText(code, out var text))
            {
                currency = text.Trim().ToUpperInvariant();
                if (!CurrencyTable.IsCode(currency))
                {
                    return NormalizeResult.Fail($"'{text}' is not an ISO 4217 currency code");
                }
            }

            if (JsonScalar.IsMissing(amountNode))
            {
                return NormalizeResult.Missing;
            }
        }

        if (!JsonScalar.TryGetDecimal(amountNode, out var amount))
        {
            return NormalizeResult.Fail($"minor_units expects a number of minor units or a money object {{amount, currency}}, got {JsonScalar.Describe(value)}");
        }

        if (decimal.Truncate(amount) != amount)
        {
            return NormalizeResult.Fail($"{amount} is not a whole number of minor units");
        }

        var digits = currency is null ? 2 : CurrencyTable.MinorUnitDigits(currency);
        // Multiplying keeps the currency's scale: 1250 * 0.01m is 12.50, not 12.5.
        return NormalizeResult.Of(JsonValue.Create(amount * MinorUnit(digits)));
    }

    private static decimal MinorUnit(int digits) => digits switch { 0 => 1m, 1 => 0.1m, 2 => 0.01m, 3 => 0.001m, _ => 0.0001m };
}
