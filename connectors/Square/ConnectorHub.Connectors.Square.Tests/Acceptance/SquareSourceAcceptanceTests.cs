using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Acceptance;

/// <summary>Every check of the acceptance kit, against the Square emulator.</summary>
public sealed class SquareSourceAcceptanceTests(SquareSourceFixture fixture) : SourceAcceptanceTests<SquareSourceFixture>(fixture);
