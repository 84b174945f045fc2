using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Predictions;

/// <summary>Checks <see cref="PredictionOptions"/> at start, naming each bad setting and how to fix it.</summary>
internal sealed class PredictionOptionsValidator : IValidateOptions<PredictionOptions>
{
    public ValidateOptionsResult Validate(string? name, PredictionOptions options)
    {
        var failures = new List<string>();
        const string Section = PredictionOptions.Section;
        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:HeartbeatInterval is {options.HeartbeatInterval}; use a positive time span such as 00:00:15 (default).");
        }

        if (options.StaleAfter < options.HeartbeatInterval * 3)
        {
            failures.Add($"{Section}:StaleAfter is {options.StaleAfter}; use at least three heartbeats ({Section}:HeartbeatInterval is {options.HeartbeatInterval}), such as 00:02:00 (default), so a run is not taken over for one late beat.");
        }

        if (options.ScoreBatchSize is < 1 or > 100_000)
        {
            failures.Add($"{Section}:ScoreBatchSize is {options.ScoreBatchSize}; use 1 to 100000 (default 5000).");
        }

        if (options.MaxExamples < 1_000)
        {
            failures.Add($"{Section}:MaxExamples is {options.MaxExamples}; use at least 1000 (default 200000).");
        }

        if (options.MinimumExamples < 10 || options.MinimumPerOutcome < 2 || options.MinimumPerOutcome * 2 > options.MinimumExamples)
        {
            failures.Add($"{Section}:MinimumExamples ({options.MinimumExamples}) must be at least 10 and MinimumPerOutcome ({options.MinimumPerOutcome}) at least 2 and at most half of it (defaults 200 and 20).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
