using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Stripe.Tests.Support;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Seed;
using ConnectorHub.Sandbox.Stripe;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Mappings;
using ConnectorHub.Sdk.Testing.Reading;

namespace ConnectorHub.Connectors.Stripe.Tests.Mappings;

/// <summary>The plugin's default mappings, as the hub loads them from its folder, against records the connector read from the emulator.</summary>
public sealed class DefaultMappingTests : IAsyncLifetime
{
    [Fact]
    public async Task KitMappingAssertions_EveryCustomerAndChargeMapsToAValidCanonicalEntity()
    {
        var fixture = new StripeSourceFixture();
        await fixture.InitializeAsync();
        try
        {
            var mappings = MappingFolder.LoadAll(StripePlugin.Folder);
            var customers = await MappingAssertions.DefaultMappingMapsSampleRecordsAsync(fixture, "customers", CanonicalEntityType.ProfileFragment, Mapper(mappings["customers"][0]));
            var orders = await MappingAssertions.DefaultMappingMapsSampleRecordsAsync(fixture, "charges", CanonicalEntityType.Order, Mapper(mappings["charges"][0]));

            Assert.Equal(fixture.Stripe.Options.Customers, customers.Count);
            Assert.All(orders, o => Assert.Equal("succeeded", o.Record["status"]!.GetValue<string>()));
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    /// <summary>The hub's mapping engine as the kit's mapping function.</summary>
    private static Func<JsonObject, MappedRecord> Mapper(CompiledMapping mapping) => record =>
    {
        var outcome = mapping.Map(record);
        return outcome.Status switch
        {
            MappingStatus.Mapped => MappedRecord.Mapped(outcome.Entity!),
            MappingStatus.Skipped => MappedRecord.Skip(),
            _ => MappedRecord.Rejected(outcome.Errors.Select(e => e.ToString()).ToArray()),
        };
    };

    private readonly StripeEmulator _stripe = new(new StripeEmulatorOptions { Customers = 30, Charges = 45 });
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(_stripe);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Customers_MapToProfileFragments_WithEmailPhoneAndSplitName()
    {
        var mapping = Assert.Single(MappingFolder.LoadAll(StripePlugin.Folder)["customers"]);
        var people = new SandboxPeople();

        var customers = await ReadAsync("customers");

        Assert.Equal(CanonicalEntityType.ProfileFragment, mapping.EntityType);
        Assert.Equal(30, customers.Count);
        foreach (var customer in customers)
        {
            var outcome = mapping.Map(customer);
            Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
            var person = people.Get(Array.FindIndex(_stripe.Customers.ToArray(), c => c["id"]!.GetValue<string>() == customer["id"]!.GetValue<string>()));
            var identifiers = outcome.Entity!["identifiers"]!.AsArray().Select(i => $"{i!["type"]}:{i["value"]}").ToArray();
            Assert.Contains($"stripe.customer_id:{customer["id"]}", identifiers);
            Assert.Contains($"email:{person.Email.ToLowerInvariant()}", identifiers);
            Assert.Contains($"phone:+1{person.PhoneDigits}", identifiers);
            Assert.Equal(person.FirstName, outcome.Entity["traits"]!["first_name"]!.GetValue<string>());
            Assert.Equal(person.LastName, outcome.Entity["traits"]!["last_name"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task SucceededCharges_MapToOrders_InMajorUnits_AndFailedOnesAreSkipped()
    {
        var mapping = Assert.Single(MappingFolder.LoadAll(StripePlugin.Folder)["charges"]);

        var charges = await ReadAsync("charges");

        Assert.Equal(CanonicalEntityType.Order, mapping.EntityType);
        Assert.Equal(45, charges.Count);
        foreach (var charge in charges)
        {
            var outcome = mapping.Map(charge);
            if (charge["status"]!.GetValue<string>() != "succeeded")
            {
                Assert.Equal(MappingStatus.Skipped, outcome.Status);
                continue;
            }

            Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
            Assert.Equal(charge["amount"]!.GetValue<long>() / 100m, outcome.Entity!["total"]!.GetValue<decimal>());
            Assert.Equal("USD", outcome.Entity["currency"]!.GetValue<string>());
            Assert.Equal("online", outcome.Entity["channel"]!.GetValue<string>());
        }

        Assert.Contains(charges, c => c["status"]!.GetValue<string>() == "failed");
        Assert.Contains(charges, c => c["customer"] is null);
    }

    private async Task<IReadOnlyList<JsonObject>> ReadAsync(string stream)
    {
        var context = new ConnectorContext { Config = new ConnectorConfig(StripePlugin.Config(_host.BaseAddress, _stripe.Options.SecretKey, pageSize: 100)) };
        var result = await SourceReader.ReadAsync(StripePlugin.Load(), context, SourceReader.Request(SyncMode.FullRefresh, stream));
        return result.Records.Select(r => r.Data).ToArray();
    }
}
