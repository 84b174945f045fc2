namespace ConnectorHub.Core.Mapping.Normalizers.Currencies;

/// <summary>
/// <c>currency</c>: an ISO 4217 code (any case) or a symbol (<c>€</c>, <c>£</c>, <c>R$</c>) to the upper-case code. Shared
/// symbols (<c>$</c>, <c>kr</c>, <c>¥</c>) become <paramref name="defaultCode"/> when it is one of their currencies.
/// </summary>
internal sealed class CurrencyNormalizer(string? defaultCode) : TextNormalizer
{
    public override string Name => "currency";

    protected override NormalizeResult NormalizeText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NormalizeResult.Missing;
        }

        var code = CurrencyTable.Resolve(text, defaultCode);
        return code is null
            ? NormalizeResult.Fail($"'{text}' is not an ISO 4217 currency code or a known currency symbol")
            : NormalizeResult.Of(code);
    }
}
