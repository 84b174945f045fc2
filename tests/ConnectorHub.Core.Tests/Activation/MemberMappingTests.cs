using System.Text.Json;
using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Tests.Activation;

public sealed class MemberMappingTests
{
    private static readonly ProfileData Ann = new(
        1,
        new[] { ("email", "ann@shop.test"), ("email", "ann.work@shop.test"), ("phone", "+15559876543"), ("user_id", "u-1"), ("maid", "6d92078a-8246-4ba4-ae5b-76104861e7dc") }
            .ToLookup(i => i.Item1, i => i.Item2, StringComparer.Ordinal),
        new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["first_name"] = Json("\"Ann\""),
            ["last_name"] = Json("\"Lee\""),
            ["birthday"] = Json("\"1990-05-01\""),
            ["gender"] = Json("\"female\""),
            ["address"] = Json("""{"city":"Menlo Park","state":"CA","postal_code":"94025","country":"US"}"""),
            ["plan"] = Json("\"gold\""),
            ["consent.ads"] = Json("true"),
            ["consent.email"] = Json("false"),
        });

    [Fact]
    public void Build_FillsEveryDefaultField_FromIdentifiersAndTraits_WithoutHashing()
    {
        var member = Compile(new ActivationMapping { Traits = ["plan"] }).Build(Ann);

        Assert.Equal(["ann@shop.test", "ann.work@shop.test"], member.Email);
        Assert.Equal(["+15559876543"], member.Phone);
        Assert.Equal(("Ann", "Lee"), (member.FirstName, member.LastName));
        Assert.Equal(("Menlo Park", "CA", "94025", "US"), (member.City, member.State, member.PostalCode, member.Country));
        Assert.Equal(new DateOnly(1990, 5, 1), member.Birthday);
        Assert.Equal("female", member.Gender);
        Assert.Equal("u-1", member.ExternalId);
        Assert.Equal(["6d92078a-8246-4ba4-ae5b-76104861e7dc"], member.Maid);
        Assert.Equal("gold", member.Traits!["plan"]!.GetValue<string>());
        Assert.Equal((true, false), (member.Consent!.Ads, member.Consent.Email));
    }

    [Fact]
    public void Build_UsesTheFirstSourceWithAValue_AndAnEmptySourceTurnsAFieldOff()
    {
        var mapping = Compile(new ActivationMapping
        {
            Fields = new() { ["external_id"] = "identifier:crm_id|trait:plan", ["phone"] = "", ["first_name"] = "trait:nickname|trait:first_name" },
        });

        var member = mapping.Build(Ann);

        Assert.Equal("gold", member.ExternalId);
        Assert.Empty(member.Phone);
        Assert.Equal("Ann", member.FirstName);
    }

    [Fact]
    public void Compile_NamesUnknownFieldsAndSourcesThatAreNeitherIdentifierNorTrait()
    {
        var errors = new ValidationErrors();
        MemberMapping.Compile(new ActivationMapping { Fields = new() { ["shoe_size"] = "trait:shoe", ["email"] = "column:email" } }, errors);

        var problem = Assert.Throws<HubValidationException>(errors.ThrowIfAny);
        Assert.Contains("'shoe_size' is not an audience member field", problem.Errors["mapping.fields.shoe_size"][0], StringComparison.Ordinal);
        Assert.Contains("'column:email' is not a source", problem.Errors["mapping.fields.email"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadHash_ChangesWithTheData_AndNotOtherwise()
    {
        var mapping = Compile(new ActivationMapping());
        var renamed = Ann with { Traits = new Dictionary<string, JsonElement>(Ann.Traits, StringComparer.Ordinal) { ["first_name"] = Json("\"Anne\"") } };

        Assert.Equal(PayloadHash.Of(mapping.Build(Ann).ToJson()), PayloadHash.Of(mapping.Build(Ann).ToJson()));
        Assert.NotEqual(PayloadHash.Of(mapping.Build(Ann).ToJson()), PayloadHash.Of(mapping.Build(renamed).ToJson()));
    }

    private static MemberMapping Compile(ActivationMapping mapping)
    {
        var errors = new ValidationErrors();
        var compiled = MemberMapping.Compile(mapping, errors);
        errors.ThrowIfAny();
        return compiled;
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
