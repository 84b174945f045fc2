using ConnectorHub.Sdk.Destinations.Hashing;
using ConnectorHub.Connectors.MetaCustomAudiences.Hashing;
using ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Hashing;

public sealed class MetaNormalizerTests
{
    // Meta's documented vectors (Custom Audiences guide, "Hashing and Normalizing Data").
    private const string MaryEmailHash = "f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79";
    private const string PhoneHash = "1ef970831d7963307784fa8688e8fce101a15685d62aa765fed23f3a2c576a4e";

    [Fact]
    public void Sha256_MatchesMetasDocumentedVectors()
    {
        Assert.Equal(MaryEmailHash, IdentifierHashing.Sha256("mary@example.com"));
        Assert.Equal(PhoneHash, IdentifierHashing.Sha256("15559876543"));
    }

    [Theory]
    [InlineData("mary@example.com")]
    [InlineData("  Mary@Example.COM ")]
    [InlineData("MARY@EXAMPLE.COM\t")]
    public void Email_IsTrimmedAndLowerCased_ToTheDocumentedHash(string raw) =>
        Assert.Equal(MaryEmailHash, IdentifierHashing.Sha256(MetaNormalizer.Email(raw)!));

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Email_IsNull_WhenNotAnAddress(string? raw) => Assert.Null(MetaNormalizer.Email(raw));

    [Theory]
    [InlineData("+15559876543")]
    [InlineData("+1 (555) 987-6543")]
    [InlineData("1-555-987-6543")]
    [InlineData("001 555 987 6543")]
    public void Phone_KeepsDigitsWithCountryCode_NoPlusNoLeadingZeros_ToTheDocumentedHash(string raw)
    {
        Assert.Equal("15559876543", MetaNormalizer.Phone(raw));
        Assert.Equal(PhoneHash, IdentifierHashing.Sha256(MetaNormalizer.Phone(raw)!));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+1234567890123456")]
    [InlineData("call me")]
    public void Phone_IsNull_WhenNotSevenToFifteenDigits(string raw) => Assert.Null(MetaNormalizer.Phone(raw));

    [Theory]
    [InlineData("Mary", "mary")]
    [InlineData("  Mary-Ann O'Neil ", "maryannoneil")]
    [InlineData("José", "josé")]
    [InlineData("Zoë 3", "zoë")]
    [InlineData("李小龍", "李小龍")]
    public void Name_IsLowerCaseLettersOnly_KeepingUtf8Letters(string raw, string expected) =>
        Assert.Equal(expected, MetaNormalizer.Name(raw));

    [Fact]
    public void Name_ComposesDecomposedAccents_SoBothSpellingsHashAlike() =>
        Assert.Equal(MetaNormalizer.Name("Jose\u0301"), MetaNormalizer.Name("José"));

    [Theory]
    [InlineData("Menlo Park", "menlopark")]
    [InlineData("St. Louis", "stlouis")]
    [InlineData("Winston-Salem", "winstonsalem")]
    public void City_IsLowerCaseWithoutSpacesOrPunctuation(string raw, string expected) =>
        Assert.Equal(expected, MetaNormalizer.City(raw));

    [Theory]
    [InlineData("CA", "us", "ca")]
    [InlineData("California", "us", "ca")]
    [InlineData("N.Y.", "us", "ny")]
    [InlineData("new york", null, "ny")]
    [InlineData("Bayern", "de", "bayern")]
    [InlineData("Not A State", "us", null)]
    public void State_IsTheTwoLetterCodeForUs_AndCleanedLowerCaseElsewhere(string raw, string? country, string? expected) =>
        Assert.Equal(expected, MetaNormalizer.State(raw, country));

    [Theory]
    [InlineData("94025", "us", "94025")]
    [InlineData("94025-1234", "us", "94025")]
    [InlineData("94025-1234", null, "94025")]
    [InlineData("SW1A 1AA", "gb", "sw1a1aa")]
    [InlineData("1234", "us", null)]
    public void Zip_IsLowerCaseWithoutSpaces_AndFiveDigitsForUs(string raw, string? country, string? expected) =>
        Assert.Equal(expected, MetaNormalizer.Zip(raw, country));

    [Theory]
    [InlineData("US", "us")]
    [InlineData(" gb ", "gb")]
    [InlineData("USA", null)]
    [InlineData("U1", null)]
    public void Country_IsLowerCaseIsoAlpha2(string raw, string? expected) => Assert.Equal(expected, MetaNormalizer.Country(raw));

    [Fact]
    public void BirthDate_IsYearMonthDay_ZeroPadded() =>
        Assert.Equal(("1990", "07", "04"), MetaNormalizer.BirthDate(new DateOnly(1990, 7, 4)));

    [Theory]
    [InlineData("6D92078A-8246-4BA4-AE5B-76104861E7DC", "6d92078a-8246-4ba4-ae5b-76104861e7dc")]
    [InlineData(" 6d92078a-8246-4ba4-ae5b-76104861e7dc ", "6d92078a-8246-4ba4-ae5b-76104861e7dc")]
    [InlineData("not-a-maid", null)]
    public void MobileAdvertiserId_IsLowerCaseWithHyphens(string raw, string? expected) =>
        Assert.Equal(expected, MetaNormalizer.MobileAdvertiserId(raw));

    [Fact]
    public void ExternalId_IsKeptAsIs_OnlyTrimmed() => Assert.Equal("CRM-000123", MetaNormalizer.ExternalId("  CRM-000123 "));

    [Fact]
    public void Vectors_AreAlsoWhatAnIndependentSha256Gives() => Assert.Equal(MaryEmailHash, Sha.Hex("mary@example.com"));
}
