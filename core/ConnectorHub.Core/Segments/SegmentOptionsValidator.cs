using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Segments;

/// <summary>Checks <see cref="SegmentOptions"/> at start, naming the setting.</summary>
internal sealed class SegmentOptionsValidator : IValidateOptions<SegmentOptions>
{
    public ValidateOptionsResult Validate(string? name, SegmentOptions options) =>
        options.StalledRefreshTimeout > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SegmentOptions.Section}:StalledRefreshTimeout is {options.StalledRefreshTimeout}; use a positive time span such as 00:01:00 (default), longer than any pause of a working node.");
}
