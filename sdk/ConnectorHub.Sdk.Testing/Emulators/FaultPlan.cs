using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace ConnectorHub.Sdk.Testing.Emulators;

/// <summary>
/// Faults an emulator answers instead of the real response, for the next requests that match: how tests make an
/// API throttle, fail or drop a token exactly when they want. Each emulator offers factories for faults shaped like
/// its real API's errors.
/// </summary>
public sealed class FaultPlan
{
    private readonly ConcurrentQueue<Fault> _queue = new();
    private long _served;

    /// <summary>How many faults were answered so far.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Answers the next <paramref name="times"/> requests matching <paramref name="fault"/> with it.</summary>
    public FaultPlan Add(Fault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        for (var i = 0; i < times; i++)
        {
            _queue.Enqueue(fault);
        }

        return this;
    }

    /// <summary>Forgets the faults not yet answered.</summary>
    public void Clear() => _queue.Clear();

    /// <summary>The next fault when it matches a request to <paramref name="path"/> (and <paramref name="method"/>, unless null), without taking it.</summary>
    public Fault? Peek(string path, string? method) =>
        _queue.TryPeek(out var fault) && fault.Matches(path, method) ? fault : null;

    /// <summary>Takes the next fault when it matches the request, counting it served; null when none does.</summary>
    public Fault? Take(string path, string method)
    {
        if (_queue.TryPeek(out var fault) && fault.Matches(path, method) && _queue.TryDequeue(out fault))
        {
            Interlocked.Increment(ref _served);
            return fault;
        }

        return null;
    }

    internal async Task Middleware(HttpContext context, RequestDelegate next)
    {
        if (Take(context.Request.Path.Value ?? "/", context.Request.Method) is { } fault)
        {
            await fault.WriteAsync(context);
            return;
        }

        await next(context);
    }
}

/// <summary>One injected answer.</summary>
public sealed record Fault
{
    /// <summary>The HTTP status to answer.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The body (already in the API's error format).</summary>
    public string? Body { get; init; }

    /// <summary>The content type of <see cref="Body"/>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra response headers (Retry-After, rate-limit headers, ...).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Only requests whose path starts with this (null matches all).</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Only requests with this method (null matches all).</summary>
    public string? Method { get; init; }

    /// <summary>Close the connection without an answer instead of answering.</summary>
    public bool Abort { get; init; }

    internal bool Matches(string path, string? method) =>
        (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase))
        && (Method is null || method is null || string.Equals(method, Method, StringComparison.OrdinalIgnoreCase));

    internal async Task WriteAsync(HttpContext context)
    {
        if (Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (Body is not null)
        {
            context.Response.ContentType = ContentType;
            await context.Response.WriteAsync(Body);
        }
    }
}
