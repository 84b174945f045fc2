using ConnectorHub.Cli.CommandLine;

namespace ConnectorHub.Cli.Files;

/// <summary>A sync or connection file that cannot be used, with every problem found in it.</summary>
internal sealed class InvalidFileException(string file, IReadOnlyList<FileProblem> problems)
    : Exception(Format(file, problems))
{
    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>What is wrong, field by field.</summary>
    public IReadOnlyList<FileProblem> Problems { get; } = problems;

    /// <summary>The CLI error for this file (exit code 2).</summary>
    public CliException ToCliException() => new(ExitCodes.InvalidUsage, Message, this);

    private static string Format(string file, IReadOnlyList<FileProblem> problems) =>
        problems.Count == 1
            ? problems[0].Describe(file)
            : $"{file} has {problems.Count} problems:{Environment.NewLine}"
              + string.Join(Environment.NewLine, problems.Select(p => "  " + p.Describe(file)));
}
