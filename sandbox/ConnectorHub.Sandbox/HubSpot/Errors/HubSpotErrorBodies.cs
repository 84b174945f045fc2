using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.HubSpot.Errors;

/// <summary>
/// HubSpot's error bodies (the SDK's <c>StandardError</c> shape, the 429 shape and the OAuth endpoint's shape),
/// so connectors meet the real JSON. See api-contracts.md §1.
/// </summary>
public static class HubSpotErrorBodies
{
    /// <summary>The message HubSpot answers when a request carries no usable credentials.</summary>
    public const string CredentialsNotFound =
        "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";

    /// <summary><c>{"status":"error","message":...,"correlationId":...,"category":...}</c> with optional details.</summary>
    public static string Standard(string message, string category, JsonArray? errors = null, JsonObject? context = null, JsonObject? links = null)
    {
        var body = new JsonObject
        {
            ["status"] = "error",
            ["message"] = message,
            ["correlationId"] = NewId(),
            ["category"] = category,
        };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        if (context is not null)
        {
            body["context"] = context;
        }

        if (links is not null)
        {
            body["links"] = links;
        }

        return body.ToJsonString();
    }

    /// <summary>A 400 <c>VALIDATION_ERROR</c>.</summary>
    public static string Validation(string message) => Standard(message, "VALIDATION_ERROR");

    /// <summary>The 401 for a missing or unknown token.</summary>
    public static string InvalidAuthentication() => Standard(CredentialsNotFound, "INVALID_AUTHENTICATION");

    /// <summary>The 401 for an expired OAuth access token.</summary>
    public static string ExpiredAuthentication(int daysAgo = 0) =>
        Standard($"The OAuth token used to make this call expired {daysAgo} day(s) ago.", "EXPIRED_AUTHENTICATION");

    /// <summary>The 403 for a token without the scope a call needs.</summary>
    public static string MissingScopes(string scope) => Standard(
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
        "MISSING_SCOPES",
        errors: [new JsonObject
        {
            ["message"] = "One or more of the following scopes are required.",
            ["context"] = new JsonObject { ["requiredGranularScopes"] = new JsonArray(scope) },
        }],
        links: new JsonObject { ["scopes"] = "https://developers.hubspot.com/scopes" });

    /// <summary>The 429 body; <paramref name="policyName"/> is <c>TEN_SECONDLY_ROLLING</c>, <c>SECONDLY</c> or <c>DAILY</c>.</summary>
    public static string RateLimit(string policyName = "TEN_SECONDLY_ROLLING") => new JsonObject
    {
        ["status"] = "error",
        ["message"] = policyName == "DAILY" ? "You have reached your daily limit." : $"You have reached your {policyName.ToLowerInvariant()} limit.",
        ["errorType"] = "RATE_LIMIT",
        ["correlationId"] = NewId(),
        ["policyName"] = policyName,
        ["requestId"] = NewId(),
    }.ToJsonString();

    /// <summary>The OAuth token endpoint's failure shape: <c>{"status":"BAD_REFRESH_TOKEN","message":...}</c>.</summary>
    public static string OAuth(string status, string message) => new JsonObject
    {
        ["status"] = status,
        ["message"] = message,
        ["correlationId"] = NewId(),
    }.ToJsonString();

    private static string NewId() => Guid.NewGuid().ToString();
}
