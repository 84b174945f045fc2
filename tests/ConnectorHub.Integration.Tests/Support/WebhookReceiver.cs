using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConnectorHub.Integration.Tests.Support;

/// <summary>A webhook receiver on Kestrel that upserts what it receives by record key and counts deliveries.</summary>
public sealed class WebhookReceiver : IEmulator
{
    private readonly ConcurrentDictionary<string, JsonObject> _records = new(StringComparer.Ordinal);
    private int _deliveries;

    public string Name => "webhook-receiver";

    /// <summary>The records held, by key.</summary>
    public IReadOnlyDictionary<string, JsonObject> Records => _records;

    /// <summary>How many records arrived in all, counting re-sends.</summary>
    public int Deliveries => _deliveries;

    public void Map(WebApplication app) => app.MapPost("/hook", async (HttpRequest request) =>
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        foreach (var record in body["records"]!.AsArray())
        {
            _records[record!["key"]!.GetValue<string>()] = record["data"]!.AsObject();
            Interlocked.Increment(ref _deliveries);
        }

        return Results.Json(new { received = body["records"]!.AsArray().Count });
    });
}
