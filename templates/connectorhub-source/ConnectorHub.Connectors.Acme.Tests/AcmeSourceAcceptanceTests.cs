using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>Every check of the acceptance kit, against the Acme API's WireMock stubs.</summary>
public sealed class AcmeSourceAcceptanceTests(AcmeSourceFixture fixture) : SourceAcceptanceTests<AcmeSourceFixture>(fixture);
