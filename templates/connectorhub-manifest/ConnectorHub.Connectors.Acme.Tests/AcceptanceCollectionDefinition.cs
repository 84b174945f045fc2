using ConnectorHub.Sdk.Testing;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>The acceptance checks run alone: the flat-memory check measures the whole process's heap.</summary>
[CollectionDefinition(AcceptanceCollection.Name, DisableParallelization = true)]
public sealed class AcceptanceCollectionDefinition;
