using System.Text.Json;

namespace ConnectorHub.Core.Segments.Rules;

/// <summary>
/// A test of one JSON value (a trait, a computed trait, an event property): the operator with its operands.
/// <see cref="Values"/> holds one operand (equals, contains, greaterThan, before...), two (between), many (in) or
/// none (exists, withinLast, which uses <see cref="Days"/>).
/// </summary>
public sealed record ValueTest(ValueOperator Op, IReadOnlyList<JsonElement> Values, int Days = 0);

/// <summary>The value operators; their JSON names are camelCase (<c>notEquals</c>, <c>startsWith</c>, <c>withinLast</c>).</summary>
public enum ValueOperator
{
    /// <summary>Equal as text, ignoring case.</summary>
    Equals,

    /// <summary>Present and not equal as text, ignoring case.</summary>
    NotEquals,

    /// <summary>The text contains the operand, ignoring case.</summary>
    Contains,

    /// <summary>The text starts with the operand, ignoring case.</summary>
    StartsWith,

    /// <summary>The value is present.</summary>
    Exists,

    /// <summary>A number greater than the operand.</summary>
    GreaterThan,

    /// <summary>A number less than the operand.</summary>
    LessThan,

    /// <summary>A number between the two operands, both included.</summary>
    Between,

    /// <summary>Equal to one of the operands as text, ignoring case.</summary>
    In,

    /// <summary>A date (ISO 8601 text) strictly before the operand.</summary>
    Before,

    /// <summary>A date (ISO 8601 text) strictly after the operand.</summary>
    After,

    /// <summary>A date within the last <see cref="ValueTest.Days"/> days of the refresh's clock, bounds included.</summary>
    WithinLast,
}

/// <summary>A filter on an event's property, by dotted path (<c>{"property":"plan.tier","op":"equals","value":"gold"}</c>).</summary>
public sealed record PropertyFilter(IReadOnlyList<string> Path, ValueTest Test);

/// <summary>Inclusive bounds on a count or an amount; null is unbounded. <c>exactly</c> sets both.</summary>
public sealed record Bounds(decimal? AtLeast, decimal? AtMost)
{
    /// <summary>No bound at all.</summary>
    public static readonly Bounds None = new(null, null);

    /// <summary>"At least one": the default count of an event condition.</summary>
    public static readonly Bounds AtLeastOne = new(1, null);

    /// <summary>Whether <paramref name="value"/> lies within the bounds.</summary>
    public bool Contains(decimal value) => (AtLeast is not { } low || value >= low) && (AtMost is not { } high || value <= high);
}

/// <summary>
/// A time window: the last <see cref="Days"/> days up to the refresh's clock (both bounds included), or
/// <see cref="From"/> (included) to <see cref="To"/> (excluded); either of those may be open.
/// </summary>
public sealed record TimeWindow(int? Days, DateTimeOffset? From, DateTimeOffset? To);
