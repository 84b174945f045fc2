using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Settings;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Streams;
using ConnectorHub.Sdk.Testing.Configs;
using ConnectorHub.Sdk.Testing.Reading;
using ConnectorHub.Sdk.Testing.Time;
using WireMock.Server;

namespace ConnectorHub.Sdk.Tests.Streams.Reading;

/// <summary>An HTTP source described by each test, against a WireMock server on 127.0.0.1.</summary>
internal sealed class StubSource(Func<StubSettings, HttpSourceBuilder> configure) : HttpSource<StubSettings>
{
    protected override HttpSourceBuilder Configure(StubSettings settings) => configure(settings);
}

internal sealed record StubSettings
{
    [JsonPropertyName("base_url")]
    public required Uri BaseUrl { get; init; }

    [JsonPropertyName("api_key"), Secret]
    public string ApiKey { get; init; } = "key-123456";
}

/// <summary>One test's WireMock server, clock and config recorder.</summary>
internal sealed class StubApi : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start();

    public InstantTimeProvider Time { get; } = new();

    public RecordingConfigUpdater Updater { get; } = new();

    public ConnectorContext Context() => new()
    {
        Config = new ConnectorConfig(new JsonObject { ["base_url"] = Server.Url + "/", ["api_key"] = "key-123456" }),
        Time = Time,
        ConfigUpdater = Updater,
    };

    public Task<SourceReadResult> ReadAsync(ISourceConnector source, string stream, SyncMode mode, JsonNode? state = null, SourceReadOptions? options = null) =>
        SourceReader.ReadAsync(source, Context(), SourceReader.Request(mode, stream, state), options ?? new SourceReadOptions());

    /// <summary>The query value <paramref name="name"/> of every request to <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<string?> Queried(string path, string name) => Server.LogEntries
        .Where(e => e.RequestMessage.Path == path)
        .Select(e => e.RequestMessage.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null)
        .ToArray();

    public void Dispose() => Server.Stop();
}
