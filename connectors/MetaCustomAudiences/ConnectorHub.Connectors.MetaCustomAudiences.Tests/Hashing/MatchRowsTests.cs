using ConnectorHub.Connectors.MetaCustomAudiences.Hashing;
using ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Hashing;

public sealed class MatchRowsTests
{
    [Fact]
    public void For_HashesEveryPiiField_AndSendsExternIdAndMadidRaw()
    {
        var member = new AudienceMember
        {
            Email = ["mary@example.com"],
            Phone = ["+15559876543"],
            FirstName = "Mary",
            LastName = "Smith",
            City = "Menlo Park",
            State = "California",
            PostalCode = "94025-1234",
            Country = "US",
            Birthday = new DateOnly(1990, 7, 4),
            ExternalId = "crm-000123",
            Maid = ["6D92078A-8246-4BA4-AE5B-76104861E7DC"],
        };

        var row = Assert.Single(MatchRows.For(member).Rows);

        Assert.Equal("f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79", row["EMAIL"]);
        Assert.Equal("1ef970831d7963307784fa8688e8fce101a15685d62aa765fed23f3a2c576a4e", row["PHONE"]);
        Assert.Equal(Sha.Hex("mary"), row["FN"]);
        Assert.Equal(Sha.Hex("smith"), row["LN"]);
        Assert.Equal(Sha.Hex("menlopark"), row["CT"]);
        Assert.Equal(Sha.Hex("ca"), row["ST"]);
        Assert.Equal(Sha.Hex("94025"), row["ZIP"]);
        Assert.Equal(Sha.Hex("us"), row["COUNTRY"]);
        Assert.Equal(Sha.Hex("1990"), row["DOBY"]);
        Assert.Equal(Sha.Hex("07"), row["DOBM"]);
        Assert.Equal(Sha.Hex("04"), row["DOBD"]);
        Assert.Equal("crm-000123", row["EXTERN_ID"]);
        Assert.Equal("6d92078a-8246-4ba4-ae5b-76104861e7dc", row["MADID"]);
    }

    [Fact]
    public void For_NeverSendsARawValue_ForAHashedKey()
    {
        var member = new AudienceMember { Email = ["mary@example.com"], Phone = ["+15559876543"], FirstName = "Mary", City = "Paris", Country = "FR" };

        foreach (var (key, value) in MatchRows.For(member).Rows.SelectMany(r => r))
        {
            Assert.Matches("^[0-9a-f]{64}$", value);
            Assert.False(MetaMatchKey.IsUnhashed(key));
        }
    }

    [Fact]
    public void For_GivesOneRowPerExtraEmail_EachWithTheSharedFields()
    {
        var member = new AudienceMember { Email = ["a@shop.test", "b@shop.test", "A@shop.test"], Phone = ["+15559876543"], LastName = "Smith" };

        var rows = MatchRows.For(member).Rows;

        Assert.Equal(2, rows.Count);
        Assert.Equal([Sha.Hex("a@shop.test"), Sha.Hex("b@shop.test")], rows.Select(r => r["EMAIL"]));
        Assert.True(rows[0].ContainsKey("PHONE"));
        Assert.False(rows[1].ContainsKey("PHONE"));
        Assert.All(rows, r => Assert.Equal(Sha.Hex("smith"), r["LN"]));
    }

    [Fact]
    public void For_CapsRowsPerMember()
    {
        var member = new AudienceMember { Email = Enumerable.Range(0, 25).Select(i => $"p{i}@shop.test").ToArray() };

        Assert.Equal(MatchRows.MaxRowsPerMember, MatchRows.For(member).Rows.Count);
    }

    [Fact]
    public void For_AcceptsNameWithPostalCode_AsAnIdentifier()
    {
        var member = new AudienceMember { FirstName = "Mary", LastName = "Smith", PostalCode = "94025", Country = "US" };

        Assert.Single(MatchRows.For(member).Rows);
    }

    [Fact]
    public void For_HasNoRows_AndSaysWhy_WhenNoIdentifierIsUsable()
    {
        var member = new AudienceMember { Email = ["not-an-email"], Phone = ["123"], FirstName = "Mary", City = "Paris" };

        var rows = MatchRows.For(member);

        Assert.Empty(rows.Rows);
        Assert.Contains("No usable identifier", rows.Problem, StringComparison.Ordinal);
        Assert.Contains("1 email(s)", rows.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("not-an-email", rows.Problem, StringComparison.Ordinal);
    }
}
