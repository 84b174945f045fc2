using ConnectorHub.Sdk.Testing.Destinations;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Acceptance;

/// <summary>Every check of the acceptance kit, against the Meta Custom Audiences emulator.</summary>
public sealed class MetaCustomAudiencesAcceptanceTests(MetaCustomAudiencesFixture fixture) : DestinationAcceptanceTests<MetaCustomAudiencesFixture>(fixture);
