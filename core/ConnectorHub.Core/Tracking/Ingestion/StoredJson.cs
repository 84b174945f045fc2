using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>
/// JSON text as the event stores keep it: characters as sent (a URL's <c>&amp;</c> stays <c>&amp;</c>, not
/// <c>\u0026</c>); whoever shows it in HTML encodes it there.
/// </summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Text(JsonObject? value) => value?.ToJsonString(Options);
}
