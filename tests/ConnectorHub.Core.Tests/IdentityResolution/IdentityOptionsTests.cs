using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.IdentityResolution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Tests.IdentityResolution;

public sealed class IdentityOptionsTests
{
    [Fact]
    public void ConfiguredTypes_OverrideAndExtendTheDefaults()
    {
        var rules = Bind(new()
        {
            ["ConnectorHub:Identity:Types:email:Limit"] = "2",
            ["ConnectorHub:Identity:Types:loyalty_card:Priority"] = "3",
            ["ConnectorHub:Identity:Types:loyalty_card:Limit"] = "1",
            ["ConnectorHub:Identity:BlockedValues:0"] = "support@company.com",
        }).GetRequiredService<IdentityRules>();

        Assert.Equal((2, 2), (rules.RuleFor("email").Priority, rules.RuleFor("email").Limit));
        Assert.Equal((1, 1), (rules.RuleFor("user_id").Priority, rules.RuleFor("user_id").Limit));
        Assert.Equal((3, 1), (rules.RuleFor("loyalty_card").Priority, rules.RuleFor("loyalty_card").Limit));
        Assert.Equal("ConnectorHub:Identity:Types:*.contact_id", rules.RuleFor("hubspot.contact_id").Key);
        Assert.Equal("ConnectorHub:Identity:Types:*.*", rules.RuleFor("shopify.id").Key);
        Assert.Equal("ConnectorHub:Identity:DefaultRule", rules.RuleFor("badge").Key);
        Assert.NotNull(rules.BlockedReason("email", "support@company.com"));
        Assert.NotNull(rules.BlockedReason("user_id", "undefined"));
        Assert.NotNull(rules.BlockedReason("phone", "+000000"));
        Assert.Null(rules.BlockedReason("email", "ann@example.com"));
    }

    [Fact]
    public void BadSettings_AreRefusedAtStart_NamingEachOne()
    {
        var services = Bind(new()
        {
            ["ConnectorHub:Identity:Types:email:Limit"] = "-1",
            ["ConnectorHub:Identity:Types:email:Blocked:0"] = "([a-z",
            ["ConnectorHub:Identity:Types:Bad Type:Priority"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IdentityOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("ConnectorHub:Identity:Types:email:Limit is -1", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ConnectorHub:Identity:Types:email:Blocked:0 '([a-z' is not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("'Bad Type' is not an identifier type", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ConnectorHub:Identity:Types:Bad Type:Priority is 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("email", " Ann@Example.COM ", "ann@example.com")]
    [InlineData("phone", "+1 (555) 010-0200", "+15550100200")]
    [InlineData("phone", "0044 20 7946 0000", "+442079460000")]
    [InlineData("User_ID", " AbC ", "AbC")]
    public void Identifiers_AreNormalizedTheSameWayAtIngestionAndLookup(string type, string value, string expected)
    {
        Assert.Equal(expected, IdentifierNormalizer.Normalize(type, value).Value);
        Assert.Equal(expected, IdentifierNormalizer.Parse($"{type}:{value}")!.Value);
    }

    private static ServiceProvider Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddProfiles();
        return services.BuildServiceProvider();
    }
}
