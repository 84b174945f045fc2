using ConnectorHub.Sdk.Testing.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Acceptance;

/// <summary>Every check of the acceptance kit, against the Mailchimp emulator.</summary>
public sealed class MailchimpAcceptanceTests(MailchimpFixture fixture) : DestinationAcceptanceTests<MailchimpFixture>(fixture);
