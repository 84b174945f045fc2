using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square;

/// <summary>
/// One entry of Square's error body <c>{"errors":[{"category","code","detail","field"}]}</c>; the HTTP status goes
/// with the first error.
/// </summary>
/// <param name="Category">The ErrorCategory (<c>INVALID_REQUEST_ERROR</c>, <c>AUTHENTICATION_ERROR</c>, ...).</param>
/// <param name="Code">The ErrorCode (<c>VALUE_TOO_HIGH</c>, <c>UNAUTHORIZED</c>, <c>RATE_LIMITED</c>, ...).</param>
/// <param name="Detail">A human-readable explanation.</param>
/// <param name="Field">The request field at fault, when there is one.</param>
public sealed record SquareError(string Category, string Code, string Detail, string? Field = null)
{
    /// <summary>A malformed or invalid request (HTTP 400).</summary>
    public static SquareError InvalidRequest(string code, string detail, string? field = null) => new("INVALID_REQUEST_ERROR", code, detail, field);

    /// <summary>An access token that is missing, unknown, expired or revoked (HTTP 401).</summary>
    public static SquareError Authentication(string code, string detail) => new("AUTHENTICATION_ERROR", code, detail);

    /// <summary>The body holding <paramref name="errors"/>.</summary>
    public static string Body(params SquareError[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new JsonObject { ["errors"] = new JsonArray(errors.Select(e => (JsonNode)e.ToJson()).ToArray()) }.ToJsonString();
    }

    /// <summary>This error as its JSON object.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["category"] = Category, ["code"] = Code, ["detail"] = Detail };
        if (Field is not null)
        {
            json["field"] = Field;
        }

        return json;
    }

    /// <summary>This error as a response with <paramref name="statusCode"/>.</summary>
    public IResult Result(int statusCode = StatusCodes.Status400BadRequest) =>
        Results.Text(Body(this), "application/json", statusCode: statusCode);
}
