using ConnectorHub.Sdk.Testing;

namespace ConnectorHub.Connectors.Webhook.Tests;

/// <summary>The acceptance checks run one at a time: they share one receiver and its view of the clock.</summary>
[CollectionDefinition(AcceptanceCollection.Name, DisableParallelization = true)]
public sealed class AcceptanceCollectionDefinition;
