using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>Every check of the acceptance kit, against the Acme emulator.</summary>
public sealed class AcmeSourceAcceptanceTests(AcmeSourceFixture fixture) : SourceAcceptanceTests<AcmeSourceFixture>(fixture);
