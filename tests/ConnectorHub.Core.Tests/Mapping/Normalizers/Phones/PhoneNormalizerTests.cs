namespace ConnectorHub.Core.Tests.Mapping.Normalizers.Phones;

public class PhoneNormalizerTests
{
    [Theory]
    // United States
    [InlineData("(415) 555-0132", "US", "+14155550132")]
    [InlineData("415.555.0132", "US", "+14155550132")]
    [InlineData("1-415-555-0132", "US", "+14155550132")]
    [InlineData("+1 (415) 555-0132", null, "+14155550132")]
    [InlineData("+1-212-555-4240", "GB", "+12125554240")]
    [InlineData("011 44 20 7946 0958", "US", "+442079460958")]
    // United Kingdom
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("07911 123456", "GB", "+447911123456")]
    [InlineData("0044 20 7946 0958", "US", "+442079460958")]
    [InlineData("+44 (0)20 7946 0958", null, "+442079460958")]
    [InlineData("+44 020 7946 0958", null, "+442079460958")]
    // Germany
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("+49 (0)30 1234567", null, "+49301234567")]
    [InlineData("0151 23456789", "DE", "+4915123456789")]
    // France
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("01 23 45 67 89", "FR", "+33123456789")]
    [InlineData("tel:+33 1 23 45 67 89", null, "+33123456789")]
    // India
    [InlineData("98765 43210", "IN", "+919876543210")]
    [InlineData("+91-98765-43210", null, "+919876543210")]
    [InlineData("022 2778 0000", "IN", "+912227780000")]
    // Brazil
    [InlineData("(11) 91234-5678", "BR", "+5511912345678")]
    [InlineData("+55 21 3456-7890", null, "+552134567890")]
    // Japan
    [InlineData("090-1234-5678", "JP", "+819012345678")]
    [InlineData("03-1234-5678", "JP", "+81312345678")]
    [InlineData("010 44 20 7946 0958", "JP", "+442079460958")]
    // Australia
    [InlineData("0412 345 678", "AU", "+61412345678")]
    [InlineData("(02) 9374 4000", "AU", "+61293744000")]
    [InlineData("0011 1 415 555 0132", "AU", "+14155550132")]
    // Elsewhere: Italy keeps its leading 0, Russia's trunk prefix is 8
    [InlineData("06 1234 5678", "IT", "+390612345678")]
    [InlineData("8 (812) 123-45-67", "RU", "+78121234567")]
    public void Phone_WritesE164_ForNumbersAsPeopleTypeThem(string input, string? region, string expected) =>
        Assert.Equal(expected, Normalize.Text("phone", input, defaults: Normalize.In(region)));

    [Theory]
    [InlineData("(415) 555-0132 ext. 12", "US", "+14155550132")]
    [InlineData("415-555-0132 x7", "US", "+14155550132")]
    [InlineData("+44 20 7946 0958 ext 123", null, "+442079460958")]
    [InlineData("+49 30 1234567 ext. 45", null, "+49301234567")]
    [InlineData("+91 98765 43210 #5", null, "+919876543210")]
    public void Phone_DropsExtensions(string input, string? region, string expected) =>
        Assert.Equal(expected, Normalize.Text("phone", input, defaults: Normalize.In(region)));

    [Theory]
    [InlineData("1-800-FLOWERS", "US", "+18003569377")]
    [InlineData("1 (800) GOT-JUNK", "US", "+18004685865")]
    [InlineData("0800 REVERSE", "GB", "+448007383773")]
    public void Phone_ReadsVanityNumbers_AsTheirKeypadDigits(string input, string region, string expected) =>
        Assert.Equal(expected, Normalize.Text("phone", input, defaults: Normalize.In(region)));

    [Fact]
    public void Phone_UsesTheRegionArgument_OverTheMappingDefault() =>
        Assert.Equal("+442079460958", Normalize.Text("phone", "020 7946 0958", new() { ["region"] = "GB" }, Normalize.In("US")));

    [Theory]
    [InlineData("555-0132", "US", "'555-0132' is not a valid US phone number: a local number without its area code")]
    [InlineData("(015) 555-0132", "US", "'(015) 555-0132' is not a valid US phone number: not in a number range US uses")]
    [InlineData("+1 (555) 987-6543", null, "'+1 (555) 987-6543' is not a valid US phone number: not in a number range US uses")]
    [InlineData("(415) 555-0132", null, "'(415) 555-0132' has no country code (+...) and no default region is set: set settings.default_region")]
    [InlineData("+999 1234 5678", null, "'+999 1234 5678' does not start with a known country calling code")]
    [InlineData("call me maybe", "US", "'call me maybe' is not a phone number")]
    [InlineData("020 7946 09581234", "GB", "'020 7946 09581234' is not a valid GB phone number: too long (14 digits after the country code +44)")]
    [InlineData("12", "US", "'12' is not a valid US phone number: too short (2 digits after the country code +1)")]
    [InlineData("+49 30 12", null, "'+49 30 12' is not a valid DE phone number")]
    [InlineData("0612 3456", "FR", "'0612 3456' is not a valid FR phone number: too short (8 digits after the country code +33)")]
    [InlineData("+91 98765", null, "'+91 98765' is not a valid IN phone number: too short (5 digits after the country code +91)")]
    [InlineData("(11) 1234", "BR", "'(11) 1234' is not a valid BR phone number")]
    [InlineData("+81 3 1234", null, "'+81 3 1234' is not a valid JP phone number")]
    [InlineData("0412 345", "AU", "'0412 345' is not a valid AU phone number: not in a number range AU uses")]
    [InlineData("15559876543", "GB", "'15559876543' is not a valid GB phone number")]
    public void Phone_Fails_WithTheReason_ForNumbersThatCannotBeRight(string input, string? region, string reason) =>
        Assert.StartsWith(reason, Normalize.Error("phone", input, defaults: Normalize.In(region)), StringComparison.Ordinal);
}
