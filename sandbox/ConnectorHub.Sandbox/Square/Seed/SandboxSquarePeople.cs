using ConnectorHub.Sandbox.Seed;

namespace ConnectorHub.Sandbox.Square.Seed;

/// <summary>
/// Square's people drawn from the sandbox's shared population (<see cref="SandboxPeople"/>): person <c>i</c> here is
/// person <c>i</c> of HubSpot's contacts and every other emulator that draws from it, so identity resolution finds
/// the same people across sources. Square writes their details its own way (see <see cref="SquareFormatting"/>).
/// </summary>
/// <remarks>Not thread-safe, like <see cref="SandboxPeople"/>; the seed runs on one thread.</remarks>
public sealed class SandboxSquarePeople(SandboxPeople people) : ISquarePeople
{
    /// <summary>The shared population of <paramref name="seed"/>.</summary>
    public SandboxSquarePeople(int seed = SandboxPeople.DefaultSeed)
        : this(new SandboxPeople(seed))
    {
    }

    /// <inheritdoc />
    public SquarePerson Get(int index)
    {
        var person = people.Get(index);
        return new SquarePerson(
            person.Index,
            person.FirstName,
            person.LastName,
            person.Email,
            person.PhoneDigits,
            person.Address.Street,
            person.Address.City,
            person.Address.State,
            person.Address.PostalCode,
            person.Company,
            person.BirthDate);
    }
}
