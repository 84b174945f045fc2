using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Sandbox.Seed;
using ConnectorHub.Sandbox.Square.Seed;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Mappings;

/// <summary>mappings/customers.yaml against the customers the emulator seeded (the shared people), read by the real connector.</summary>
public sealed class CustomersMappingTests : IAsyncLifetime
{
    private static readonly SquareSeedOptions Seed = new();
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync(Seed);

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public void DefaultMappings_CompileFromThePluginFolder_ForCustomersAndOrders_ButNotPayments()
    {
        var mappings = DefaultMappings.Load();

        Assert.Equal(["customers", "orders"], mappings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CanonicalEntityType.ProfileFragment, Assert.Single(mappings["customers"]).EntityType);
        Assert.Equal(new[] { CanonicalEntityType.Order, CanonicalEntityType.ProfileFragment }.Order(), mappings["orders"].Select(m => m.EntityType).Order());
    }

    [Fact]
    public async Task Map_EverySeededCustomer_WithoutRejections_AndWithTheSharedPeoplesIdentifiers()
    {
        var mapping = DefaultMappings.Of("customers", CanonicalEntityType.ProfileFragment);
        var customers = (await _sandbox.ReadAsync(SyncMode.FullRefresh, config: _sandbox.Config(pageSize: 100), streams: "customers")).Records("customers");
        var person = PersonOfCustomer();

        Assert.Equal(Seed.Customers, customers.Count);
        foreach (var customer in customers)
        {
            var entity = mapping.MapOrFail(customer);
            var id = customer["id"]!.GetValue<string>();
            var who = person(id);
            Assert.Equal("square", entity["source"]!.GetValue<string>());
            Assert.Equal(id, entity["record_key"]!.GetValue<string>());
            Assert.Equal([id], DefaultMappings.IdentifiersOf(entity, "square.customer_id"));
            Assert.Equal(customer["email_address"] is null ? [] : [who.Email], DefaultMappings.IdentifiersOf(entity, "email"));
            Assert.Equal(customer["phone_number"] is null ? [] : [$"+1{who.PhoneDigits}"], DefaultMappings.IdentifiersOf(entity, "phone"));
            Assert.Equal(who.FirstName, entity["traits"]!["first_name"]!.GetValue<string>());
            Assert.Equal(who.LastName, entity["traits"]!["last_name"]!.GetValue<string>());
            Assert.Equal(DefaultMappings.Instant(customer["updated_at"]), DefaultMappings.Instant(entity["observed_at"]));
            Assert.Equal(DefaultMappings.Instant(customer["created_at"]), DefaultMappings.Instant(entity["traits"]!["created_at"]));
            if (customer["address"] is not null)
            {
                Assert.Equal("US", entity["traits"]!["address"]!["country"]!.GetValue<string>());
                Assert.Equal(who.Address.PostalCode, entity["traits"]!["address"]!["postal_code"]!.GetValue<string>());
            }
        }

        // The source really is messy, so the mapping did the normalizing.
        Assert.Contains(customers, c => Text(c, "email_address") is { } e && !e.Equals(e.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Contains(customers, c => Text(c, "phone_number") is { } p && !p.StartsWith("+1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Map_SeededCustomers_KeepFullBirthdaysAndCompanies_AndOptOutsAsConsent()
    {
        var mapping = DefaultMappings.Of("customers", CanonicalEntityType.ProfileFragment);
        var customers = (await _sandbox.ReadAsync(SyncMode.FullRefresh, config: _sandbox.Config(pageSize: 100), streams: "customers")).Records("customers");
        var person = PersonOfCustomer();

        var entities = customers.Select(c => (Customer: c, Entity: mapping.MapOrFail(c))).ToList();

        var withYear = entities.Where(x => Text(x.Customer, "birthday") is { } b && !b.StartsWith("0000", StringComparison.Ordinal)).ToList();
        var withoutYear = entities.Where(x => Text(x.Customer, "birthday") is { } b && b.StartsWith("0000", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(withYear);
        Assert.NotEmpty(withoutYear);
        Assert.All(withYear, x => Assert.Equal(person(Text(x.Customer, "id")!).BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), x.Entity["traits"]!["birthday"]!.GetValue<string>()));
        Assert.All(withoutYear, x => Assert.Null(x.Entity["traits"]!["birthday"]));
        Assert.Contains(entities, x => x.Entity["traits"]!["company"] is not null);
        Assert.All(entities.Where(x => x.Entity["traits"]!["company"] is not null), x => Assert.Equal(person(Text(x.Customer, "id")!).Company, x.Entity["traits"]!["company"]!.GetValue<string>()));
        var unsubscribed = entities.Where(x => x.Customer["preferences"]!["email_unsubscribed"]!.GetValue<bool>()).ToList();
        Assert.NotEmpty(unsubscribed);
        Assert.All(unsubscribed, x => Assert.False(x.Entity["consent"]!["email"]!.GetValue<bool>()));
        Assert.All(entities.Except(unsubscribed), x => Assert.Null(x.Entity["consent"]));
    }

    [Fact]
    public void Map_ACustomerWithAPhoneThatIsNotANumber_KeepsTheCustomer_WithoutThePhone()
    {
        var customer = new JsonObject
        {
            ["id"] = "JDKYHBWT1D4F8MFH63DBMEN8Y4",
            ["created_at"] = "2024-01-05T10:11:12.345Z",
            ["updated_at"] = "2024-06-01T08:00:00Z",
            ["given_name"] = "  Amelia ",
            ["email_address"] = " Amelia.Earhart@Example.com ",
            ["phone_number"] = "ask at the counter",
        };

        var entity = DefaultMappings.Of("customers", CanonicalEntityType.ProfileFragment).MapOrFail(customer);

        Assert.Empty(DefaultMappings.IdentifiersOf(entity, "phone"));
        Assert.Null(entity["traits"]!["phone"]);
        Assert.Equal(["amelia.earhart@example.com"], DefaultMappings.IdentifiersOf(entity, "email"));
        Assert.Equal("Amelia", entity["traits"]!["first_name"]!.GetValue<string>());
    }

    [Fact]
    public void Map_ACustomerWithAnEmailThatIsNotOne_IsRejected_NamingTheRule()
    {
        var customer = new JsonObject
        {
            ["id"] = "C1",
            ["created_at"] = "2024-01-05T10:11:12.345Z",
            ["updated_at"] = "2024-06-01T08:00:00Z",
            ["email_address"] = "amelia@",
        };

        var outcome = DefaultMappings.Of("customers", CanonicalEntityType.ProfileFragment).Map(customer);

        Assert.Equal(MappingStatus.Rejected, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.ToString().Contains("identifiers[]", StringComparison.Ordinal));
    }

    /// <summary>The shared person a customer id belongs to: customer <c>i</c> of the seed is person <c>FirstPerson + i</c>.</summary>
    private Func<string, SandboxPerson> PersonOfCustomer()
    {
        var people = new SandboxPeople();
        var positions = _sandbox.Emulator.Customers.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return id => people.Get(Seed.FirstPerson + positions[id]);
    }

    private static string? Text(JsonObject record, string name) => record[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
