using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Sdk.Tests.Canonical;

public sealed class CanonicalSchemasTests
{
    public static TheoryData<CanonicalEntityType, JsonObject> ValidRecords() => new()
    {
        { CanonicalEntityType.ProfileFragment, CanonicalJson.ToJson(CanonicalSamples.Fragment()) },
        { CanonicalEntityType.Event, CanonicalJson.ToJson(CanonicalSamples.Event()) },
        { CanonicalEntityType.Order, CanonicalJson.ToJson(CanonicalSamples.Order()) },
        { CanonicalEntityType.AdPerformance, CanonicalJson.ToJson(CanonicalSamples.AdPerformance()) },
        { CanonicalEntityType.Account, CanonicalJson.ToJson(CanonicalSamples.Account()) },
    };

    [Theory]
    [MemberData(nameof(ValidRecords))]
    public void Validate_AcceptsRecordsBuiltFromTheCSharpTypes(CanonicalEntityType type, JsonObject record)
    {
        Assert.Empty(CanonicalSchemas.Validate(type, record));
    }

    [Fact]
    public void CSharpTypes_RoundTripThroughTheirJsonForm()
    {
        var fragment = CanonicalSamples.Fragment();

        var back = CanonicalJson.FromJson<ProfileFragment>(CanonicalJson.ToJson(fragment));

        Assert.Equal(fragment.Identifiers, back.Identifiers);
        Assert.Equal("customer", back.Traits!.Custom!["lifecycle_stage"].GetString());
        Assert.Equal(fragment.Traits!.Birthday, back.Traits.Birthday);
    }

    [Fact]
    public void Validate_NamesTheMissingRequiredField()
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.Fragment());
        record.Remove("observed_at");

        var violation = Assert.Single(CanonicalSchemas.Validate(CanonicalEntityType.ProfileFragment, record));

        Assert.Contains("observed_at", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GivesThePathOfABadFieldInsideAnArray()
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.Fragment());
        record["identifiers"]![1]!["value"] = "";

        var violation = Assert.Single(CanonicalSchemas.Validate(CanonicalEntityType.ProfileFragment, record));

        Assert.Equal("identifiers[1].value", violation.Path);
        Assert.Equal("is too short", violation.Message);
    }

    [Theory]
    [InlineData("traits.phone", "(415) 555-0132", "does not have the expected format")]
    [InlineData("traits.address.country", "United Kingdom", "does not have the expected format")]
    [InlineData("traits.birthday", "01/04/1990", "must be a date such as 2024-03-05")]
    [InlineData("observed_at", "yesterday", "must be a date-time in ISO 8601")]
    public void Validate_RejectsUnnormalizedFragmentValues_WithThePathAndReason(string path, string value, string reason)
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.Fragment());
        Set(record, path, value);

        var violation = Assert.Single(CanonicalSchemas.Validate(CanonicalEntityType.ProfileFragment, record));

        Assert.Equal(path, violation.Path);
        Assert.StartsWith(reason, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RejectsAnIdentifierTypeThatIsNotASnakeCaseName()
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.Fragment());
        record["identifiers"]![0]!["type"] = "E-Mail";

        var violation = Assert.Single(CanonicalSchemas.Validate(CanonicalEntityType.ProfileFragment, record));

        Assert.Equal("identifiers[0].type", violation.Path);
    }

    [Fact]
    public void Validate_RejectsAnEventWithNeitherUserIdNorAnonymousId()
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.Event());
        record.Remove("user_id");

        var violations = CanonicalSchemas.Validate(CanonicalEntityType.Event, record);

        Assert.Contains(violations, v => v.Message.Contains("user_id", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Message.Contains("anonymous_id", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RejectsAnUnknownEventType()
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.Event());
        record["type"] = "click";

        var violation = Assert.Single(CanonicalSchemas.Validate(CanonicalEntityType.Event, record));

        Assert.Equal("type", violation.Path);
        Assert.Equal("is not one of the allowed values", violation.Message);
    }

    [Theory]
    [InlineData("currency", "usd")]
    [InlineData("channel", "phone")]
    [InlineData("total", "12.50")]
    public void Validate_RejectsABadOrderField(string field, string value)
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.Order());
        record[field] = value;

        var violation = Assert.Single(CanonicalSchemas.Validate(CanonicalEntityType.Order, record));

        Assert.Equal(field, violation.Path);
    }

    [Fact]
    public void Validate_RejectsANegativeQuantityOnALineItem()
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.Order());
        record["line_items"]![0]!["quantity"] = -1;

        var violation = Assert.Single(CanonicalSchemas.Validate(CanonicalEntityType.Order, record));

        Assert.Equal("line_items[0].quantity", violation.Path);
    }

    [Fact]
    public void Validate_RejectsFractionalImpressionsAndUnknownFields_OnAdPerformance()
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.AdPerformance());
        record["impressions"] = 10.5;
        record["cpm"] = 3;

        var violations = CanonicalSchemas.Validate(CanonicalEntityType.AdPerformance, record);

        Assert.Contains(violations, v => v.Path == "impressions" && v.Message == "must be an integer");
        Assert.Contains(violations, v => v.Message == "the field 'cpm' is not allowed here");
    }

    [Fact]
    public void Validate_RejectsAnAccountDomainWithUpperCaseOrScheme()
    {
        var record = CanonicalJson.ToJson(CanonicalSamples.Account());
        record["domain"] = "https://Example.com";

        var violation = Assert.Single(CanonicalSchemas.Validate(CanonicalEntityType.Account, record));

        Assert.Equal("domain", violation.Path);
    }

    [Fact]
    public void Schema_IsSelfContained_WithTheSharedDefinitionsInlined()
    {
        var schema = CanonicalSchemas.Schema(CanonicalEntityType.Order);

        Assert.NotNull(schema["definitions"]!["identifier"]);
        Assert.Equal("https://schemas.connectorhub.dev/canonical/v1/order.schema.json", schema["$id"]!.GetValue<string>());
    }

    private static void Set(JsonObject record, string path, string value)
    {
        var parts = path.Split('.');
        var node = record;
        foreach (var part in parts[..^1])
        {
            node = node[part]!.AsObject();
        }

        node[parts[^1]] = value;
    }
}
