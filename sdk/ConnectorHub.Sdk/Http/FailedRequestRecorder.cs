using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Http;

/// <summary>Builds redacted <see cref="FailedRequest"/> records: credentials never leave in a run's history.</summary>
public sealed partial class FailedRequestRecorder(IReadOnlyCollection<string> secretValues)
{
    private const int MaxBodyLength = 4096;
    private const string Mask = "***";

    /// <summary>Records <paramref name="request"/> and, when one arrived, <paramref name="response"/>.</summary>
    public FailedRequest Record(HttpRequestMessage request, string? requestBody, HttpResponseMessage? response, string? responseBody)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new FailedRequest
        {
            Method = request.Method.Method,
            Url = Redact(RedactQuery(request.RequestUri?.ToString() ?? string.Empty)),
            RequestHeaders = Headers(request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())),
            RequestBody = requestBody is null ? null : Redact(HttpFailure.Truncate(requestBody, MaxBodyLength)),
            StatusCode = response is null ? null : (int)response.StatusCode,
            ResponseHeaders = response is null ? new Dictionary<string, string>() : Headers(response.Headers.Concat(response.Content.Headers)),
            ResponseBody = responseBody is null ? null : Redact(HttpFailure.Truncate(responseBody, MaxBodyLength)),
        };
    }

    /// <summary>Replaces every known secret value in <paramref name="text"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in secretValues)
        {
            if (secret.Length >= 4)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return SecretJsonField().Replace(text, m => $"{m.Groups[1].Value}\"{Mask}\"");
    }

    private Dictionary<string, string> Headers(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key,
            g => IsSecretName(g.Key) ? Mask : Redact(string.Join(", ", g.SelectMany(h => h.Value))),
            StringComparer.OrdinalIgnoreCase);

    private static string RedactQuery(string url) =>
        SecretQueryParameter().Replace(url, m => $"{m.Groups[1].Value}={Mask}");

    /// <summary>Whether a header, query or field name usually holds a credential.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)
            || SecretWord().IsMatch(name);
    }

    [GeneratedRegex("(token|secret|password|api[-_]?key|apikey|signature|credential)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretWord();

    [GeneratedRegex(@"([?&][^=&#]*(?:token|secret|password|key|signature)[^=&#]*)=[^&#]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQueryParameter();

    [GeneratedRegex("(\"[^\"]*(?:token|secret|password|api_key|apikey|client_secret)[^\"]*\"\\s*:\\s*)\"[^\"]*\"", RegexOptions.IgnoreCase)]
    private static partial Regex SecretJsonField();
}
