using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.MetaAds.Tests.Acceptance;

/// <summary>Every check of the acceptance kit, against the Meta Insights emulator.</summary>
public sealed class MetaAdsSourceAcceptanceTests(MetaAdsSourceFixture fixture) : SourceAcceptanceTests<MetaAdsSourceFixture>(fixture);
