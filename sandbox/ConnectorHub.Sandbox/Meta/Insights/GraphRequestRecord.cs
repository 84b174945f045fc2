namespace ConnectorHub.Sandbox.Meta.Insights;

/// <summary>A request the insights emulator answered after authentication, for tests to inspect.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, such as <c>/v21.0/act_1234567890/insights</c>.</param>
/// <param name="Parameters">Every parameter (query, form or JSON body) as text; the access token is left out.</param>
public sealed record GraphRequestRecord(string Method, string Path, IReadOnlyDictionary<string, string?> Parameters)
{
    /// <summary>A parameter's value, or null.</summary>
    public string? this[string name] => Parameters.GetValueOrDefault(name);
}
