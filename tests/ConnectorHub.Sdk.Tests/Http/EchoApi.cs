using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Sdk.Tests.Http;

/// <summary>A tiny API on Kestrel: <c>GET /items</c> answers <c>{"ok":true}</c> and counts the calls it served.</summary>
internal sealed class EchoApi : IEmulator
{
    private int _served;

    public string Name => "echo";

    public int Served => _served;

    public string? LastAuthorization { get; private set; }

    public void Map(WebApplication app) => app.MapGet("/items", (HttpRequest request) =>
    {
        Interlocked.Increment(ref _served);
        LastAuthorization = request.Headers.Authorization;
        return Results.Json(new { ok = true });
    });
}
