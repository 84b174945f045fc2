using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sandbox.Mailchimp;
using ConnectorHub.Sandbox.Meta.CustomAudiences;
using ConnectorHub.Sandbox.Meta.Insights;
using ConnectorHub.Sandbox.Meta.Insights.Seed;
using ConnectorHub.Sandbox.Square;

namespace ConnectorHub.Host.Demo;

/// <summary>
/// The sandbox emulators demo mode runs in-process on 127.0.0.1 (free ports, so several hubs can run side by side):
/// HubSpot and Square seeded with the same people (their identities overlap, so profiles merge), Meta Ads insights,
/// and Mailchimp and Meta Custom Audiences with one empty audience each to activate into.
/// </summary>
internal sealed class DemoEmulators(TimeProvider time) : IAsyncDisposable
{
    /// <summary>The Meta ad account that owns the demo custom audience.</summary>
    public const string AdAccountId = "1234567890";

    private readonly List<EmulatorHost> _hosts = [];

    public HubSpotEmulator HubSpot { get; } = new();

    public SquareEmulator Square { get; } = new();

    // The last 30 days: what the Meta Ads connector reads by default.
    public MetaInsightsEmulator MetaInsights { get; } = new(new InsightsSeedOptions
    {
        FirstDay = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-30),
        Days = 30,
        CampaignsPerAccount = 2,
        AdSetsPerCampaign = 1,
    });

    /// <summary>Mailchimp, accepting the seeded people's example.* addresses the real one would refuse as fake.</summary>
    public MailchimpEmulator Mailchimp { get; } = new() { FakeDomains = new HashSet<string>() };

    public MetaCustomAudiencesEmulator MetaCustomAudiences { get; } = new();

    public EmulatorHost HubSpotHost => _hosts[0];

    public EmulatorHost SquareHost => _hosts[1];

    public EmulatorHost MetaInsightsHost => _hosts[2];

    public EmulatorHost MailchimpHost => _hosts[3];

    public EmulatorHost MetaCustomAudiencesHost => _hosts[4];

    /// <summary>The Mailchimp audience (list) id to activate into.</summary>
    public string MailchimpListId { get; private set; } = string.Empty;

    /// <summary>The Meta custom audience id to activate into.</summary>
    public string MetaAudienceId { get; private set; } = string.Empty;

    /// <summary>Each emulator's name and address, for the log.</summary>
    public IEnumerable<(string Name, Uri Address)> Addresses =>
        new IEmulator[] { HubSpot, Square, MetaInsights, Mailchimp, MetaCustomAudiences }.Zip(_hosts, (e, h) => (e.Name, h.BaseAddress));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var emulator in new IEmulator[] { HubSpot, Square, MetaInsights, Mailchimp, MetaCustomAudiences })
        {
            _hosts.Add(await EmulatorHost.StartAsync(emulator, cancellationToken: cancellationToken));
        }

        MailchimpListId = Mailchimp.CreateList("ConnectorHub demo").Id;
        MetaAudienceId = MetaCustomAudiences.CreateAudience(AdAccountId, "ConnectorHub demo").Id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
    }
}
