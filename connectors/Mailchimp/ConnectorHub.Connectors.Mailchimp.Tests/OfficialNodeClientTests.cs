using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Tests.Support;
using ConnectorHub.Sandbox.Mailchimp;

namespace ConnectorHub.Connectors.Mailchimp.Tests;

/// <summary>
/// Mailchimp's official Node client (npm <c>@mailchimp/mailchimp_marketing</c> 3.0.80) works against the emulator
/// unchanged, with an API key and with an OAuth access token, and reads lists and members with the real API's fields.
/// </summary>
public sealed class OfficialNodeClientTests : IAsyncLifetime
{
    private MailchimpSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MailchimpSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [NodeFact]
    public async Task TheOfficialNodeClient_ReadsListsAndMembersWithTheRealFields_WithAnApiKeyOrAnOAuthToken()
    {
        var seen = await NodeScript.RunAsync("mailchimp-client.js", _sandbox.Host.BaseAddress.ToString(), MailchimpEmulator.DefaultApiKey, MailchimpEmulator.DefaultAccessToken, _sandbox.List.Id);

        Assert.Equal("Everything's Chimpy!", seen["ping"]!.GetValue<string>());
        Assert.Equal(["_links", "constraints", "lists", "total_items"], Strings(seen["listsKeys"]!));
        var list = seen["list"]!.AsObject();
        foreach (var field in (string[])["web_id", "contact", "permission_reminder", "use_archive_bar", "campaign_defaults", "notify_on_subscribe", "date_created",
                     "list_rating", "email_type_option", "subscribe_url_short", "subscribe_url_long", "beamer_address", "visibility", "double_optin", "stats", "_links"])
        {
            Assert.True(list.ContainsKey(field), $"The list has no '{field}'.");
        }

        Assert.Equal("ConnectorHub Sandbox", list["contact"]!["company"]!.GetValue<string>());
        Assert.Equal("news@sandbox.connectorhub.dev", list["campaign_defaults"]!["from_email"]!.GetValue<string>());
        Assert.Equal(7, list["stats"]!["merge_field_count"]!.GetValue<int>());
        Assert.Contains(list["_links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "members");

        Assert.Equal(1, seen["batch"]!["created"]!.GetValue<int>());
        Assert.Equal(0, seen["batch"]!["errors"]!.GetValue<int>());
        var member = seen["member"]!.AsObject();
        Assert.Equal("ada.lovelace@sandbox-mail.dev", member["email_address"]!.GetValue<string>());
        Assert.Equal("fr", member["language"]!.GetValue<string>());
        Assert.True(member["vip"]!.GetValue<bool>());
        Assert.Equal(48.85, member["location"]!["latitude"]!.GetValue<double>());
        Assert.Equal("203.0.113.9", member["ip_signup"]!.GetValue<string>());
        Assert.Equal("2026-10-01T09:00:00+00:00", member["timestamp_signup"]!.GetValue<string>());
        Assert.NotEqual(string.Empty, member["timestamp_opt"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", member["full_name"]!.GetValue<string>());
        foreach (var field in (string[])["unique_email_id", "contact_id", "web_id", "email_type", "stats", "member_rating", "last_changed", "email_client", "marketing_permissions", "source", "tags", "list_id", "_links"])
        {
            Assert.True(member.ContainsKey(field), $"The member has no '{field}'.");
        }

        Assert.Equal(MailchimpEmulator.DefaultDataCenter, seen["metadata"]!["dc"]!.GetValue<string>());
        Assert.Equal(["ada.lovelace@sandbox-mail.dev"], Strings(seen["oauthMembers"]!));
        Assert.Equal(401, seen["badToken"]!["status"]!.GetValue<int>());
        Assert.Equal("API Key Invalid", seen["badToken"]!["title"]!.GetValue<string>());
    }

    private static IReadOnlyList<string> Strings(JsonNode node) => node.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
