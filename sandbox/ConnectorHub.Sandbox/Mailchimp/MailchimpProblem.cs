using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>
/// Mailchimp's error body, <c>application/problem+json</c>: <c>{type, title, status, detail, instance}</c>, plus
/// <c>errors[{field, message}]</c> for validation failures.
/// </summary>
public static class MailchimpProblem
{
    /// <summary>The <c>type</c> every Mailchimp error carries.</summary>
    public const string TypeUrl = "https://mailchimp.com/developer/marketing/docs/errors/";

    /// <summary>The JSON body of a problem.</summary>
    public static string Json(int status, string title, string detail, IEnumerable<(string Field, string Message)>? errors = null)
    {
        var body = new JsonObject
        {
            ["type"] = TypeUrl,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = Guid.NewGuid().ToString(),
        };
        if (errors is not null)
        {
            body["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["field"] = e.Field, ["message"] = e.Message }).ToArray());
        }

        return body.ToJsonString();
    }

    /// <summary>A problem as an endpoint result.</summary>
    public static IResult Result(int status, string title, string detail, IEnumerable<(string Field, string Message)>? errors = null) =>
        Results.Content(Json(status, title, detail, errors), "application/problem+json; charset=utf-8", statusCode: status);

    /// <summary>404 "Resource Not Found".</summary>
    public static IResult NotFound() => Result(404, "Resource Not Found", "The requested resource could not be found.");

    /// <summary>400 "Invalid Resource" with field errors.</summary>
    public static IResult Invalid(IEnumerable<(string Field, string Message)> errors) =>
        Result(400, "Invalid Resource", "The resource submitted could not be validated. For field-specific details, see the 'errors' array.", errors);
}
