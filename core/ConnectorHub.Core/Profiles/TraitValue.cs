namespace ConnectorHub.Core.Profiles;

/// <summary>One observed (or surviving) value of a trait, with where and when it was observed.</summary>
/// <param name="Name">The trait (<c>first_name</c>, a custom name, or <c>consent.email</c>, <c>consent.sms</c>, <c>consent.ads</c>).</param>
/// <param name="Json">The value as JSON text.</param>
/// <param name="Source">The source that observed it.</param>
/// <param name="ObservedAt">When the source observed it (event time, not arrival).</param>
public sealed record TraitValue(string Name, string Json, string Source, DateTimeOffset ObservedAt);
