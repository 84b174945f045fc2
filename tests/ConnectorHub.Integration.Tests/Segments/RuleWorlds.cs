using ConnectorHub.Core.Storage;

namespace ConnectorHub.Integration.Tests.Segments;

/// <summary>
/// One seeded world per store, shared by the rule semantics tests (they only read). Profiles:
/// 1 Ann (gold, 34, email, consent email, 3 orders-completed events, 2 recent orders),
/// 2 Bob (silver, 20, phone, consent refused, one event exactly 30 days ago),
/// 3 Cy (no plan, 50, one old big order), 4 merged into 1 (gold, never matches), 5 Eve (metacharacters, a page view just inside 30 days).
/// </summary>
public sealed class RuleWorlds : IAsyncLifetime
{
    public const string Hostile = "O'Brien\"; DROP TABLE profiles; --";
    public const string Metachars = "a\"b'c\\%_";

    private readonly Dictionary<StorageProvider, SegmentWorld> _worlds = [];

    public SegmentWorld this[StorageProvider provider] => _worlds[provider];

    public async Task InitializeAsync()
    {
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.Postgres })
        {
            var world = await SegmentWorld.CreateAsync(provider);
            await SeedAsync(world);
            _worlds[provider] = world;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var world in _worlds.Values)
        {
            await world.DisposeAsync();
        }
    }

    private static async Task SeedAsync(SegmentWorld world)
    {
        var now = SegmentWorld.Now;
        var seed = world.Seed;
        for (var id = 1; id <= 5; id++)
        {
            await seed.ProfileAsync(id);
        }

        await seed.MergeAsync(4, 1);

        await seed.TraitAsync(1, "plan", "Gold");
        await seed.TraitAsync(1, "age", 34);
        await seed.TraitAsync(1, "signup", "2026-05-02T12:00:00Z");
        await seed.TraitAsync(1, "nickname", Hostile);
        await seed.TraitAsync(1, "consent.email", true);
        await seed.IdentifierAsync(1, "email", "ann@example.com");
        await seed.EventAsync(1, "Order Completed", now.AddDays(-1), new { plan = "gold", total = 150 });
        await seed.EventAsync(1, "Order Completed", now.AddDays(-10), new { plan = "gold", total = 50 });
        await seed.EventAsync(1, "Order Completed", now.AddDays(-40), new { plan = "gold", total = 50 });
        await seed.OrderAsync(1, 120m, now.AddDays(-2));
        await seed.OrderAsync(1, 80m, now.AddDays(-20));

        await seed.TraitAsync(2, "plan", "silver");
        await seed.TraitAsync(2, "age", 20);
        await seed.TraitAsync(2, "signup", "2026-05-02T11:59:59.999Z");
        await seed.TraitAsync(2, "consent.email", false);
        await seed.IdentifierAsync(2, "phone", "+15550100");
        await seed.EventAsync(2, "Order Completed", now.AddDays(-30), new { plan = "silver", total = 20 });
        await seed.EventAsync(2, "Page Viewed", now.AddDays(-30).AddMilliseconds(-1));

        await seed.TraitAsync(3, "age", 50);
        await seed.TraitAsync(3, "signup", "2026-05-02T12:00:00.001Z");
        await seed.OrderAsync(3, 500m, now.AddDays(-100));

        await seed.TraitAsync(4, "plan", "gold");
        await seed.IdentifierAsync(4, "email", "dee@example.com");

        await seed.TraitAsync(5, "plan", "gold%");
        await seed.TraitAsync(5, "nickname", Metachars);
        await seed.EventAsync(5, "Page Viewed", now.AddDays(-30).AddMilliseconds(1));

        await world.CreateSegmentAsync("gold", """{"trait":"plan","op":"equals","value":"gold"}""");
        await world.CreateComputedTraitAsync("orders_count", """{"kind":"count","event":"Order Completed"}""");
        await world.CreateComputedTraitAsync("spend_sum", """{"kind":"sum","event":"Order Completed","property":"total"}""");
        await world.CreateComputedTraitAsync("spend_average", """{"kind":"average","event":"Order Completed","property":"total","within":{"days":30}}""");
        await world.CreateComputedTraitAsync("first_total", """{"kind":"first","event":"Order Completed","property":"total"}""");
        await world.CreateComputedTraitAsync("last_total", """{"kind":"last","event":"Order Completed","property":"total"}""");
        await world.CreateComputedTraitAsync("usual_total", """{"kind":"mostFrequent","event":"Order Completed","property":"total"}""");
        await world.CreateComputedTraitAsync("gold_orders", """{"kind":"count","event":"Order Completed","where":[{"property":"plan","op":"equals","value":"GOLD"}],"within":{"days":30}}""");
    }
}
