using System.Text.RegularExpressions;

namespace ConnectorHub.Host.Tests.Dashboard;

/// <summary>Posts the dashboard's forms as a browser does: with the antiforgery token from the page.</summary>
internal static partial class DashboardClient
{
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string userName, string password) =>
        await browser.PostFormAsync("/signin", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>GETs <paramref name="page"/> for its antiforgery token, then posts <paramref name="fields"/> to it (or to <paramref name="action"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string page, Dictionary<string, string> fields, string? action = null)
    {
        var form = await browser.GetStringAsync(new Uri(page, UriKind.Relative));
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value;
        return await browser.PostAsync(new Uri(action ?? page, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token a dashboard page carries (its forms' hidden field).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient browser, string page = "/")
    {
        var html = await browser.GetStringAsync(new Uri(page, UriKind.Relative));
        return AntiforgeryField().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
