using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Tests.Mapping.Normalizers.Currencies;

public class CurrencyNormalizerTests
{
    [Theory]
    [InlineData("usd", null, "USD")]
    [InlineData(" eur ", null, "EUR")]
    [InlineData("€", null, "EUR")]
    [InlineData("£", null, "GBP")]
    [InlineData("$", null, "USD")]
    [InlineData("$", "CAD", "CAD")]
    [InlineData("$", "EUR", "USD")]
    [InlineData("R$", null, "BRL")]
    [InlineData("kr", "SEK", "SEK")]
    [InlineData("¥", "CNY", "CNY")]
    [InlineData("¥", null, "JPY")]
    public void Currency_GivesTheIsoCode_ForCodesAndSymbols(string input, string? defaultCode, string expected) =>
        Assert.Equal(expected, Normalize.Text("currency", input, defaultCode is null ? null : new() { ["default"] = defaultCode }));

    [Theory]
    [InlineData("XYZ")]
    [InlineData("bitcoins")]
    public void Currency_Fails_ForUnknownCurrencies(string input) =>
        Assert.Contains("ISO 4217", Normalize.Error("currency", input), StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"amount":1250,"currency":"USD"}""", "12.50")]
    [InlineData("""{"amount":500,"currency":"JPY"}""", "500")]
    [InlineData("""{"amount":1234,"currency":"KWD"}""", "1.234")]
    [InlineData("""{"amount":"999","currency":"eur"}""", "9.99")]
    [InlineData("""{"amount":-250,"currency":"GBP"}""", "-2.50")]
    public void MinorUnits_GivesMajorUnits_ForSquareMoney(string money, string expected) =>
        Assert.Equal(expected, Normalize.Run("minor_units", JsonNode.Parse(money)!).Value!.ToJsonString());

    [Fact]
    public void MinorUnits_UsesTheDefaultCurrency_ForABareAmount() =>
        Assert.Equal("99", Normalize.Run("minor_units", JsonValue.Create(99), new() { ["currency"] = "JPY" }).Value!.ToJsonString());

    [Theory]
    [InlineData("""{"amount":12.5,"currency":"USD"}""", "not a whole number")]
    [InlineData("""{"amount":100,"currency":"ZZZ"}""", "not an ISO 4217")]
    [InlineData("\"twelve\"", "expects a number")]
    public void MinorUnits_Fails_ForAmountsThatAreNotMinorUnits(string money, string reason) =>
        Assert.Contains(reason, Normalize.Error("minor_units", JsonNode.Parse(money)!), StringComparison.Ordinal);
}
