using System.Globalization;

namespace ConnectorHub.Benchmarks.Measurement;

/// <summary>A benchmark's <c>name=value</c> arguments.</summary>
public sealed class BenchArguments(IEnumerable<string> args)
{
    private readonly Dictionary<string, string> _values = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2)
        .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

    /// <summary>The whole number named <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public int Count(string name, int fallback) => _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The number named <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public double Fraction(string name, double fallback) => _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The text named <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;
}
