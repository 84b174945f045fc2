using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sandbox.Seed;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.HubSpot.Tests.Mappings;

/// <summary>mappings/contacts.yaml against contacts the emulator seeded, read by the real connector.</summary>
public sealed class ContactsMappingTests : IAsyncLifetime
{
    private const int Contacts = 300;
    private HubSpotEmulatorScope _scope = null!;

    public async Task InitializeAsync() => _scope = await HubSpotEmulatorScope.StartAsync(new HubSpotEmulatorOptions { Contacts = Contacts, Companies = 5, Deals = 5 });

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public void DefaultMappings_CompileFromThePluginFolder_ForContactsAndCompanies_ButNotDeals()
    {
        var mappings = DefaultMappings.Load();

        Assert.Equal(["companies", "contacts"], mappings.Keys.Order());
        Assert.Equal(CanonicalEntityType.ProfileFragment, DefaultMappings.Of("contacts").EntityType);
        Assert.Equal(CanonicalEntityType.Account, DefaultMappings.Of("companies").EntityType);
    }

    [Fact]
    public async Task Map_EverySeededContact_WithoutRejections_AndWithNormalizedIdentifiers()
    {
        var mapping = DefaultMappings.Of("contacts");
        var contacts = (await _scope.ReadAsync(_scope.PrivateAppConfig(100), "contacts", SyncMode.FullRefresh)).Records.Select(r => r.Data).ToArray();
        var people = new SandboxPeople();

        Assert.Equal(Contacts, contacts.Length);
        foreach (var contact in contacts)
        {
            var entity = mapping.MapOrFail(contact);
            var id = contact["id"]!.GetValue<string>();
            var person = people.Get(int.Parse(id, CultureInfo.InvariantCulture) - 1001);
            Assert.Equal([id], DefaultMappings.IdentifiersOf(entity, "hubspot.contact_id"));
            Assert.Equal([person.Email], DefaultMappings.IdentifiersOf(entity, "email"));
            Assert.All(DefaultMappings.IdentifiersOf(entity, "phone"), phone => Assert.Equal($"+1{person.PhoneDigits}", phone));
            Assert.NotEmpty(DefaultMappings.IdentifiersOf(entity, "phone"));
            Assert.Equal(person.Email, entity["traits"]!["email"]!.GetValue<string>());
            Assert.Equal("US", entity["traits"]!["address"]!["country"]!.GetValue<string>());
            Assert.Equal(contact["properties"]!["lastmodifieddate"]!.GetValue<string>(), Instant(entity["observed_at"]));
        }

        // The seeded source really is messy: the mapping did the normalizing.
        Assert.Contains(contacts, c => Property(c, "email").Any(char.IsUpper));
        Assert.Contains(contacts, c => !Property(c, "phone").StartsWith('+'));
    }

    [Fact]
    public void Map_ContactWithAPhoneThatIsNotANumber_KeepsTheContact_WithoutThePhone()
    {
        var contact = Contact(phone: "call after 5pm");

        var entity = DefaultMappings.Of("contacts").MapOrFail(contact);

        Assert.Empty(DefaultMappings.IdentifiersOf(entity, "phone"));
        Assert.Null(entity["traits"]!["phone"]);
        Assert.Equal(["ann.lee@example.com"], DefaultMappings.IdentifiersOf(entity, "email"));
    }

    [Fact]
    public void Map_ArchivedContact_IsSkippedNotRejected()
    {
        var contact = Contact(phone: "(415) 555-0132");
        contact["archived"] = true;

        Assert.Equal(MappingStatus.Skipped, DefaultMappings.Of("contacts").Map(contact).Status);
    }

    private static JsonObject Contact(string phone) => new()
    {
        ["id"] = "51",
        ["properties"] = new JsonObject
        {
            ["email"] = " Ann.Lee@Example.COM ",
            ["firstname"] = "Ann",
            ["phone"] = phone,
            ["lastmodifieddate"] = "2024-06-01T08:00:00.000Z",
        },
        ["createdAt"] = "2024-01-05T10:11:12.345Z",
        ["updatedAt"] = "2024-06-01T08:00:00.000Z",
        ["archived"] = false,
    };

    private static string Property(JsonObject record, string name) => record["properties"]![name]!.GetValue<string>();

    /// <summary>The entity's instant written as HubSpot writes it, to compare with the source.</summary>
    private static string Instant(JsonNode? value) =>
        DateTimeOffset.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
