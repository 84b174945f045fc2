using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Sdk.Tests.Destinations;

/// <summary>AudienceMember's JSON form, which every activation destination reads.</summary>
public sealed class AudienceMemberJsonTests
{
    [Fact]
    public void ToJson_UsesTheDocumentedNames_AndFromJsonReadsThemBack()
    {
        var member = new AudienceMember
        {
            Email = ["mary@example.com"],
            Phone = ["+15559876543"],
            FirstName = "Mary",
            LastName = "Smith",
            City = "Menlo Park",
            State = "CA",
            PostalCode = "94025",
            Country = "US",
            Birthday = new DateOnly(1990, 7, 4),
            Gender = "female",
            ExternalId = "crm-1",
            Maid = ["6d92078a-8246-4ba4-ae5b-76104861e7dc"],
            Traits = new JsonObject { ["plan"] = "gold" },
            Tags = ["vip"],
            Consent = new Consent { Email = true, Sms = false, Ads = true },
        };

        var json = member.ToJson();
        var back = AudienceMember.FromJson(json);

        Assert.Equal(
            ["email", "phone", "first_name", "last_name", "city", "state", "postal_code", "country", "birthday", "gender", "external_id", "maid", "traits", "tags", "consent"],
            json.Select(p => p.Key));
        Assert.Equal("1990-07-04", json["birthday"]!.GetValue<string>());
        Assert.Equal(member.Email, back.Email);
        Assert.Equal(member.Birthday, back.Birthday);
        Assert.Equal("female", back.Gender);
        Assert.Equal("gold", back.Traits!["plan"]!.GetValue<string>());
        Assert.Equal(member.Consent, back.Consent);
        Assert.Equal(member.Tags, back.Tags);
    }

    [Fact]
    public void FromJson_AcceptsASingleStringWhereAnArrayIsExpected()
    {
        var member = AudienceMember.FromJson(new JsonObject { ["email"] = "mary@example.com", ["tags"] = "vip" });

        Assert.Equal(["mary@example.com"], member.Email);
        Assert.Equal(["vip"], member.Tags);
    }

    [Fact]
    public void ToJson_LeavesOutEmptyAndUnknownFields() =>
        Assert.Equal("{\"email\":[\"a@b.test\"]}", new AudienceMember { Email = ["a@b.test"] }.ToJson().ToJsonString());

    [Theory]
    [InlineData("{\"birthday\":\"04/07/1990\"}", "birthday")]
    [InlineData("{\"email\":{\"a\":1}}", "email")]
    [InlineData("{\"consent\":{\"ads\":\"yes\"}}", "consent.ads")]
    [InlineData("{\"traits\":[1]}", "traits")]
    public void FromJson_NamesTheField_WhenItHasTheWrongShape(string json, string field)
    {
        var ex = Assert.Throws<FormatException>(() => AudienceMember.FromJson(JsonNode.Parse(json)!.AsObject()));

        Assert.Contains($"'{field}'", ex.Message, StringComparison.Ordinal);
    }
}
