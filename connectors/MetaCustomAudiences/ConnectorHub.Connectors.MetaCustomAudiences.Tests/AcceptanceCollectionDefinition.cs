using ConnectorHub.Sdk.Testing;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests;

/// <summary>The acceptance checks run one at a time: they share one emulator and its fault plan.</summary>
[CollectionDefinition(AcceptanceCollection.Name, DisableParallelization = true)]
public sealed class AcceptanceCollectionDefinition;
