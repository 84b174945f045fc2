using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Plugins;

/// <summary>Checks <see cref="PluginOptions"/> at start and reports every mistake at once, naming the setting.</summary>
internal sealed class PluginOptionsValidator : IValidateOptions<PluginOptions>
{
    public ValidateOptionsResult Validate(string? name, PluginOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{PluginOptions.Section}:Directory is empty; set it to the folder holding one subfolder per plugin (default 'plugins', relative to the hub's folder).");
        }
        else if (options.Directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{PluginOptions.Section}:Directory '{options.Directory}' is not a valid path; set it to the folder holding one subfolder per plugin.");
        }

        if (options.ReloadQuietPeriod < TimeSpan.FromMilliseconds(10) || options.ReloadQuietPeriod > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{PluginOptions.Section}:ReloadQuietPeriod is {options.ReloadQuietPeriod}; use 00:00:00.010 to 00:10:00 (default 00:00:02), long enough for a plugin folder to be copied whole.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
