namespace ConnectorHub.Sdk.Testing;

/// <summary>
/// The xunit collection the acceptance test classes belong to. The flat-memory check measures the process's
/// heap, so declare the collection non-parallel in your test project:
/// <c>[CollectionDefinition(AcceptanceCollection.Name, DisableParallelization = true)] public sealed class AcceptanceCollectionDefinition;</c>
/// </summary>
public static class AcceptanceCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "ConnectorHub acceptance";
}
