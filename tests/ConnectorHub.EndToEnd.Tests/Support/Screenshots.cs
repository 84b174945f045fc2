using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace ConnectorHub.EndToEnd.Tests.Support;

/// <summary>
/// Saves a full-page screenshot per test step to
/// <c>{test output}/TestResults/screenshots/{test class}/{test}/NN-step.png</c>
/// (<c>tests/ConnectorHub.EndToEnd.Tests/bin/Debug/net10.0/TestResults/screenshots/...</c>), or under
/// <c>$CONNECTORHUB_SCREENSHOTS</c> when set.
/// </summary>
public sealed class Screenshots(string testClass, [CallerMemberName] string test = "")
{
    private int _step;

    public static string Root => Environment.GetEnvironmentVariable("CONNECTORHUB_SCREENSHOTS") is { Length: > 0 } root
        ? root
        : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public string Folder => Path.Combine(Root, testClass, test);

    public async Task TakeAsync(IPage page, string step)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        _step++;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{_step:00}-{step}.png"), FullPage = true });
    }
}
