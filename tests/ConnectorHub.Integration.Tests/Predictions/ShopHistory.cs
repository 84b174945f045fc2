namespace ConnectorHub.Tests.Predictions;

/// <summary>
/// A shop's past, generated from a fixed seed: customers, their orders and their events. In the <see cref="Signal"/>
/// world each customer lapses at some day: before it they browse often and order every couple of weeks, after it they
/// browse rarely and seldom order, so browsing drops before orders do (which "no order in the last N days" misses).
/// In the <see cref="Noise"/> world every customer orders and browses at one constant rate, so the past says nothing
/// about the next window.
/// </summary>
public sealed class ShopHistory
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private ShopHistory(DateTimeOffset until, List<long> customers, List<(long Profile, decimal Total, DateTimeOffset At)> orders, List<(long Profile, string Name, DateTimeOffset At)> events)
    {
        Until = until;
        Customers = customers;
        Orders = orders;
        Events = events;
    }

    /// <summary>The end of the history (nothing happens at or after it).</summary>
    public DateTimeOffset Until { get; }

    public IReadOnlyList<long> Customers { get; }

    public IReadOnlyList<(long Profile, decimal Total, DateTimeOffset At)> Orders { get; }

    public IReadOnlyList<(long Profile, string Name, DateTimeOffset At)> Events { get; }

    /// <summary>Customers with a lapse day (browsing drops first, orders follow), over <paramref name="days"/> days up to <paramref name="until"/> (default <see cref="Now"/>).</summary>
    public static ShopHistory Signal(int customers, int days = 150, int seed = 7, DateTimeOffset? until = null) => Generate(customers, days, seed, noise: false, until ?? Now);

    /// <summary>Customers whose orders and browsing come at one constant rate, whatever their past.</summary>
    public static ShopHistory Noise(int customers, int days = 150, int seed = 11, DateTimeOffset? until = null) => Generate(customers, days, seed, noise: true, until ?? Now);

    private static ShopHistory Generate(int count, int days, int seed, bool noise, DateTimeOffset until)
    {
#pragma warning disable CA5394 // A reproducible simulation, not security.
        var random = new Random(seed);
        var start = until.AddDays(-days);
        var customers = new List<long>();
        var orders = new List<(long, decimal, DateTimeOffset)>();
        var events = new List<(long, string, DateTimeOffset)>();
        for (var c = 0; c < count; c++)
        {
            var id = c + 1L;
            customers.Add(id);
            var joined = random.NextDouble() * 20;
            var lapse = noise ? double.MaxValue : joined + (random.NextDouble() * (days + 120));
            var basket = 20 + (random.NextDouble() * 80);
            orders.Add((id, Total(basket, random), start.AddDays(joined)));
            for (var day = joined; day < days; day += 0.25)
            {
                var active = day < lapse;
                var at = start.AddDays(day + (random.NextDouble() * 0.25));
                if (at >= until)
                {
                    break;
                }

                if (random.NextDouble() < 0.25 * (noise ? 1 / 20.0 : active ? 1 / 12.0 : 1 / 120.0))
                {
                    orders.Add((id, Total(noise ? 20 + (random.NextDouble() * 80) : basket, random), at));
                }

                if (random.NextDouble() < 0.25 * (noise ? 0.1 : active ? 0.25 : 0.01))
                {
                    events.Add((id, "Product Viewed", at));
                }

                if (random.NextDouble() < 0.25 * 0.08)
                {
                    events.Add((id, "Page Viewed", at));
                }
            }
        }
#pragma warning restore CA5394

        return new ShopHistory(until, customers, orders, events);
    }

    private static decimal Total(double basket, Random random) =>
#pragma warning disable CA5394
        Math.Round((decimal)(basket * (0.8 + (random.NextDouble() * 0.4))), 2);
#pragma warning restore CA5394
}
