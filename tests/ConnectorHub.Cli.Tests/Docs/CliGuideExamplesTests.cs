using System.Text.RegularExpressions;
using ConnectorHub.Cli.Tests.Support;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Cli.Tests.Docs;

/// <summary>Every connection and sync file shown in docs/cli.md is valid against the plugins that ship.</summary>
public sealed partial class CliGuideExamplesTests : IDisposable
{
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["HUBSPOT_TOKEN"] = "pat-na1-00000000-0000-0000-0000-000000000000",
        ["MAILCHIMP_KEY"] = "0123456789abcdef0123456789abcdef-us21",
    };

    private readonly CliWorkspace _workspace = new();

    public static TheoryData<int, string> Examples()
    {
        var data = new TheoryData<int, string>();
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "cli.md"));
        var number = 0;
        foreach (Match block in FencedFile().Matches(guide))
        {
            if (block.Groups["body"].Value.Contains("plugin", StringComparison.Ordinal))
            {
                data.Add(++number, block.Groups["body"].Value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_IsValidAgainstTheShippedPlugins(int number, string example)
    {
        var extension = example.TrimStart().StartsWith('{') ? "json" : "yaml";
        var file = _workspace.Write($"example-{number}.{extension}", example);

        var result = await _workspace.RunAsync(Secrets, "validate", "--config", file, "--plugins-dir", RepoPaths.Plugins);

        Assert.True(result.ExitCode == 0, $"example {number} of docs/cli.md:\n{example}\n{result}");
    }

    [Fact]
    public void TheGuide_ShowsBothAConnectionFileAndASyncFile()
    {
        var examples = Examples().Select(row => (string)row[1]).ToArray();
        Assert.Contains(examples, e => e.Contains("streams", StringComparison.Ordinal));
        Assert.Contains(examples, e => !e.Contains("streams", StringComparison.Ordinal));
    }

    public void Dispose() => _workspace.Dispose();

    [GeneratedRegex("```(?:yaml|json)\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedFile();
}
