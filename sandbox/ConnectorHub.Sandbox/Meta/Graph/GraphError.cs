using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Meta.Graph;

/// <summary>
/// A Graph API error, written as Meta writes it:
/// <c>{"error":{"message","type","code","error_subcode","is_transient","fbtrace_id"}}</c>.
/// </summary>
/// <param name="Code">The Graph error code (190 bad token, 100 bad parameter or unknown object, 17/613/800xx throttling).</param>
/// <param name="Message">The message, in Meta's <c>(#code) text</c> style where Meta uses it.</param>
/// <param name="Type">The error type (<c>OAuthException</c>, <c>GraphMethodException</c>).</param>
/// <param name="Subcode">The <c>error_subcode</c>, when Meta sends one.</param>
/// <param name="IsTransient">The <c>is_transient</c> flag, when Meta sends one.</param>
public sealed record GraphError(int Code, string Message, string Type = "OAuthException", int? Subcode = null, bool? IsTransient = null)
{
    /// <summary>An access token Meta cannot parse or that expired (code 190).</summary>
    public static GraphError InvalidToken() => new(190, "Invalid OAuth access token - Cannot parse access token");

    /// <summary>No access token at all (code 104).</summary>
    public static GraphError MissingToken() => new(104, "An access token is required to request this resource.");

    /// <summary>A node that does not exist or that the token cannot see (code 100, subcode 33).</summary>
    public static GraphError UnknownObject(string method, string id) => new(
        100,
        $"Unsupported {method.ToLowerInvariant()} request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
        "GraphMethodException",
        33);

    /// <summary>A missing or malformed parameter (code 100).</summary>
    public static GraphError InvalidParameter(string message) => new(100, $"(#100) {message}");

    /// <summary>The JSON body.</summary>
    public string ToJson()
    {
        var error = new JsonObject { ["message"] = Message, ["type"] = Type, ["code"] = Code };
        if (Subcode is { } subcode)
        {
            error["error_subcode"] = subcode;
        }

        if (IsTransient is { } transient)
        {
            error["is_transient"] = transient;
        }

        error["fbtrace_id"] = "A" + Guid.NewGuid().ToString("N")[..22];
        return new JsonObject { ["error"] = error }.ToJsonString();
    }

    /// <summary>Writes the error with <paramref name="statusCode"/> (Graph answers most errors, throttling included, with 400).</summary>
    public Task WriteAsync(HttpResponse response, int statusCode = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=UTF-8";
        return response.WriteAsync(ToJson());
    }
}
