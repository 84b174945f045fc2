namespace ConnectorHub.Sdk.Manifests;

/// <summary>A connector manifest that cannot be used: what is wrong, in which file, at which line and column.</summary>
public sealed class ManifestException : Exception
{
    /// <summary>Creates the failure.</summary>
    public ManifestException(string file, long line, long column, string problem, Exception? innerException = null)
        : base($"{file} line {line}, column {column}: {problem}", innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The manifest's path.</summary>
    public string File { get; }

    /// <summary>The line (1-based) of the bad part.</summary>
    public long Line { get; }

    /// <summary>The column (1-based) of the bad part.</summary>
    public long Column { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Problem { get; }
}
