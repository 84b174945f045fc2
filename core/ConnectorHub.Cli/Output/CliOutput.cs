using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace ConnectorHub.Cli.Output;

/// <summary>
/// Where commands write: tables and progress through Spectre.Console on standard output (live only on a terminal),
/// JSON documents when <c>--json</c> is given, and errors on standard error.
/// </summary>
internal sealed class CliOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Output for terminals and scripts, never embedded in HTML: keep quotes and accents readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly TextWriter _out;

    public CliOutput(TextWriter stdout, TextWriter stderr, bool interactive, bool json)
    {
        _out = stdout;
        Error = stderr;
        Interactive = interactive;
        Json = json;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Redirected output goes to logs and scripts: never wrap a message in the middle of a line.
            Console.Profile.Width = 4096;
        }
    }

    /// <summary>Human output (tables, markup) on standard output.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether standard output is a terminal, so live progress can redraw in place.</summary>
    public bool Interactive { get; }

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool Json { get; }

    /// <summary>The console of this process.</summary>
    public static CliOutput ForProcess(bool json) =>
        new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected, json);

    /// <summary>Writes <paramref name="document"/> as indented JSON on standard output.</summary>
    public void WriteJson<T>(T document)
    {
        _out.WriteLine(JsonSerializer.Serialize(document, JsonOptions));
        _out.Flush();
    }

    /// <summary>Writes one plain line on standard output (no markup).</summary>
    public void WriteLine(string line) => Console.WriteLine(line);

    /// <summary>Reports a failure: the message on standard error, and with <c>--json</c> a JSON error document too.</summary>
    public void Fail(int exitCode, string message)
    {
        Error.WriteLine($"error: {message}");
        Error.Flush();
        if (Json)
        {
            WriteJson(new ErrorDocument("error", exitCode, message));
        }
    }

    private sealed record ErrorDocument(string Status, int ExitCode, string Message);
}
