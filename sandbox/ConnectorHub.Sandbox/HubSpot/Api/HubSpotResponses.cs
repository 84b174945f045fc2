using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.HubSpot.Errors;

namespace ConnectorHub.Sandbox.HubSpot.Api;

/// <summary>Writes JSON answers the way HubSpot sends them.</summary>
internal static class HubSpotResponses
{
    public const string JsonContentType = "application/json;charset=utf-8";

    // HubSpot writes '+' and accented letters as they are; the default encoder would escape them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int statusCode, string body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonContentType;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted);
    }

    /// <summary>Streams a JSON document written by <paramref name="write"/> straight into the response.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonContentType;
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions))
        {
            write(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    /// <summary>The request's JSON object body, or null after answering HubSpot's 400 for a body that is not JSON.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? [];
        }
        catch (JsonException ex)
        {
            await WriteAsync(context, 400, HubSpotErrorBodies.Validation($"Invalid input JSON: {ex.Message}"));
            return null;
        }
    }

    /// <summary>The absolute link HubSpot puts in <c>paging.next.link</c>.</summary>
    public static string NextLink(HttpRequest request, string after) =>
        $"{request.Scheme}://{request.Host}{request.Path}?after={Uri.EscapeDataString(after)}";
}
