using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Members;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Members;

public sealed class MergeFieldMapTests
{
    private static readonly Dictionary<string, string> ListFields = new()
    {
        ["FNAME"] = "text", ["LNAME"] = "text", ["BIRTHDAY"] = "birthday", ["LTV"] = "number", ["PLAN"] = "text", ["SINCE"] = "date",
    };

    private static readonly AudienceMember Mary = new()
    {
        FirstName = "Mary",
        LastName = "Smith",
        Phone = ["+15559876543"],
        Birthday = new DateOnly(1990, 7, 4),
        Traits = new JsonObject { ["ltv"] = "123.5", ["plan"] = "gold", ["since"] = "2020-01-31" },
    };

    [Fact]
    public void Defaults_ApplyOnlyToFieldsTheListHas()
    {
        var values = MergeFieldMap.Build(null, ListFields, "l1").Values(Mary);

        Assert.Equal("""{"FNAME":"Mary","LNAME":"Smith","BIRTHDAY":"07/04"}""", values.ToJsonString());
    }

    [Fact]
    public void ConfiguredMapping_ReadsTraits_AndFormatsByFieldType()
    {
        var map = MergeFieldMap.Build(new Dictionary<string, string> { ["ltv"] = "LTV", ["traits.plan"] = "PLAN", ["since"] = "SINCE", ["missing"] = "FNAME" }, ListFields, "l1");

        var values = map.Values(Mary);

        Assert.Equal(123.5, values["LTV"]!.GetValue<double>());
        Assert.Equal("gold", values["PLAN"]!.GetValue<string>());
        Assert.Equal("2020-01-31", values["SINCE"]!.GetValue<string>());
        Assert.Null(values["FNAME"]);
    }

    [Fact]
    public void Build_RefusesATagTheListLacks_NamingItAndHowToFixIt()
    {
        var ex = Assert.Throws<ConfigurationException>(() => MergeFieldMap.Build(new Dictionary<string, string> { ["plan"] = "TIER" }, ListFields, "l1"));

        Assert.Contains("TIER", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Audience fields", ex.Message, StringComparison.Ordinal);
    }
}
