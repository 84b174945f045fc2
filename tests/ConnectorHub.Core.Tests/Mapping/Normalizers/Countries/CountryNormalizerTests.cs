using ConnectorHub.Core.Mapping.Normalizers.Countries;

namespace ConnectorHub.Core.Tests.Mapping.Normalizers.Countries;

public class CountryNormalizerTests
{
    [Theory]
    [InlineData("United Kingdom", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("u.k.", "GB")]
    [InlineData("Great Britain", "GB")]
    [InlineData("  england ", "GB")]
    [InlineData("USA", "US")]
    [InlineData("U.S.A.", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("united   states", "US")]
    [InlineData("Deutschland", "DE")]
    [InlineData("GERMANY", "DE")]
    [InlineData("deu", "DE")]
    [InlineData("de", "DE")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("cote divoire", "CI")]
    [InlineData("The Netherlands", "NL")]
    [InlineData("Holland", "NL")]
    [InlineData("Korea, Republic of", "KR")]
    [InlineData("South-Korea", "KR")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkey", "TR")]
    [InlineData("España", "ES")]
    [InlineData("Viet Nam", "VN")]
    [InlineData("Åland Islands", "AX")]
    public void Country_GivesTheAlpha2Code_ForNamesCodesAndAliases(string input, string expected) =>
        Assert.Equal(expected, Normalize.Text("country", input));

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    public void Country_Fails_ForUnknownCountries(string input) =>
        Assert.Contains("not a known country", Normalize.Error("country", input), StringComparison.Ordinal);

    [Fact]
    public void CountryTable_HoldsEveryIsoCountry()
    {
        var codes = Enumerable.Range('A', 26).SelectMany(a => Enumerable.Range('A', 26).Select(b => $"{(char)a}{(char)b}"))
            .Select(CountryTable.ByAlpha2).OfType<Country>().ToList();

        Assert.Equal(250, codes.Count); // 249 ISO 3166-1 entries plus XK (Kosovo)
        Assert.All(codes, c => Assert.Equal(c, CountryTable.Find(c.Alpha3)));
        Assert.Equal(250, codes.Select(c => c.Alpha3).Distinct().Count());
    }
}
