using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.File.Tests.Acceptance;

/// <summary>Every check of the acceptance kit, against CSV and JSON Lines files in a temp folder.</summary>
public sealed class FileSourceAcceptanceTests(FileSourceFixture fixture) : SourceAcceptanceTests<FileSourceFixture>(fixture);
