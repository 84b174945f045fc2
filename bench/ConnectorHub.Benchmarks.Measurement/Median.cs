namespace ConnectorHub.Benchmarks.Measurement;

/// <summary>Medians and ranges of a handful of per-round figures.</summary>
public static class Median
{
    /// <summary>The median (the mean of the two middle values for an even count).</summary>
    public static double Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("No values to take the median of.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
