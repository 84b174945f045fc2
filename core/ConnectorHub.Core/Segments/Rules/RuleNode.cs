namespace ConnectorHub.Core.Segments.Rules;

/// <summary>
/// A node of a segment's rule tree: a group (<see cref="AllRule"/>, <see cref="AnyRule"/>, <see cref="NotRule"/>) or a
/// condition on one profile. Parsed from JSON by <see cref="RuleParser"/>; compiled to SQL by the Compilation folder.
/// </summary>
public abstract record RuleNode;

/// <summary>Every child holds (<c>{"all":[...]}</c>).</summary>
public sealed record AllRule(IReadOnlyList<RuleNode> Rules) : RuleNode;

/// <summary>At least one child holds (<c>{"any":[...]}</c>).</summary>
public sealed record AnyRule(IReadOnlyList<RuleNode> Rules) : RuleNode;

/// <summary>The child does not hold (<c>{"not":{...}}</c>).</summary>
public sealed record NotRule(RuleNode Rule) : RuleNode;

/// <summary>A stored trait passes a value test (<c>{"trait":"plan","op":"equals","value":"gold"}</c>).</summary>
public sealed record TraitRule(string Trait, ValueTest Test) : RuleNode;

/// <summary>A computed trait passes a value test (<c>{"computedTrait":"orders_30d","op":"greaterThan","value":2}</c>).</summary>
public sealed record ComputedTraitRule(string Name, ValueTest Test) : RuleNode;

/// <summary>The profile has an identifier of a type (<c>{"identifier":"email"}</c>).</summary>
public sealed record IdentifierPresentRule(string Type) : RuleNode;

/// <summary>Consent for a channel was granted, or explicitly refused (<c>{"consent":"email","granted":true}</c>).</summary>
public sealed record ConsentRule(string Channel, bool Granted) : RuleNode;

/// <summary>
/// The number of the profile's events named <see cref="Name"/> that pass every filter, inside the window, lies in
/// <see cref="Count"/> (<c>{"event":"Order Completed","count":{"atLeast":2},"within":{"days":30}}</c>).
/// </summary>
public sealed record EventRule(string Name, IReadOnlyList<PropertyFilter> Where, Bounds Count, TimeWindow? Window) : RuleNode;

/// <summary>
/// The profile's orders inside the window: their number lies in <see cref="Count"/> and their summed total in
/// <see cref="Spend"/> (<c>{"orders":{"count":{"atLeast":1},"spend":{"atLeast":100},"within":{"days":90}}}</c>).
/// </summary>
public sealed record OrdersRule(Bounds Count, Bounds Spend, TimeWindow? Window) : RuleNode;

/// <summary>The profile matches another segment's rule (<c>{"segment":12}</c>).</summary>
public sealed record SegmentMembershipRule(long SegmentId) : RuleNode;
