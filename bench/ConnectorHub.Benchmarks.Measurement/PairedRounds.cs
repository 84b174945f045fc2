using System.Globalization;

namespace ConnectorHub.Benchmarks.Measurement;

/// <summary>
/// The product and its baseline measured round by round in the same run. Each round yields a ratio (the product's
/// cost per record over the baseline's, wall clock and CPU); the figure reported is the median of those per-round
/// ratios, so a noisy minute hits both sides of a ratio alike, rather than a ratio of two medians taken at different
/// moments. CPU seconds per record are reported per source (the hub or client process, PostgreSQL) for both sides.
/// </summary>
public sealed class PairedRounds(string product, string baseline, string records)
{
    private readonly List<Round> _rounds = [];

    /// <summary>The rounds so far.</summary>
    public int Count => _rounds.Count;

    /// <summary>The median of the per-round ratios of wall-clock time per record, product over baseline.</summary>
    public double WallRatio => Median.Of(_rounds.Select(r => r.WallRatio).ToArray());

    /// <summary>
    /// The median of the per-round ratios of CPU seconds per record (the sources that count), product over baseline;
    /// null when a round's CPU could not be read (a remote server, or a baseline step shorter than a clock tick).
    /// </summary>
    public double? CpuRatio => _rounds.Any(r => r.CpuRatio is null) ? null : Median.Of(_rounds.Select(r => r.CpuRatio!.Value).ToArray());

    /// <summary>The baseline's median wall-clock time per round.</summary>
    public TimeSpan BaselineWallMedian => TimeSpan.FromSeconds(Median.Of(_rounds.Select(r => r.Baseline.Cost.Wall.TotalSeconds).ToArray()));

    /// <summary>Adds a round and prints it.</summary>
    public void Add(StepCost productCost, long productRecords, StepCost baselineCost, long baselineRecords)
    {
        var round = new Round(productCost, productRecords, baselineCost, baselineRecords);
        _rounds.Add(round);
        Console.WriteLine(Invariant($"  round {_rounds.Count}: {product} {Describe(productCost, productRecords)}; {baseline} {Describe(baselineCost, baselineRecords)}; wall ratio {round.WallRatio:0.00}, CPU ratio {Format(round.CpuRatio, "0.00")}"));
    }

    /// <summary>
    /// A Markdown table: per side the median records/s and CPU µs per record of each source, then the paired median
    /// ratios (and their range over the rounds).
    /// </summary>
    public string Table()
    {
        var sources = _rounds.SelectMany(r => r.Product.Cost.Cpu.Concat(r.Baseline.Cost.Cpu)).Select(c => c.Source.Name).Distinct().ToArray();
        var lines = new List<string>
        {
            $"| side | {records}/round | wall (median) | {records}/s (median) | {string.Join(" | ", sources.Select(s => s + " CPU µs/" + Singular(records)))} | CPU µs/{Singular(records)} that counts |",
            "|---|---:|---:|---:|" + string.Concat(sources.Select(_ => "---:|")) + "---:|",
            Row(product, r => r.Product, sources),
            Row(baseline, r => r.Baseline, sources),
        };
        var wall = _rounds.Select(r => r.WallRatio).ToArray();
        var cpu = _rounds.Select(r => r.CpuRatio).ToArray();
        lines.Add(Invariant($"| **{product} / {baseline}, paired median of {_rounds.Count} rounds** | | **{WallRatio:0.00}x** ({wall.Min():0.00}-{wall.Max():0.00}) | {1 / WallRatio:0.00} of the rate | {string.Concat(sources.Select(_ => " |"))} **{Format(CpuRatio, "0.00")}x** ({Format(cpu.Min(), "0.00")}-{Format(cpu.Max(), "0.00")}) |"));
        return string.Join(Environment.NewLine, lines);
    }

    private string Row(string name, Func<Round, Side> side, string[] sources)
    {
        var sides = _rounds.Select(side).ToArray();
        var wall = Median.Of(sides.Select(s => s.Cost.Wall.TotalSeconds).ToArray());
        var rate = Median.Of(sides.Select(s => s.Records / s.Cost.Wall.TotalSeconds).ToArray());
        var perSource = sources.Select(source => PerRecord(sides, s => s.Cost.Cpu.Any(c => c.Source.Name == source) ? s.Cost.SecondsOf(source) : double.NaN));
        var total = PerRecord(sides, s => s.Cost.CostSeconds);
        return Invariant($"| {name} | {Median.Of(sides.Select(s => (double)s.Records).ToArray()):N0} | {wall:0.000} s | {rate:N0} | {string.Join(" | ", perSource)} | {total} |");
    }

    private static string PerRecord(Side[] sides, Func<Side, double?> seconds)
    {
        var values = sides.Select(s => seconds(s) / s.Records).ToArray();
        if (values.Any(v => v is null))
        {
            return "n/a";
        }

        var median = Median.Of(values.Select(v => v!.Value).ToArray());
        var micros = median * 1e6;
        return double.IsNaN(median) ? "-" : micros.ToString(micros < 1 ? "0.000" : micros < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
    }

    private string Describe(StepCost cost, long count) =>
        Invariant($"{count:N0} {records} in {cost.Wall.TotalSeconds:0.000} s") + " (CPU " + string.Join(", ", cost.Cpu.Select(c => $"{c.Source.Name} {Format(c.Seconds, "0.00")} s")) + ")";

    private static string Singular(string noun) => noun.EndsWith('s') ? noun[..^1] : noun;

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Side(StepCost Cost, long Records);

    private sealed record Round
    {
        public Round(StepCost product, long productRecords, StepCost baseline, long baselineRecords)
        {
            Product = new Side(product, productRecords);
            Baseline = new Side(baseline, baselineRecords);
            WallRatio = product.Wall.TotalSeconds / productRecords / (baseline.Wall.TotalSeconds / baselineRecords);
            // A step shorter than the clock tick may read 0 CPU seconds: no ratio then, rather than infinity.
            CpuRatio = baseline.CostSeconds is > 0 ? product.CostSeconds / productRecords / (baseline.CostSeconds / baselineRecords) : null;
        }

        public Side Product { get; }

        public Side Baseline { get; }

        public double WallRatio { get; }

        public double? CpuRatio { get; }
    }
}
