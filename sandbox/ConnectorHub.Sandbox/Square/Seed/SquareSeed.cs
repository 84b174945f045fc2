using System.Globalization;
using Bogus;
using ConnectorHub.Sandbox.Square.Data;

namespace ConnectorHub.Sandbox.Square.Seed;

/// <summary>
/// Generates a coffee chain's Square account: locations, customer profiles, and in-store orders with line items,
/// each paid by a card or cash payment. Deterministic for given <see cref="SquareSeedOptions"/>. Some records share
/// an exact <c>updated_at</c> on purpose, as busy stores do, so cursor boundaries are exercised.
/// </summary>
public sealed class SquareSeed
{
    private const string IdUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string IdMixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly (string Name, string Variation, long Price)[] Menu =
    [
        ("Latte", "12 oz", 475), ("Cappuccino", "Regular", 425), ("Drip Coffee", "16 oz", 295), ("Cold Brew", "16 oz", 450),
        ("Croissant", "Butter", 375), ("Bagel", "Everything", 325), ("Muffin", "Blueberry", 350), ("Tea", "Earl Grey", 300),
        ("Whole Bean Coffee", "1 lb", 1800),
    ];

    private static readonly string[] Brands = ["VISA", "MASTERCARD", "AMERICAN_EXPRESS", "DISCOVER"];

    private readonly SquareSeedOptions _options;
    private readonly Randomizer _random;

    private SquareSeed(SquareSeedOptions options)
    {
        _options = options;
        _random = new Randomizer(options.Seed);
    }

    /// <summary>The seller's locations; the first is the main one.</summary>
    public IReadOnlyList<SquareLocation> Locations { get; private set; } = [];

    /// <summary>Customer profiles; customer <c>i</c> is person <see cref="SquareSeedOptions.FirstPerson"/> + <c>i</c>.</summary>
    public IReadOnlyList<SquareCustomer> Customers { get; private set; } = [];

    /// <summary>Orders.</summary>
    public IReadOnlyList<SquareOrder> Orders { get; private set; } = [];

    /// <summary>Payments, one per order.</summary>
    public IReadOnlyList<SquarePayment> Payments { get; private set; } = [];

    /// <summary>Generates the data for <paramref name="options"/>.</summary>
    public static SquareSeed Generate(SquareSeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seed = new SquareSeed(options);
        seed.Locations = seed.MakeLocations();
        seed.Customers = seed.MakeCustomers(options.People ?? new SandboxSquarePeople(options.Seed));
        seed.MakeOrders();
        return seed;
    }

    /// <summary>A new id in Square's style: <paramref name="length"/> upper-case letters and digits.</summary>
    internal static string UpperId(Randomizer random, int length) => random.String2(length, IdUpper);

    /// <summary>A new id of mixed-case letters and digits (orders, payments).</summary>
    internal static string MixedId(Randomizer random, int length) => random.String2(length, IdMixed);

    private List<SquareLocation> MakeLocations()
    {
        var merchant = "ML" + UpperId(_random, 11);
        var addresses = new Bogus.DataSets.Address("en") { Random = _random };
        return Enumerable.Range(0, _options.Locations).Select(i => new SquareLocation
        {
            Id = "L" + UpperId(_random, 12),
            Name = i == 0 ? "Main Street" : $"{addresses.City()} #{(i + 1).ToString(CultureInfo.InvariantCulture)}",
            Address = new SquareAddress(addresses.StreetAddress(), addresses.City(), addresses.StateAbbr(), addresses.ZipCode("#####"), "US"),
            CreatedAt = _options.Anchor.AddDays(-_options.Days - 400 + (i * 7)),
            MerchantId = merchant,
            IsMain = i == 0,
        }).ToList();
    }

    private List<SquareCustomer> MakeCustomers(ISquarePeople people)
    {
        var start = _options.Anchor.AddDays(-_options.Days);
        var tie = _options.Anchor.AddDays(-2);
        var customers = new List<SquareCustomer>(_options.Customers);
        for (var i = 0; i < _options.Customers; i++)
        {
            var person = people.Get(_options.FirstPerson + i);
            var created = start.AddSeconds(_random.Long(0, (long)TimeSpan.FromDays(_options.Days - 10).TotalSeconds));
            var updated = created.AddSeconds(_random.Long(0, (long)(_options.Anchor.AddSeconds(-1) - created).TotalSeconds));
            customers.Add(new SquareCustomer
            {
                Id = UpperId(_random, 26),
                CreatedAt = created,
                // Every 20th profile was edited in the same second as others (a bulk edit): ties at one timestamp.
                UpdatedAt = i % 20 == 7 && tie > created ? tie : updated,
                GivenName = person.FirstName,
                FamilyName = person.LastName,
                CompanyName = i % 3 == 1 ? person.Company : null,
                EmailAddress = i % 10 == 9 ? null : SquareFormatting.Email(person),
                PhoneNumber = i % 7 == 6 ? null : SquareFormatting.Phone(person),
                Address = i % 3 == 0 ? null : new SquareAddress(person.Street, person.City, person.State, person.PostalCode, "US"),
                Birthday = (i % 4) switch
                {
                    0 => person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    1 => person.BirthDate.ToString("0000-MM-dd", CultureInfo.InvariantCulture),
                    _ => null,
                },
                ReferenceId = i % 5 == 0 ? $"LOYALTY-{i.ToString("D5", CultureInfo.InvariantCulture)}" : null,
                EmailUnsubscribed = i % 11 == 3,
                CreationSource = i % 6 == 5 ? "INSTANT_PROFILE" : "DIRECTORY",
                Version = 1 + (updated > created ? 1 : 0),
            });
        }

        return customers;
    }

    private void MakeOrders()
    {
        var orders = new List<SquareOrder>(_options.Orders);
        var payments = new List<SquarePayment>(_options.Orders);
        var start = _options.Anchor.AddDays(-_options.Days);
        var tie = _options.Anchor.AddDays(-1);
        for (var i = 0; i < _options.Orders; i++)
        {
            // The main store takes about 40% of the orders, so its payments span several pages.
            var location = _random.Bool(0.4f) ? Locations[0] : Locations[_random.Number(0, Locations.Count - 1)];
            var customer = Customers.Count > 0 && _random.Bool(0.7f) ? Customers[_random.Number(0, Customers.Count - 1)].Id : null;
            var created = start.AddSeconds(_random.Long(0, (long)TimeSpan.FromDays(_options.Days - 2).TotalSeconds));
            var card = _random.Bool(0.8f);
            var lines = Enumerable.Range(0, _random.Number(1, 4)).Select(_ => Line()).ToList();
            var subtotal = lines.Sum(l => l.Total);
            var tip = card ? subtotal * _random.Number(0, 20) / 100 : 0;
            var paid = created.AddSeconds(_random.Number(30, 300));
            var paymentUpdated = paid.AddSeconds(_random.Number(1, 5));
            var orderUpdated = i % 40 == 11 && tie > paymentUpdated ? tie : paymentUpdated.AddSeconds(1);
            var payment = new SquarePayment
            {
                Id = MixedId(_random, 29),
                LocationId = location.Id,
                OrderId = MixedId(_random, 27),
                CustomerId = customer,
                CreatedAt = paid,
                UpdatedAt = i % 40 == 11 && tie > paymentUpdated ? tie : paymentUpdated,
                Amount = new SquareMoney(subtotal, location.Currency),
                Tip = tip,
                SourceType = card ? "CARD" : "CASH",
                CardBrand = card ? Brands[_random.Number(0, Brands.Length - 1)] : null,
                Last4 = card ? _random.Replace("####") : null,
            };
            orders.Add(new SquareOrder
            {
                Id = payment.OrderId,
                LocationId = location.Id,
                CustomerId = customer,
                CreatedAt = created,
                UpdatedAt = orderUpdated,
                ClosedAt = paymentUpdated.AddSeconds(1),
                Currency = location.Currency,
                LineItems = lines,
                Tip = tip,
                Tenders = [new SquareTender(payment.Id, payment.SourceType, subtotal + tip)],
                Version = 4,
            });
            payments.Add(payment);
        }

        Orders = orders;
        Payments = payments;
    }

    private SquareLineItem Line()
    {
        var (name, variation, price) = Menu[_random.Number(0, Menu.Length - 1)];
        var quantity = _random.Number(1, 3);
        var discount = _random.Bool(0.1f) ? price * quantity / 10 : 0;
        var tax = (long)Math.Round((price * quantity - discount) * 0.08875m, MidpointRounding.AwayFromZero);
        return new SquareLineItem(
            UpperId(_random, 22),
            name,
            variation,
            "CATV" + UpperId(_random, 20),
            quantity,
            new SquareMoney(price, "USD"),
            tax,
            discount);
    }
}
