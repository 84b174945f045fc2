namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>
/// What one render of a mapping template may use. A template is data written by users, so a runaway loop, a deep
/// recursion or a huge output ends that render with an error (the record is rejected), never the run.
/// </summary>
internal sealed record TemplateLimits
{
    /// <summary>The limits every mapping uses.</summary>
    public static TemplateLimits Default { get; } = new();

    /// <summary>Loop iterations per render, all loops together (Scriban's loop limit).</summary>
    public int LoopLimit { get; init; } = 1000;

    /// <summary>How deep template functions may call themselves.</summary>
    public int RecursionLimit { get; init; } = 20;

    /// <summary>Characters a render may write.</summary>
    public int OutputLimit { get; init; } = 100_000;

    /// <summary>Wall-clock time one render may take.</summary>
    public TimeSpan RenderTimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time one regular expression match (Scriban's <c>regex</c> functions) may take.</summary>
    public TimeSpan RegexTimeLimit { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How deep expressions may nest when a template is parsed.</summary>
    public int ExpressionDepthLimit { get; init; } = 64;
}
