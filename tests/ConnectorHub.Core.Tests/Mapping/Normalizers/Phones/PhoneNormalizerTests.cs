namespace ConnectorHub.Core.Tests.Mapping.Normalizers.Phones;

public class PhoneNormalizerTests
{
    [Theory]
    [InlineData("(415) 555-0132", "US", "+14155550132")]
    [InlineData("415.555.0132", "US", "+14155550132")]
    [InlineData("1-415-555-0132", "US", "+14155550132")]
    [InlineData("+1 (415) 555-0132", null, "+14155550132")]
    [InlineData("+1-212-555-4240", "GB", "+12125554240")]
    [InlineData("(415) 555-0132 ext. 12", "US", "+14155550132")]
    [InlineData("415-555-0132 x7", "US", "+14155550132")]
    [InlineData("011 44 20 7946 0958", "US", "+442079460958")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("07911 123456", "GB", "+447911123456")]
    [InlineData("0044 20 7946 0958", "US", "+442079460958")]
    [InlineData("0044 20 7946 0958", "GB", "+442079460958")]
    [InlineData("+44 (0)20 7946 0958", null, "+442079460958")]
    [InlineData("+44 020 7946 0958", null, "+442079460958")]
    [InlineData("+49 (0)30 1234567", null, "+49301234567")]
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("0151 23456789", "DE", "+4915123456789")]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("06 1234 5678", "IT", "+390612345678")]
    [InlineData("8 (812) 123-45-67", "RU", "+78121234567")]
    [InlineData("0412 345 678", "AU", "+61412345678")]
    [InlineData("090-1234-5678", "JP", "+819012345678")]
    [InlineData("15559876543", "GB", "+15559876543")]
    [InlineData("tel:+33 1 23 45 67 89", null, "+33123456789")]
    public void Phone_WritesE164_ForNumbersAsPeopleTypeThem(string input, string? region, string expected) =>
        Assert.Equal(expected, Normalize.Text("phone", input, defaults: Normalize.In(region)));

    [Fact]
    public void Phone_UsesTheRegionArgument_OverTheMappingDefault() =>
        Assert.Equal("+442079460958", Normalize.Text("phone", "020 7946 0958", new() { ["region"] = "GB" }, Normalize.In("US")));

    [Theory]
    [InlineData("555-0132", "US", "7 digits after the country code +1, expected 10")]
    [InlineData("(015) 555-0132", "US", "area code and the exchange cannot start with 0 or 1")]
    [InlineData("(415) 555-0132", null, "no default region")]
    [InlineData("+999 1234 5678", null, "known country calling code")]
    [InlineData("call me maybe", "US", "unexpected 'c'")]
    [InlineData("020 7946 09581234", "GB", "expected 7 to 10")]
    [InlineData("12", "US", "too few digits")]
    public void Phone_Fails_WithTheReason_ForNumbersThatCannotBeRight(string input, string? region, string reason) =>
        Assert.Contains(reason, Normalize.Error("phone", input, defaults: Normalize.In(region)), StringComparison.Ordinal);
}
