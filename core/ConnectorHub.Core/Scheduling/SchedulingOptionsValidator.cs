using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Scheduling;

/// <summary>Checks <see cref="SchedulingOptions"/> at start and reports every mistake at once, naming the setting.</summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        const string section = SchedulingOptions.Section;
        var failures = new List<string>();
        if (CronSchedule.TryEvery(options.RecoveryInterval) is null)
        {
            failures.Add($"{section}:RecoveryInterval is {options.RecoveryInterval}; use a whole number of seconds dividing a minute (such as 00:00:10) or of minutes dividing an hour (default 00:00:10).");
        }

        foreach (var (setting, value) in new[] { ("PollInterval", options.PollInterval), ("InvisibilityTimeout", options.InvisibilityTimeout), ("LockTimeout", options.LockTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{section}:{setting} is {value}; use a positive time span such as 00:00:30.");
            }
        }

        if (options.WorkerCount is < 1 or > 1000)
        {
            failures.Add($"{section}:WorkerCount is {options.WorkerCount}; use 1 to 1000 jobs at once (default 10).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
