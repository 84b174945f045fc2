using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.HubSpot.Tests;

/// <summary>Every check of the acceptance kit, against the HubSpot emulator.</summary>
public sealed class HubSpotSourceAcceptanceTests(HubSpotSourceFixture fixture) : SourceAcceptanceTests<HubSpotSourceFixture>(fixture);
