namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>Where a rule's value comes from.</summary>
public enum ValueSourceKind
{
    /// <summary>A path into the source record (<c>from:</c>).</summary>
    Path,

    /// <summary>A fixed value (<c>const:</c>).</summary>
    Constant,

    /// <summary>A Scriban template rendered against the record (<c>template:</c>).</summary>
    Template,
}
