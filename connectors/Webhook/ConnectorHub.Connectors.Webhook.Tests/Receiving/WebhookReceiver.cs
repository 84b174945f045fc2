using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Webhook.Signing;
using ConnectorHub.Sdk.Testing.Emulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConnectorHub.Connectors.Webhook.Tests.Receiving;

/// <summary>
/// A real webhook receiver (a minimal API on Kestrel, hosted by <see cref="EmulatorHost"/>) that verifies every
/// request's signature with <see cref="WebhookSignature.Verify(string, string?, ReadOnlySpan{byte}, string?, DateTimeOffset, TimeSpan?)"/>
/// against the clock <paramref name="now"/> reads. Scripted answers serve one request each; without one, it refuses
/// batches over <see cref="MaxRecordsPerRequest"/> with 413, applies the batch to its <see cref="Store"/> and answers
/// 200, listing the records it refused.
/// </summary>
public sealed class WebhookReceiver(string secret, Func<DateTimeOffset> now) : IEmulator
{
    /// <summary>The path the receiver listens on.</summary>
    public const string Path = "/hooks";

    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();

    /// <inheritdoc />
    public string Name => "webhook-receiver";

    /// <summary>The most records the receiver takes in one request.</summary>
    public int MaxRecordsPerRequest { get; init; } = 1000;

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>What the receiver keeps, by stream and record key.</summary>
    public ReceiverStore Store { get; } = new();

    /// <summary>The requests answered 2xx: what was delivered.</summary>
    public IReadOnlyList<ReceivedRequest> Delivered => Requests.Where(r => r.Status is >= 200 and < 300).ToList();

    /// <summary>Answers the next request with <paramref name="status"/>, <paramref name="body"/> and <paramref name="headers"/>.</summary>
    public WebhookReceiver Then(int status, string? body = null, params (string Name, string Value)[] headers)
    {
        _script.Enqueue(new ScriptedAnswer(status, body, headers));
        return this;
    }

    /// <inheritdoc />
    public void Map(WebApplication app) => app.MapPost(Path, HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var signed = WebhookSignature.Verify(
            secret, headers.GetValueOrDefault(WebhookSignature.TimestampHeader), body, headers.GetValueOrDefault(WebhookSignature.SignatureHeader), now());
        var json = JsonNode.Parse(body)!.AsObject();
        var answer = !signed
            ? new ScriptedAnswer(401, """{"error":"bad signature"}""", [])
            : _script.TryDequeue(out var scripted) ? scripted : Receive(json);
        Requests.Enqueue(new ReceivedRequest(json, headers, signed, answer.Status));

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body);
        }
    }

    private ScriptedAnswer Receive(JsonObject body)
    {
        if (body["records"]!.AsArray().Count > MaxRecordsPerRequest)
        {
            return new ScriptedAnswer(413, $$"""{"error":"at most {{MaxRecordsPerRequest}} records per request"}""", []);
        }

        var refused = Store.Apply(body);
        var results = new JsonArray(refused.Select(r => (JsonNode?)new JsonObject { ["key"] = r.Key, ["status"] = "rejected", ["reason"] = r.Reason }).ToArray());
        return new ScriptedAnswer(200, refused.Count == 0 ? null : new JsonObject { ["results"] = results }.ToJsonString(), []);
    }

    private sealed record ScriptedAnswer(int Status, string? Body, (string Name, string Value)[] Headers);
}

/// <summary>One request the receiver got.</summary>
/// <param name="Body">The parsed body.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="SignatureValid">Whether <see cref="WebhookSignature.Verify(string, string?, ReadOnlySpan{byte}, string?, DateTimeOffset, TimeSpan?)"/> accepted it.</param>
/// <param name="Status">The status the receiver answered.</param>
public sealed record ReceivedRequest(JsonObject Body, IReadOnlyDictionary<string, string> Headers, bool SignatureValid, int Status)
{
    /// <summary>The stream the batch belongs to.</summary>
    public string Stream => Body["stream"]!.GetValue<string>();

    /// <summary>The keys of the body's records.</summary>
    public IReadOnlyList<string> Keys => Body["records"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()).ToList();
}
