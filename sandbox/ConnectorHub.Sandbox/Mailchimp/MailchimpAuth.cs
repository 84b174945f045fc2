using System.Text;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>
/// Mailchimp's two ways in: an API key as HTTP Basic with any user name and the key as password (the key's <c>-dc</c>
/// suffix must name the data center the request went to), or an OAuth 2 access token as <c>Authorization: Bearer</c>
/// (such tokens do not expire and carry no data center: the app learns it from <c>/oauth2/metadata</c>).
/// </summary>
internal static class MailchimpAuth
{
    public static IResult? Check(HttpRequest request, MailchimpEmulator emulator)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return emulator.AccessTokens.ContainsKey(header["Bearer ".Length..].Trim())
                ? null
                : MailchimpProblem.Result(401, "API Key Invalid", "Your API key may be invalid, or you've attempted to access the wrong datacenter.");
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return MailchimpProblem.Result(401, "API Key Missing", "Your request did not include an API key.");
        }

        string key;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            key = decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }
        catch (FormatException)
        {
            return MailchimpProblem.Result(401, "API Key Invalid", "Your API key may be invalid, or you've attempted to access the wrong datacenter.");
        }

        var dash = key.LastIndexOf('-');
        var dataCenterMatches = dash > 0 && string.Equals(key[(dash + 1)..], emulator.DataCenter, StringComparison.Ordinal);
        return dataCenterMatches && emulator.ApiKeys.ContainsKey(key)
            ? null
            : MailchimpProblem.Result(401, "API Key Invalid", "Your API key may be invalid, or you've attempted to access the wrong datacenter.");
    }
}
