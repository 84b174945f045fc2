using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Sdk.Testing.Tests.Toys;

/// <summary>The toy source against the HubSpot emulator; <see cref="Defects"/> chooses which toy.</summary>
public sealed class ToySourceFixture : SourceAcceptanceFixture
{
    private EmulatorHost? _host;

    public ToySourceFixture()
    {
        Skip(SourceCheck.TokenExpiry, "the toy source uses a static token only");
    }

    public HubSpotEmulator Hub { get; } = new(new HubSpotEmulatorOptions { Contacts = 40, Companies = 0, Deals = 0 });

    public ToySourceDefects Defects { get; init; }

    public override ISourceConnector Connector => new ToySource(Defects);

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("Not started.");

    public override JsonObject GoodConfig => Config(Emulator.BaseAddress, Hub.Options.PrivateAppToken);

    public override IReadOnlyList<BadConfig> BadConfigs => [new("wrong token", Config(Emulator.BaseAddress, "wrong-token-value"), "refused")];

    public override int LargeStreamRecords => 25_000;

    public override long LargeStreamHeapAllowanceBytes => 6L * 1024 * 1024;

    public override Fault RateLimitFault(TimeSpan retryAfter) => HubSpotFaults.RateLimited(retryAfter);

    public override void SetPagingFault(PagingFault? fault) => Hub.Paging = fault.ToMisbehaviour();

    public override async Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken)
    {
        var hub = new HubSpotEmulator(new HubSpotEmulatorOptions { Contacts = records, Companies = 0, Deals = 0 });
        var host = await EmulatorHost.StartAsync(hub, cancellationToken: cancellationToken);
        var config = Config(host.BaseAddress, hub.Options.PrivateAppToken);
        config["page_size"] = 100;
        return new LargeStreamSource(ToySource.Stream, config, records, host);
    }

    public override async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(Hub);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Declares a skip from a test (the base method is protected).</summary>
    public void DeclareSkip(SourceCheck check, string reason) => Skip(check, reason);

    private static JsonObject Config(Uri baseAddress, string token) => new() { ["api_token"] = token, ["base_url"] = baseAddress.ToString() };
}
