using ConnectorHub.Sdk.Testing.Destinations;

namespace ConnectorHub.Connectors.Webhook.Tests.Acceptance;

/// <summary>Every check of the acceptance kit, against a receiver on 127.0.0.1 that keeps what it got by key.</summary>
public sealed class WebhookDestinationAcceptanceTests(WebhookDestinationFixture fixture) : DestinationAcceptanceTests<WebhookDestinationFixture>(fixture);
