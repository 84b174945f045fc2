using ConnectorHub.Host.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Account;

/// <summary>Ends the sign-in (POST only, with antiforgery, so a link cannot sign anyone out).</summary>
public sealed class SignOutModel : DashboardPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(HubAuthentication.CookieScheme);
        return RedirectToPage("/Account/SignIn");
    }
}
