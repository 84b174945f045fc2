using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.CustomAudiences;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;

/// <summary>A running Meta emulator with one ad account and one audience, and a connector context pointed at it.</summary>
public sealed class MetaSandbox : IAsyncDisposable
{
    public const string AccountId = "1234567890";

    private MetaSandbox(EmulatorHost host, MetaCustomAudiencesEmulator emulator, CustomAudience audience)
    {
        Host = host;
        Emulator = emulator;
        Audience = audience;
    }

    public EmulatorHost Host { get; }

    public MetaCustomAudiencesEmulator Emulator { get; }

    public CustomAudience Audience { get; }

    public InstantTimeProvider Time { get; } = new InstantTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public MetaCustomAudiencesDestination Destination { get; } = new();

    public static async Task<MetaSandbox> StartAsync()
    {
        var emulator = new MetaCustomAudiencesEmulator();
        var audience = emulator.CreateAudience(AccountId, "VIP customers");
        return new MetaSandbox(await EmulatorHost.StartAsync(emulator), emulator, audience);
    }

    public ConnectorContext Context(string token = MetaCustomAudiencesEmulator.DefaultAccessToken) => new()
    {
        Config = new ConnectorConfig(new JsonObject
        {
            ["access_token"] = token,
            ["ad_account_id"] = "act_" + AccountId,
            ["api_version"] = "v21.0",
            ["base_url"] = Host.BaseAddress.ToString(),
        }),
        Time = Time,
    };

    public WriteRequest Request(string? audienceId = null) => new()
    {
        Stream = "vip-customers",
        Mode = DestinationSyncMode.AddRemove,
        Settings = new JsonObject { ["audience_id"] = audienceId ?? Audience.Id },
    };

    public Task<IDestinationWriter> OpenAsync(string? token = null) =>
        Destination.OpenAsync(Context(token ?? MetaCustomAudiencesEmulator.DefaultAccessToken), Request(), CancellationToken.None);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
