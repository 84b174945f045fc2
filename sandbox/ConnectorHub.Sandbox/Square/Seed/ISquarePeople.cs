namespace ConnectorHub.Sandbox.Square.Seed;

/// <summary>
/// Where the Square seed takes its people from: person <c>i</c> must always be the same person. The default is
/// <see cref="SandboxSquarePeople"/>, the sandbox's shared population, so Square's customers are people other
/// emulators know too.
/// </summary>
public interface ISquarePeople
{
    /// <summary>Person number <paramref name="index"/> (zero-based).</summary>
    SquarePerson Get(int index);
}
