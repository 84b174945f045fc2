namespace ConnectorHub.Core.Mapping.Normalizers.Countries;

/// <summary><c>country</c>: a country name, alias, alpha-2 or alpha-3 code to the ISO 3166-1 alpha-2 code.</summary>
internal sealed class CountryNormalizer : TextNormalizer
{
    public override string Name => "country";

    protected override NormalizeResult NormalizeText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NormalizeResult.Missing;
        }

        var country = CountryTable.Find(text);
        return country is null
            ? NormalizeResult.Fail($"'{text}' is not a known country name or ISO 3166-1 code")
            : NormalizeResult.Of(country.Alpha2);
    }
}
