using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Sdk.Streams.Errors;

/// <summary>
/// Applies a source's <see cref="ErrorRule"/>s in the resilient handler: configuration, transient, rate-limited and
/// fail become classified exceptions there (the redacted exchange recorded); record and ignore hand the response back
/// to the stream, which sets the request aside or reads it as an empty page.
/// </summary>
public sealed class ErrorHandler(IReadOnlyList<ErrorRule> rules, TimeProvider time)
{
    /// <summary>The classifier for <see cref="ConnectorHttpOptions.Classify"/>.</summary>
    public HttpFailure? Classify(HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var arguments = Arguments(response, body);
        var rule = Match(arguments);
        if (rule is null)
        {
            return null; // the defaults
        }

        var message = rule.Message?.Invoke(arguments) ?? HttpFailure.Default(response, body).Message;
        return rule.Action switch
        {
            ErrorAction.Configuration => new(ErrorCategory.Configuration, message),
            ErrorAction.Transient => new(ErrorCategory.Transient, message),
            ErrorAction.RateLimited => new(ErrorCategory.RateLimited, message, RetryAfterHeader.Read(response, time) ?? rule.RetryAfter?.Invoke(arguments)),
            ErrorAction.Fail => new(ErrorCategory.Internal, message),
            _ => HttpFailure.HandBack,
        };
    }

    /// <summary>The rule matching a response that was handed back, to tell a record apart from an ignored page.</summary>
    public ErrorRule? Match(in ErrorArguments arguments)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(arguments))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>The arguments of <paramref name="response"/>.</summary>
    public static ErrorArguments Arguments(HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        return new ErrorArguments((int)response.StatusCode, headers, body ?? string.Empty, TryParse(body), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}");
    }

    /// <summary>Parses <paramref name="body"/> as JSON, or null.</summary>
    public static JsonNode? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
