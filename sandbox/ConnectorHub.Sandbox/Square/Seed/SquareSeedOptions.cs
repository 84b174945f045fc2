namespace ConnectorHub.Sandbox.Square.Seed;

/// <summary>How much sandbox data the Square emulator starts with; the same options give the same data.</summary>
public sealed record SquareSeedOptions
{
    /// <summary>The random seed.</summary>
    public int Seed { get; init; } = BogusSquarePeople.DefaultSeed;

    /// <summary>How many store locations (more than 10 forces order searches into several location batches).</summary>
    public int Locations { get; init; } = 12;

    /// <summary>How many customer profiles.</summary>
    public int Customers { get; init; } = 250;

    /// <summary>How many in-store orders, each paid by one payment.</summary>
    public int Orders { get; init; } = 600;

    /// <summary>The seed's "now": every seeded timestamp is before it.</summary>
    public DateTimeOffset Anchor { get; init; } = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How many days before <see cref="Anchor"/> the history covers.</summary>
    public int Days { get; init; } = 120;

    /// <summary>Where customers come from (<see cref="BogusSquarePeople"/> with <see cref="Seed"/> when null).</summary>
    public ISquarePeople? People { get; init; }
}
