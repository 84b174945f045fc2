using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Tracking;

/// <summary>Checks <see cref="TrackingOptions"/> at start and reports every mistake at once, naming the setting.</summary>
internal sealed class TrackingOptionsValidator : IValidateOptions<TrackingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrackingOptions options)
    {
        var failures = new List<string>();
        if (options.MaxEventBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"{TrackingOptions.Section}:MaxEventBytes is {options.MaxEventBytes}; use 1024 to 16777216 (Segment's limit is 32768).");
        }

        if (options.MaxRequestBytes < options.MaxEventBytes || options.MaxRequestBytes > 64 * 1024 * 1024)
        {
            failures.Add($"{TrackingOptions.Section}:MaxRequestBytes is {options.MaxRequestBytes}; use at least MaxEventBytes and at most 67108864 (Segment's limit is 512000).");
        }

        if (!(options.RequestsPerSecond > 0))
        {
            failures.Add($"{TrackingOptions.Section}:RequestsPerSecond is {options.RequestsPerSecond}; use a positive number of requests per second per source.");
        }

        if (options.Burst < 1)
        {
            failures.Add($"{TrackingOptions.Section}:Burst is {options.Burst}; use 1 or more requests.");
        }

        if (options.MaxEventsPerCommit is < 1 or > 100_000)
        {
            failures.Add($"{TrackingOptions.Section}:MaxEventsPerCommit is {options.MaxEventsPerCommit}; use 1 to 100000.");
        }

        if (options.RetentionDays < 0)
        {
            failures.Add($"{TrackingOptions.Section}:RetentionDays is {options.RetentionDays}; use 0 (keep forever) or a number of days.");
        }

        if (options.RetentionInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{TrackingOptions.Section}:RetentionInterval is {options.RetentionInterval}; use at least 00:00:01.");
        }

        if (options.PublicUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            failures.Add($"{TrackingOptions.Section}:PublicUrl is '{url}'; use the hub's address as pages reach it, such as https://hub.example.com (http or https, no query).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
