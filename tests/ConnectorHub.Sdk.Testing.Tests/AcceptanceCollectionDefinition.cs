using ConnectorHub.Sdk.Testing;

namespace ConnectorHub.Sdk.Testing.Tests;

/// <summary>Acceptance checks run alone: the flat-memory check measures the whole process's heap.</summary>
[CollectionDefinition(AcceptanceCollection.Name, DisableParallelization = true)]
public sealed class AcceptanceCollectionDefinition;
