using Dapper;

namespace ConnectorHub.Core.Segments.Compilation;

/// <summary>
/// A rule compiled to SQL: <see cref="Where"/> is a condition on the surviving profile <c>p</c>; every value, name and
/// time is in <see cref="Parameters"/>, never in the text.
/// </summary>
public sealed record CompiledRule(string Where, DynamicParameters Parameters)
{
    /// <summary>The ids of the surviving profiles the rule matches.</summary>
    public string SelectIds => $"SELECT p.id FROM profiles p WHERE p.merged_into IS NULL AND {Where}";

    /// <summary>How many surviving profiles the rule matches.</summary>
    public string Count => $"SELECT count(*) FROM profiles p WHERE p.merged_into IS NULL AND {Where}";
}
