using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Activation;

/// <summary>Checks <see cref="ActivationOptions"/> at start and reports every mistake at once, naming the setting.</summary>
internal sealed class ActivationOptionsValidator : IValidateOptions<ActivationOptions>
{
    public ValidateOptionsResult Validate(string? name, ActivationOptions options)
    {
        const string section = ActivationOptions.Section;
        var failures = new List<string>();
        if (options.PageSize is < 1 or > 100_000)
        {
            failures.Add($"{section}:PageSize is {options.PageSize}; use 1 to 100000 profiles per page (default 500).");
        }

        if (options.MaxBatchSize is < 1 or > 1_000_000)
        {
            failures.Add($"{section}:MaxBatchSize is {options.MaxBatchSize}; use 1 to 1000000 records per write (default 10000; the destination's own limit applies too).");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{section}:MaxAttempts is {options.MaxAttempts}; use 1 or more sends per record (default 5).");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add($"{section}:RetryBaseDelay is {options.RetryBaseDelay}; use 00:00:00 or more (default 00:01:00).");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{section}:RetryMaxDelay is {options.RetryMaxDelay}, less than RetryBaseDelay ({options.RetryBaseDelay}); use at least RetryBaseDelay (default 01:00:00).");
        }

        if (options.RetrySweepInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:RetrySweepInterval is {options.RetrySweepInterval}; use a positive interval such as 00:01:00.");
        }

        if (options.BusyRetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"{section}:BusyRetryDelay is {options.BusyRetryDelay}; use a positive delay such as 00:00:05.");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:HeartbeatInterval is {options.HeartbeatInterval}; use a positive interval such as 00:00:05.");
        }

        if (options.StaleAfter <= options.HeartbeatInterval)
        {
            failures.Add($"{section}:StaleAfter is {options.StaleAfter}, not longer than HeartbeatInterval ({options.HeartbeatInterval}); a live delivery would look dead. Use several heartbeats (default 00:01:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
