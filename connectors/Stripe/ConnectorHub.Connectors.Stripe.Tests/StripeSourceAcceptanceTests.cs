using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.Stripe.Tests;

/// <summary>Every check of the acceptance kit, against the Stripe emulator, for a connector that is only a manifest.</summary>
public sealed class StripeSourceAcceptanceTests(StripeSourceFixture fixture) : SourceAcceptanceTests<StripeSourceFixture>(fixture);
