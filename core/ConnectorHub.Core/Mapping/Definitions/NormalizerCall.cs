namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>One normalizer in a rule's chain, with its arguments (such as <c>phone</c> with <c>region: GB</c>).</summary>
/// <param name="Name">The normalizer's name.</param>
/// <param name="Arguments">Its arguments by name; a bare value (<c>phone: GB</c>) is stored under the empty name and means the normalizer's main argument.</param>
/// <param name="Location">Where it is written.</param>
public sealed record NormalizerCall(string Name, IReadOnlyDictionary<string, string> Arguments, SourceLocation Location);
