using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Support;

/// <summary>Steps many tests share.</summary>
public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("who")).ToContainTextAsync(userName);
    }

    /// <summary>Whether the page is no wider than the viewport (nothing forces sideways scrolling).</summary>
    public static Task<bool> FitsTheViewportAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
