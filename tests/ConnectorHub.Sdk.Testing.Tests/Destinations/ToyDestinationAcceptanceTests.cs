using ConnectorHub.Sdk.Testing.Destinations;
using ConnectorHub.Sdk.Testing.Tests.Toys;

namespace ConnectorHub.Sdk.Testing.Tests.Destinations;

/// <summary>A correct toy destination passes every destination check.</summary>
public sealed class ToyDestinationAcceptanceTests(ToyDestinationFixture fixture) : DestinationAcceptanceTests<ToyDestinationFixture>(fixture);
