using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>Checks <see cref="IdentityOptions"/> at start and reports every mistake at once, naming the setting.</summary>
internal sealed partial class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var failures = new List<string>();
        foreach (var (type, rule) in options.Types)
        {
            if (!TypeKey().IsMatch(type))
            {
                failures.Add($"ConnectorHub:Identity:Types:{type}: '{type}' is not an identifier type or pattern. Use lower-case letters, digits, '_' and '.', with '*' as a wildcard (e.g. email, hubspot.contact_id, *.contact_id).");
            }

            CheckRule($"ConnectorHub:Identity:Types:{type}", rule, failures);
        }

        CheckRule("ConnectorHub:Identity:DefaultRule", options.DefaultRule, failures);
        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add($"ConnectorHub:Identity:BatchSize is {options.BatchSize}; use 1 to 100000.");
        }

        if (options.ConcurrentBatches is < 1 or > 16)
        {
            failures.Add($"ConnectorHub:Identity:ConcurrentBatches is {options.ConcurrentBatches}; use 1 to 16.");
        }

        foreach (var (trait, sources) in options.TraitSourcePriority)
        {
            if (sources.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"ConnectorHub:Identity:TraitSourcePriority:{trait} lists an empty source name.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRule(string key, IdentifierRule? rule, List<string> failures)
    {
        if (rule is null)
        {
            failures.Add($"{key} is empty; give it a Priority and a Limit.");
            return;
        }

        if (rule.Priority < 1)
        {
            failures.Add($"{key}:Priority is {rule.Priority}; use 1 (strongest) or more.");
        }

        if (rule.Limit < 0)
        {
            failures.Add($"{key}:Limit is {rule.Limit}; use 0 (no limit) or more.");
        }

        for (var i = 0; i < rule.Blocked.Count; i++)
        {
            try
            {
                _ = IdentityRules.BlockedPattern(rule.Blocked[i]);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{key}:Blocked:{i} '{rule.Blocked[i]}' is not a valid regular expression: {ex.Message}");
            }
        }
    }

    [GeneratedRegex(@"^([a-z0-9_*]+)(\.[a-z0-9_*]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeKey();
}
