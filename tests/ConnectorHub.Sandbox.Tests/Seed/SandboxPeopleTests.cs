using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sandbox.Seed;

namespace ConnectorHub.Sandbox.Tests.Seed;

public sealed class SandboxPeopleTests
{
    [Fact]
    public void Person_IsTheSame_WhateverOrderOrInstanceAsksForIt()
    {
        var first = new SandboxPeople().Range(0, 50).ToArray();
        var backwards = new SandboxPeople();

        Assert.Equal(first[42], backwards.Get(42));
        Assert.Equal(first[7], backwards.Get(7));
        Assert.NotEqual(first[7], new SandboxPeople(seed: 1).Get(7));
    }

    [Fact]
    public void People_HaveUniqueEmailsAndPhones()
    {
        var people = new SandboxPeople().Range(0, 5000).ToArray();

        Assert.Equal(people.Length, people.Select(p => p.Email).Distinct().Count());
        Assert.Equal(people.Length, people.Select(p => p.PhoneDigits).Distinct().Count());
        Assert.All(people, p => Assert.Matches("^[2-9][0-9]{2}[2-9][0-9]{6}$", p.PhoneDigits));
    }

    [Fact]
    public void HubSpotContacts_AreTheSharedPeople_InHubSpotsFormatting()
    {
        var people = new SandboxPeople();
        var contacts = new HubSpotEmulator(new HubSpotEmulatorOptions { Contacts = 200, Companies = 0, Deals = 0 }).Contacts.All();

        for (var i = 0; i < contacts.Count; i++)
        {
            var person = people.Get(i);
            Assert.Equal(person.Email, contacts[i].Properties["email"], StringComparer.OrdinalIgnoreCase);
            Assert.Equal(person.PhoneDigits, new string(contacts[i].Properties["phone"]!.Where(char.IsAsciiDigit).ToArray())[^10..]);
        }

        Assert.Contains(contacts, c => c.Properties["email"]!.Any(char.IsAsciiLetterUpper));
        Assert.True(contacts.Select(c => c.Properties["phone"]![0]).Distinct().Count() > 1, "phones should come in several formats");
    }
}
