using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Runner;

/// <summary>Checks <see cref="SyncRunnerOptions"/> at start and reports every mistake at once, naming the setting.</summary>
internal sealed class SyncRunnerOptionsValidator : IValidateOptions<SyncRunnerOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncRunnerOptions options)
    {
        const string section = SyncRunnerOptions.Section;
        var failures = new List<string>();
        if (options.BatchSize is < 1 or > 1_000_000)
        {
            failures.Add($"{section}:BatchSize is {options.BatchSize}; use 1 to 1000000 records per flush (default 1000).");
        }

        if (options.FlushInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:FlushInterval is {options.FlushInterval}; use a positive interval such as 00:00:05.");
        }

        if (options.ReadAhead < 1)
        {
            failures.Add($"{section}:ReadAhead is {options.ReadAhead}; use 1 or more messages (default 2000).");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:HeartbeatInterval is {options.HeartbeatInterval}; use a positive interval such as 00:00:05.");
        }

        if (options.StaleAfter <= options.HeartbeatInterval)
        {
            failures.Add($"{section}:StaleAfter is {options.StaleAfter}, not longer than HeartbeatInterval ({options.HeartbeatInterval}); a live run would look dead. Use several heartbeats (default 00:01:00).");
        }

        if (options.MaxResumes < 0)
        {
            failures.Add($"{section}:MaxResumes is {options.MaxResumes}; use 0 (fail at the first transient error) or more (default 5).");
        }

        if (options.ResumeDelay < TimeSpan.Zero)
        {
            failures.Add($"{section}:ResumeDelay is {options.ResumeDelay}; use 00:00:00 or more (default 00:00:02).");
        }

        if (options.MaxRecordRetries < 0)
        {
            failures.Add($"{section}:MaxRecordRetries is {options.MaxRecordRetries}; use 0 or more (default 3).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
