namespace ConnectorHub.Core.IdentityResolution;

/// <summary>Where one fragment went: its profile, or why it could not be resolved.</summary>
/// <param name="ProfileId">The profile it joined or created; null when it was refused.</param>
/// <param name="Error">Why it was refused (no usable identifier).</param>
public readonly record struct FragmentResolution(long? ProfileId, string? Error = null);
