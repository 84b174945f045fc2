using ConnectorHub.Sdk.Testing.Destinations;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>Every check of the acceptance kit, against the Acme emulator.</summary>
public sealed class AcmeDestinationAcceptanceTests(AcmeDestinationFixture fixture) : DestinationAcceptanceTests<AcmeDestinationFixture>(fixture);
