using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Mailchimp;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Support;

/// <summary>A running Mailchimp emulator with one list (default fields plus PLAN), and a context pointed at it.</summary>
public sealed class MailchimpSandbox : IAsyncDisposable
{
    private MailchimpSandbox(EmulatorHost host, MailchimpEmulator emulator, MailchimpList list)
    {
        Host = host;
        Emulator = emulator;
        List = list;
    }

    public EmulatorHost Host { get; }

    public MailchimpEmulator Emulator { get; }

    public MailchimpList List { get; }

    public InstantTimeProvider Time { get; } = new InstantTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public MailchimpDestination Destination { get; } = new();

    public static async Task<MailchimpSandbox> StartAsync(TimeSpan latency = default)
    {
        var emulator = new MailchimpEmulator { Latency = latency };
        var list = emulator.CreateList("Newsletter", [.. MergeField.Defaults, new MergeField("PLAN", "Plan"), new MergeField("LTV", "Lifetime value", "number")]);
        return new MailchimpSandbox(await EmulatorHost.StartAsync(emulator), emulator, list);
    }

    public ConnectorContext Context(string apiKey = MailchimpEmulator.DefaultApiKey, int maxConnections = 3) => new()
    {
        Config = new ConnectorConfig(new JsonObject
        {
            ["api_key"] = apiKey,
            ["base_url"] = new Uri(Host.BaseAddress, "3.0").ToString(),
            ["max_connections"] = maxConnections,
        }),
        Time = Time,
    };

    public WriteRequest Request(JsonObject? settings = null)
    {
        var all = new JsonObject { ["list_id"] = List.Id, ["tags"] = new JsonArray("hub") };
        foreach (var (name, value) in settings ?? [])
        {
            all[name] = value?.DeepClone();
        }

        return new WriteRequest { Stream = "profiles", Mode = DestinationSyncMode.Upsert, Settings = all };
    }

    public Task<IDestinationWriter> OpenAsync(JsonObject? settings = null, string apiKey = MailchimpEmulator.DefaultApiKey, int maxConnections = 3) =>
        Destination.OpenAsync(Context(apiKey, maxConnections), Request(settings), CancellationToken.None);

    public async Task<IReadOnlyList<RecordResult>> RunAsync(IReadOnlyList<DestinationRecord> batch, JsonObject? settings = null, int maxConnections = 3)
    {
        await using var writer = await OpenAsync(settings, maxConnections: maxConnections);
        var result = await writer.WriteAsync(batch, CancellationToken.None);
        await writer.CompleteAsync(CancellationToken.None);
        return result.Results;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
