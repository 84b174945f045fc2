namespace ConnectorHub.Cli.Files;

/// <summary>One thing wrong with a sync or connection file: which field, on which line, and how to fix it.</summary>
/// <param name="Field">The field's path in the file, such as <c>streams[0].sync_mode</c> (empty for the whole file).</param>
/// <param name="Line">The 1-based line of the field, when known.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
internal sealed record FileProblem(string Field, int? Line, string Message)
{
    /// <summary>The problem as <c>file:line: field: message</c>.</summary>
    public string Describe(string file)
    {
        var where = Line is { } line ? $"{file}:{line}" : file;
        return Field.Length == 0 ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
