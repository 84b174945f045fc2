using System.Collections.Concurrent;
using ConnectorHub.Sdk.Testing.Emulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConnectorHub.Integration.Tests.Activation;

/// <summary>Wraps an emulator and keeps the raw text (path, query, body) of every request it gets, to check what left the hub.</summary>
public sealed class RecordingEmulator(IEmulator inner) : IEmulator
{
    private readonly ConcurrentQueue<string> _requests = new();

    public string Name => inner.Name;

    /// <summary>When set, awaited before a request reaches the emulator: a test holds a request in flight with it.</summary>
    public Func<HttpContext, Task>? BeforeRequest { get; set; }

    /// <summary>Every request as "METHOD path?query body".</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            _requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {body}");
            if (BeforeRequest is { } hold)
            {
                await hold(context);
            }

            await next(context);
        });
        inner.Map(app);
    }
}
