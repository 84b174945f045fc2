using System.Globalization;

namespace ConnectorHub.Core.Predictions.Features;

/// <summary>
/// The features of one run, in vector order: recency, frequency and monetary value of orders, tenure, recent orders,
/// days since the last event, event counts per window (all events, then each chosen name), then the selected traits.
/// </summary>
internal sealed class FeatureSet
{
    public const int DaysSinceLastOrder = 0;
    public const int Orders = 1;
    public const int Spend = 2;
    public const int AverageOrder = 3;
    public const int Tenure = 4;
    public const int RecentOrders = 5;
    public const int DaysSinceLastEvent = 6;
    private const int Fixed = 7;

    public FeatureSet(int horizonDays, IReadOnlyList<string> eventNames, IReadOnlyList<int> windows, IReadOnlyList<TraitFeature> traits)
    {
        HorizonDays = horizonDays;
        EventNames = eventNames;
        Windows = windows.Distinct().Order().ToArray();
        Traits = traits;
        var names = new List<string>
        {
            "days since last order", "orders", "spend", "average order value", "days since first order",
            $"orders in last {Days(horizonDays)}", $"days since last event (up to {Days(LookbackDays)})",
        };
        names.AddRange(Windows.Select(w => $"events in last {Days(w)}"));
        names.AddRange(EventNames.SelectMany(n => Windows.Select(w => $"{n} in last {Days(w)}")));
        names.AddRange(Traits.SelectMany(t => t.Names));
        Names = names;
    }

    public int HorizonDays { get; }

    public IReadOnlyList<string> EventNames { get; }

    public IReadOnlyList<int> Windows { get; }

    public IReadOnlyList<TraitFeature> Traits { get; }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>How far back events are read: the longest window.</summary>
    public int LookbackDays => Windows.Count == 0 ? HorizonDays : Windows[^1];

    /// <summary>The index of the first count of events in window <paramref name="window"/> (all events: name −1).</summary>
    public int EventCount(int name, int window) => Fixed + ((name + 1) * Windows.Count) + window;

    /// <summary>The index of the first feature of the trait <paramref name="trait"/>.</summary>
    public int TraitStart(int trait) => Fixed + ((EventNames.Count + 1) * Windows.Count) + Traits.Take(trait).Sum(t => t.Width);

    private static string Days(int days) => days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";
}
