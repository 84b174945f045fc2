namespace ConnectorHub.Core.Segments.ComputedTraits;

/// <summary>What a computed trait aggregates over a profile's matching events; JSON names are camelCase.</summary>
public enum ComputedTraitKind
{
    /// <summary>How many matching events.</summary>
    Count,

    /// <summary>The sum of a numeric property.</summary>
    Sum,

    /// <summary>The average of a numeric property.</summary>
    Average,

    /// <summary>The property's value on the earliest matching event.</summary>
    First,

    /// <summary>The property's value on the latest matching event.</summary>
    Last,

    /// <summary>The property's most frequent value (ties go to the most recently seen).</summary>
    MostFrequent,
}
