using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Stripe;

/// <summary>Stripe's error body: <c>{"error": {"type", "code", "message", "param"}}</c>.</summary>
public static class StripeErrors
{
    /// <summary>An error result with Stripe's body and a request id.</summary>
    public static IResult Error(int status, string type, string message, string? code = null, string? param = null)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = type };
        if (code is not null)
        {
            error["code"] = code;
            error["doc_url"] = $"https://stripe.com/docs/error-codes/{code.Replace('_', '-')}";
        }

        if (param is not null)
        {
            error["param"] = param;
        }

        return Results.Content(new JsonObject { ["error"] = error }.ToJsonString(), "application/json", statusCode: status);
    }

    /// <summary>The body of a 429 (Stripe answers rate limits with <c>code: rate_limit</c>).</summary>
    public static string RateLimitBody => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = "rate_limit",
            ["doc_url"] = "https://stripe.com/docs/error-codes/rate-limit",
            ["message"] = "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
            ["type"] = "invalid_request_error",
        },
    }.ToJsonString();
}
