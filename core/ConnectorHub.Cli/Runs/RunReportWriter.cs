using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Runs;
using ConnectorHub.Sdk.Errors;
using Spectre.Console;

namespace ConnectorHub.Cli.Runs;

/// <summary>Writes a <see cref="RunReport"/> for people: outcome, counts, error and failed request, rejected records.</summary>
internal static class RunReportWriter
{
    private const int BodyPreview = 1000;

    public static void Write(IAnsiConsole console, RunReport report)
    {
        var duration = report.DurationSeconds is { } seconds ? string.Create(CultureInfo.InvariantCulture, $" in {seconds:0.0} s") : string.Empty;
        var outcome = report.Status switch
        {
            RunStatus.Succeeded when report.Totals.Rejected > 0 => "[yellow]succeeded with rejected records[/]",
            RunStatus.Succeeded => "[green]succeeded[/]",
            RunStatus.Cancelled => "[yellow]was cancelled[/]",
            _ => $"[red]{report.Status.ToString().ToLowerInvariant()}[/]",
        };
        console.MarkupLine($"Run {report.RunId} of sync [bold]'{Markup.Escape(report.Sync)}'[/] {outcome}{duration}.");
        console.Write(CountsTable(report));
        WriteError(console, report.Error);
        if (report.Status == RunStatus.Cancelled)
        {
            console.WriteLine("What was read is committed; the next run resumes from the last checkpoint.");
        }

        WriteRejects(console, report);
        console.MarkupLine($"[grey]State: {Markup.Escape(report.StateStore)}[/]");
    }

    public static Table CountsTable(RunReport report)
    {
        var table = new Table().AddColumn("Stream").AddColumn(new TableColumn("Read").RightAligned())
            .AddColumn(new TableColumn("Written").RightAligned()).AddColumn(new TableColumn("Rejected").RightAligned());
        foreach (var stream in report.Streams)
        {
            table.AddRow(Markup.Escape(stream.Stream), Number(stream.Read), Number(stream.Written), Number(stream.Rejected));
        }

        if (report.Streams.Count > 1)
        {
            table.AddRow("[bold]Total[/]", Number(report.Totals.Read), Number(report.Totals.Written), Number(report.Totals.Rejected));
        }

        return table;
    }

    private static void WriteError(IAnsiConsole console, RunErrorView? error)
    {
        if (error is null)
        {
            return;
        }

        var stream = error.Stream is null ? string.Empty : $" in stream '{Markup.Escape(error.Stream)}'";
        console.MarkupLine($"[red]{Describe(error.Category)}{stream}:[/] {Markup.Escape(error.Message)}");
        if (error.FailedRequest is { } request)
        {
            var status = request["statusCode"]?.ToString() is { Length: > 0 } code ? code : "no response";
            console.WriteLine($"Failed request: {Text(request["method"])} {Text(request["url"])} -> {status}");
            if (Text(request["responseBody"]) is { Length: > 0 } body)
            {
                console.WriteLine($"Response: {(body.Length > BodyPreview ? body[..BodyPreview] + "..." : body)}");
            }
        }

        console.WriteLine(error.Category == ErrorCategory.Configuration
            ? "Fix the settings in the sync file, then run again: it resumes from the last checkpoint."
            : "Run again to resume from the last checkpoint.");
    }

    private static void WriteRejects(IAnsiConsole console, RunReport report)
    {
        if (report.Totals.Rejected == 0)
        {
            return;
        }

        var shown = report.Rejects.Count < report.Totals.Rejected ? $" (the first {report.Rejects.Count} below)" : string.Empty;
        console.MarkupLine($"[yellow]{report.Totals.Rejected} record(s) were rejected{shown}:[/]");
        if (report.Rejects.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("Stream", "Stage", "Key", "Location", "Reason");
        foreach (var reject in report.Rejects)
        {
            table.AddRow(Markup.Escape(reject.Stream), reject.Stage.ToString().ToLowerInvariant(), Markup.Escape(reject.RecordKey ?? "-"),
                Markup.Escape(reject.Location ?? "-"), Markup.Escape(reject.Reason));
        }

        console.Write(table);
    }

    private static string Describe(ErrorCategory category) => category switch
    {
        ErrorCategory.Configuration => "Configuration error",
        ErrorCategory.Transient => "Transient error (retries exhausted)",
        ErrorCategory.RateLimited => "Rate limited (retries exhausted)",
        ErrorCategory.Record => "Record error",
        _ => "Internal error",
    };

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : node?.ToJsonString() ?? string.Empty;

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
