namespace ConnectorHub.Core.Mapping.Normalizers.Countries;

/// <summary>One ISO 3166-1 country.</summary>
/// <param name="Alpha2">ISO 3166-1 alpha-2 code.</param>
/// <param name="Alpha3">ISO 3166-1 alpha-3 code.</param>
/// <param name="Name">ISO short English name.</param>
internal sealed record Country(string Alpha2, string Alpha3, string Name);
