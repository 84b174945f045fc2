using ConnectorHub.Sdk.Testing.Sources;
using ConnectorHub.Sdk.Testing.Tests.Toys;

namespace ConnectorHub.Sdk.Testing.Tests.Sources;

/// <summary>A correct toy source passes every check that applies to it (token expiry is skipped with a reason).</summary>
public sealed class ToySourceAcceptanceTests(ToySourceFixture fixture) : SourceAcceptanceTests<ToySourceFixture>(fixture);
