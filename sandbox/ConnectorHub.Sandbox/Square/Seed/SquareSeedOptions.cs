using ConnectorHub.Sandbox.Seed;

namespace ConnectorHub.Sandbox.Square.Seed;

/// <summary>How much sandbox data the Square emulator starts with; the same options give the same data.</summary>
public sealed record SquareSeedOptions
{
    /// <summary>The random seed (of the shared people, too, unless <see cref="People"/> is given).</summary>
    public int Seed { get; init; } = SandboxPeople.DefaultSeed;

    /// <summary>How many store locations (more than 10 forces order searches into several location batches).</summary>
    public int Locations { get; init; } = 12;

    /// <summary>How many customer profiles.</summary>
    public int Customers { get; init; } = 300;

    /// <summary>
    /// The shared person the first customer is: customer <c>i</c> is person <c>FirstPerson + i</c>. The default (150)
    /// makes Square's customers people 150 to 449, overlapping HubSpot's contacts (people 0 up) in part, as a
    /// shop's buyers overlap its CRM.
    /// </summary>
    public int FirstPerson { get; init; } = 150;

    /// <summary>How many in-store orders, each paid by one payment.</summary>
    public int Orders { get; init; } = 600;

    /// <summary>The seed's "now": every seeded timestamp is before it.</summary>
    public DateTimeOffset Anchor { get; init; } = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How many days before <see cref="Anchor"/> the history covers.</summary>
    public int Days { get; init; } = 120;

    /// <summary>Where customers come from (the shared <see cref="SandboxPeople"/> of <see cref="Seed"/> when null).</summary>
    public ISquarePeople? People { get; init; }
}
