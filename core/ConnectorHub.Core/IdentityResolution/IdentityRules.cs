using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// <see cref="IdentityOptions"/> compiled for use: the rule of any identifier type (exact entry, else the most specific
/// wildcard pattern, else the default rule), whether a value is blocked, and the source rank of a trait.
/// </summary>
public sealed class IdentityRules
{
    private readonly IdentityOptions _options;
    private readonly (Regex Pattern, string Key, IdentifierRule Rule)[] _wildcards;
    private readonly ConcurrentDictionary<string, TypeRule> _byType = new(StringComparer.Ordinal);
    private readonly HashSet<string> _blockedValues;

    /// <summary>Compiles <paramref name="options"/>.</summary>
    public IdentityRules(IOptions<IdentityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _wildcards = _options.Types.Where(t => t.Key.Contains('*', StringComparison.Ordinal))
            .OrderByDescending(t => t.Key.Replace("*", string.Empty, StringComparison.Ordinal).Length)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (WildcardRegex(t.Key), t.Key, t.Value))
            .ToArray();
        _blockedValues = new HashSet<string>(_options.BlockedValues.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);
        BatchSize = Math.Max(1, _options.BatchSize);
        ConcurrentBatches = Math.Max(1, _options.ConcurrentBatches);
    }

    /// <summary>Fragments per transaction.</summary>
    public int BatchSize { get; }

    /// <summary>Batches of one call resolved at once where the store has concurrent writers.</summary>
    public int ConcurrentBatches { get; }

    /// <summary>The rule in force for <paramref name="type"/> (a normalized type).</summary>
    public TypeRule RuleFor(string type) => _byType.GetOrAdd(type, Compile);

    /// <summary>Why <paramref name="value"/> (normalized) of <paramref name="type"/> never links, or null when it may.</summary>
    public string? BlockedReason(string type, string value)
    {
        if (_options.UseBuiltInBlockedValues && BuiltInBlockedValues.IsBlocked(value))
        {
            return $"'{value}' is a placeholder, not an identifier (built-in blocked values).";
        }

        if (_blockedValues.Contains(value))
        {
            return $"'{value}' is listed in ConnectorHub:Identity:BlockedValues.";
        }

        var rule = RuleFor(type);
        foreach (var (pattern, text) in rule.Blocked)
        {
            if (pattern.IsMatch(value))
            {
                return $"'{value}' matches the blocked pattern '{text}' of {rule.Key}.";
            }
        }

        return null;
    }

    /// <summary>
    /// The rank of <paramref name="source"/> for the trait <paramref name="trait"/>: 0 is the strongest; sources not
    /// named for the trait (nor under <c>*</c>) share the weakest rank.
    /// </summary>
    public int TraitSourceRank(string trait, string source)
    {
        if (_options.TraitSourcePriority.TryGetValue(trait, out var sources) || _options.TraitSourcePriority.TryGetValue("*", out sources))
        {
            var index = sources.FindIndex(s => string.Equals(s, source, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? int.MaxValue : index;
        }

        return int.MaxValue;
    }

    private TypeRule Compile(string type)
    {
        var (key, rule) = _options.Types.TryGetValue(type, out var exact)
            ? ($"ConnectorHub:Identity:Types:{type}", exact)
            : _wildcards.FirstOrDefault(w => w.Pattern.IsMatch(type)) is { Rule: not null } match
                ? ($"ConnectorHub:Identity:Types:{match.Key}", match.Rule)
                : ("ConnectorHub:Identity:DefaultRule", _options.DefaultRule);
        return new TypeRule(key, rule.Priority, rule.Limit, rule.Blocked.Select(p => (BlockedPattern(p), p)).ToArray());
    }

    internal static Regex BlockedPattern(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    internal static Regex WildcardRegex(string key) =>
        new("^" + Regex.Escape(key).Replace("\\*", "[^.]*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
}

/// <summary>The rule in force for one identifier type.</summary>
/// <param name="Key">The configuration key it comes from, for messages.</param>
/// <param name="Priority">1 is the strongest.</param>
/// <param name="Limit">Most values per profile; 0 means no limit.</param>
/// <param name="Blocked">Blocked value patterns with their text.</param>
public sealed record TypeRule(string Key, int Priority, int Limit, IReadOnlyList<(Regex Pattern, string Text)> Blocked);
