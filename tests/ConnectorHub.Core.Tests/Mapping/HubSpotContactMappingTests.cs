using ConnectorHub.Core.Mapping;

namespace ConnectorHub.Core.Tests.Mapping;

public class HubSpotContactMappingTests
{
    private static readonly CompiledMapping Mapping = MappingCompiler.Compile(Samples.HubSpotContactsYaml, "contacts.yaml");

    [Fact]
    public void Map_TurnsAHubSpotContact_IntoAValidProfileFragment()
    {
        var outcome = Mapping.Map(Samples.HubSpotContact());

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.Equal(
            """
            {"source":"hubspot","record_key":"51","observed_at":"2024-06-01T08:00:00+00:00","identifiers":[{"type":"hubspot.contact_id","value":"51"},{"type":"email","value":"ann.lee@example.com"},{"type":"phone","value":"+14155550132"}],"traits":{"first_name":"Ann","last_name":"Lee","email":"ann.lee@example.com","phone":"+14155550132","company":"Acme Corp","title":"CTO","birthday":"1990-07-04","created_at":"2024-01-05T10:11:12.345+00:00","address":{"city":"London","country":"GB"},"lifecycle_stage":"customer","full_name":"Ann Lee","email_sha256":"bd2cfb5b9b7f9e54d1f75fd4a3b0c0dc6eb3b0b5a4d5f2f8f9b4a38fe1c5e5a0","lead_score":42},"consent":{"email":true}}
            """.Replace("bd2cfb5b9b7f9e54d1f75fd4a3b0c0dc6eb3b0b5a4d5f2f8f9b4a38fe1c5e5a0", Sha256("ann.lee@example.com"), StringComparison.Ordinal),
            Samples.Json(outcome.Entity));
    }

    [Fact]
    public void Map_LeavesOutTheIdentifier_WhenTheContactHasNoEmail()
    {
        var outcome = Mapping.Map(Samples.HubSpotContact(email: ""));

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.DoesNotContain("\"email\"", Samples.Json(outcome.Entity!["identifiers"]), StringComparison.Ordinal);
        Assert.Null(outcome.Entity!["traits"]!["email"]);
    }

    [Fact]
    public void Map_SkipsArchivedContacts_WithoutRejectingThem()
    {
        var outcome = Mapping.Map(Samples.HubSpotContact(archived: true));

        Assert.Equal(MappingStatus.Skipped, outcome.Status);
        Assert.Empty(outcome.Errors);
    }

    [Fact]
    public void Map_UsesTheDefault_WhenTheSourceHasNoValue()
    {
        var contact = Samples.HubSpotContact();
        contact["properties"]!["hubspotscore"] = null;

        Assert.Equal(0, Mapping.Map(contact).Entity!["traits"]!["lead_score"]!.GetValue<long>());
    }

    [Fact]
    public void Map_DoesNotChangeTheSourceRecord()
    {
        var contact = Samples.HubSpotContact();
        var before = Samples.Json(contact);

        Mapping.Map(contact);

        Assert.Equal(before, Samples.Json(contact));
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
