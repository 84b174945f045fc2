using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ConnectorHub.Cli.CommandLine;

/// <summary>The standard help, followed by the exit codes scripts can rely on.</summary>
internal sealed class HelpWithExitCodes(HelpAction help) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    /// <summary>Makes <paramref name="root"/>'s help option (and so every command's) print the exit codes too.</summary>
    public static void Install(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        if (option.Action is HelpAction help)
        {
            option.Action = new HelpWithExitCodes(help);
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var result = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.All)
        {
            output.WriteLine($"  {code,-5}{meaning}");
        }

        output.WriteLine();
        return result;
    }
}
