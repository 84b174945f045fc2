using System.Globalization;
using Bogus;
using Bogus.DataSets;
using ConnectorHub.Sandbox.Seed;

namespace ConnectorHub.Sandbox.HubSpot.Objects;

/// <summary>
/// Fills the stores with realistic objects from a seed: object <c>i</c> of a type is a pure function of the seed
/// and <c>i</c>, so every run sees the same CRM. Contacts are the sandbox's shared people, in HubSpot's formatting.
/// </summary>
internal sealed class HubSpotSeeder(int seed)
{
    private static readonly DateTimeOffset Earliest = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] LifecycleStages = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"];
    private static readonly string[] Industries = ["COMPUTER_SOFTWARE", "MARKETING_AND_ADVERTISING", "RETAIL", "FINANCIAL_SERVICES", "HOSPITAL_HEALTH_CARE", "CONSUMER_GOODS", "CONSTRUCTION", "EDUCATION_MANAGEMENT"];
    private static readonly string[] DealStages = ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"];
    private static readonly string[] Products = ["Annual subscription", "Onboarding package", "Enterprise licence", "Renewal", "Consulting hours", "Hardware bundle"];
    private static readonly PhoneStyle[] PhoneStyles = [PhoneStyle.National, PhoneStyle.InternationalDashed, PhoneStyle.E164];

    public void SeedContacts(HubSpotObjectStore store, int count)
    {
        var type = store.Type;
        var population = new SandboxPeople(seed);
        store.Load(count, population.ForAnotherThread, (people, i, id) =>
        {
            var person = people.Get(i);
            var random = new Randomizer(unchecked((seed * 7919) + i));
            var (created, updated) = Times(random);
            var values = new string?[type.StoredProperties.Count];
            Set(type, values, "email", person.EmailAs(EmailStyleOf(person)));
            Set(type, values, "firstname", person.FirstName);
            Set(type, values, "lastname", person.LastName);
            Set(type, values, "phone", person.PhoneAs(PhoneStyles[person.VariantFor("hubspot", PhoneStyles.Length)]));
            Set(type, values, "mobilephone", random.Bool(0.2f) ? person.PhoneAs(PhoneStyle.Dashed) : null);
            Set(type, values, "company", person.Company);
            Set(type, values, "jobtitle", person.JobTitle);
            Set(type, values, "address", person.Address.Street);
            Set(type, values, "city", person.Address.City);
            Set(type, values, "state", person.Address.State);
            Set(type, values, "zip", person.Address.PostalCode);
            Set(type, values, "country", "United States");
            Set(type, values, "date_of_birth", random.Bool(0.6f) ? person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
            Set(type, values, "lifecyclestage", random.ArrayElement(LifecycleStages));
            return new CrmObject(id, created, updated, false, null, values);
        });
    }

    public void SeedCompanies(HubSpotObjectStore store, int count)
    {
        var type = store.Type;
        store.Load(count, () => (Companies: new Company("en"), Addresses: new Address("en")), (sets, i, id) =>
        {
            var (companies, addresses) = sets;
            var random = new Randomizer(unchecked((seed * 104_729) + i));
            companies.Random = random;
            addresses.Random = random;
            var (created, updated) = Times(random);
            var name = companies.CompanyName();
            var values = new string?[type.StoredProperties.Count];
            Set(type, values, "name", name);
            Set(type, values, "domain", Slug(name) + ".example");
            Set(type, values, "industry", random.ArrayElement(Industries));
            Set(type, values, "phone", $"+1 {random.ArrayElement(SandboxPeople.AreaCodes)}-{random.Number(200, 999)}-{random.Number(1000, 9999)}");
            Set(type, values, "city", addresses.City());
            Set(type, values, "state", addresses.StateAbbr());
            Set(type, values, "country", "United States");
            Set(type, values, "numberofemployees", random.Number(2, 5000).ToString(CultureInfo.InvariantCulture));
            Set(type, values, "annualrevenue", (random.Number(50, 50_000) * 1000).ToString(CultureInfo.InvariantCulture));
            Set(type, values, "lifecyclestage", random.ArrayElement(LifecycleStages));
            return new CrmObject(id, created, updated, false, null, values);
        });
    }

    public void SeedDeals(HubSpotObjectStore store, int count, IReadOnlyList<string> companyNames)
    {
        var type = store.Type;
        store.Load(count, () => 0, (_, i, id) =>
        {
            var random = new Randomizer(unchecked((seed * 1_299_709) + i));
            var (created, updated) = Times(random);
            var company = companyNames.Count == 0 ? "Sandbox Inc" : companyNames[i % companyNames.Count];
            var values = new string?[type.StoredProperties.Count];
            Set(type, values, "dealname", $"{company} - {random.ArrayElement(Products)}");
            Set(type, values, "amount", (random.Number(5, 2000) * 50).ToString(CultureInfo.InvariantCulture));
            Set(type, values, "dealstage", random.ArrayElement(DealStages));
            Set(type, values, "pipeline", "default");
            Set(type, values, "closedate", CrmObject.FormatTime(created.AddDays(random.Number(7, 180))));
            Set(type, values, "dealtype", random.Bool(0.7f) ? "newbusiness" : "existingbusiness");
            return new CrmObject(id, created, updated, false, null, values);
        });
    }

    private static (DateTimeOffset Created, DateTimeOffset Updated) Times(Randomizer random)
    {
        var span = (Latest - Earliest).TotalMilliseconds;
        var created = Earliest.AddMilliseconds(Math.Floor(random.Double() * span * 0.9));
        var updated = created.AddMilliseconds(Math.Floor(random.Double() * (Latest - created).TotalMilliseconds));
        return (created, updated);
    }

    private static EmailStyle EmailStyleOf(SandboxPerson person) => person.VariantFor("hubspot-email", 10) switch
    {
        7 or 8 => EmailStyle.Capitalized,
        9 => EmailStyle.NameCase,
        _ => EmailStyle.Lower,
    };

    private static void Set(CrmObjectType type, string?[] values, string property, string? value) => values[type.IndexOf(property)] = value;

    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
