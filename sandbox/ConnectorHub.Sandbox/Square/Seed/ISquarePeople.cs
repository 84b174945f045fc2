namespace ConnectorHub.Sandbox.Square.Seed;

/// <summary>
/// Where the Square seed takes its people from: person <c>i</c> must always be the same person. The default is
/// <see cref="BogusSquarePeople"/>; an adapter over the sandbox's shared population can replace it.
/// </summary>
public interface ISquarePeople
{
    /// <summary>Person number <paramref name="index"/> (zero-based).</summary>
    SquarePerson Get(int index);
}
