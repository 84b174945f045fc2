using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sandbox.Seed;
using ConnectorHub.Sandbox.Square;
using ConnectorHub.Sandbox.Square.Seed;

namespace ConnectorHub.Connectors.Square.Tests.Seeding;

/// <summary>The Square emulator's customers are the sandbox's shared people, written Square's way.</summary>
public sealed class SharedPeopleTests
{
    private static readonly SquareSeedOptions Seed = new();
    private readonly SandboxPeople _people = new();

    [Fact]
    public void Customers_AreTheSharedPeople_FromFirstPersonOn()
    {
        var customers = new SquareEmulator(Seed).Customers;

        Assert.Equal(300, customers.Count);
        Assert.Equal(150, Seed.FirstPerson);
        for (var i = 0; i < customers.Count; i++)
        {
            var person = _people.Get(Seed.FirstPerson + i);
            Assert.Equal(person.FirstName, customers[i].GivenName);
            Assert.Equal(person.LastName, customers[i].FamilyName);
            if (customers[i].EmailAddress is { } email)
            {
                Assert.Equal(person.Email, email.ToLowerInvariant());
            }

            if (customers[i].PhoneNumber is { } phone)
            {
                Assert.Equal(person.PhoneDigits, new string(phone.Where(char.IsAsciiDigit).ToArray())[^10..]);
            }

            if (customers[i].Address is { } address)
            {
                Assert.Equal(person.Address.PostalCode, address.PostalCode);
            }
        }
    }

    [Fact]
    public void Customers_AreWrittenInSquaresOwnFormatting_NotHubSpots()
    {
        var customers = new SquareEmulator(Seed).Customers;
        var hubspot = new HubSpotEmulator(new HubSpotEmulatorOptions { Contacts = 300, Companies = 0, Deals = 0 });
        var contactEmails = hubspot.Contacts.All().Select(c => c.Properties.GetValueOrDefault("email")).OfType<string>().ToHashSet(StringComparer.Ordinal);

        Assert.Contains(customers, c => c.EmailAddress is { } e && !e.Equals(e.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Contains(customers, c => c.PhoneNumber is { } p && p.StartsWith('('));
        Assert.Contains(customers, c => c.PhoneNumber is { } p && p.Contains('.', StringComparison.Ordinal));
        // The same person, written differently in the two systems: the mapping's normalizing has work to do.
        Assert.Contains(customers, c => c.EmailAddress is { } e && !contactEmails.Contains(e) && contactEmails.Contains(e.ToLowerInvariant()));
    }

    [Fact]
    public void Customers_OverlapHubSpotsContacts_InPart()
    {
        var square = new SquareEmulator(Seed).Customers.Select(c => c.EmailAddress?.ToLowerInvariant()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var hubspot = new HubSpotEmulator(new HubSpotEmulatorOptions { Contacts = 300, Companies = 0, Deals = 0 })
            .Contacts.All().Select(c => c.Properties.GetValueOrDefault("email")?.ToLowerInvariant()).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var shared = square.Intersect(hubspot).ToList();

        // People 150..299 are in both (less the Square profiles saved without an email); 0..149 and 300..449 in one.
        Assert.InRange(shared.Count, 120, 150);
        Assert.All(shared, email => Assert.Contains(_people.Range(150, 150), p => p.Email == email));
        Assert.Contains(_people.Get(0).Email, hubspot);
        Assert.DoesNotContain(_people.Get(0).Email, square);
        Assert.Contains(_people.Get(448).Email, square);
        Assert.DoesNotContain(_people.Get(448).Email, hubspot);
    }

    [Fact]
    public void Seed_IsDeterministic()
    {
        var first = new SquareEmulator(Seed);
        var second = new SquareEmulator(Seed);

        Assert.Equal(first.Customers.Select(c => (c.Id, c.EmailAddress, c.PhoneNumber, c.UpdatedAt)), second.Customers.Select(c => (c.Id, c.EmailAddress, c.PhoneNumber, c.UpdatedAt)));
        Assert.Equal(first.Orders.Select(o => (o.Id, o.CustomerId, o.Total)), second.Orders.Select(o => (o.Id, o.CustomerId, o.Total)));
    }
}
