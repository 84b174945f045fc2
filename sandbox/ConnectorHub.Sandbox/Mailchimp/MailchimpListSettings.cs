namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>What a Mailchimp list (audience) is created with besides its name: its footer contact, permission reminder and campaign defaults.</summary>
public sealed record MailchimpListSettings
{
    /// <summary>The contact shown in campaign footers (Mailchimp requires one, for anti-spam laws).</summary>
    public MailchimpListContact Contact { get; init; } = new();

    /// <summary>Why people on the list receive its emails.</summary>
    public string PermissionReminder { get; init; } = "You are receiving this email because you opted in via our website.";

    /// <summary>Campaign defaults: from name, from email, subject, language.</summary>
    public MailchimpCampaignDefaults CampaignDefaults { get; init; } = new();

    /// <summary>Whether subscribers confirm by email.</summary>
    public bool DoubleOptin { get; init; }

    /// <summary><c>pub</c> or <c>prv</c>.</summary>
    public string Visibility { get; init; } = "pub";

    /// <summary>Whether GDPR marketing permissions are on.</summary>
    public bool MarketingPermissions { get; init; }
}

/// <summary>A list's footer contact.</summary>
public sealed record MailchimpListContact(
    string Company = "ConnectorHub Sandbox", string Address1 = "1 Example Street", string Address2 = "", string City = "Atlanta", string State = "GA",
    string Zip = "30308", string Country = "US", string Phone = "");

/// <summary>A list's campaign defaults.</summary>
public sealed record MailchimpCampaignDefaults(string FromName = "ConnectorHub Sandbox", string FromEmail = "news@sandbox.connectorhub.dev", string Subject = "", string Language = "en");
