namespace ConnectorHub.Core.Mapping.Normalizers.Countries;

/// <summary>One ISO 3166-1 country with what phone normalization needs to know about it.</summary>
/// <param name="Alpha2">ISO 3166-1 alpha-2 code.</param>
/// <param name="Alpha3">ISO 3166-1 alpha-3 code.</param>
/// <param name="CallingCode">ITU country calling code, digits only.</param>
/// <param name="TrunkPrefix">Digits dialled before a national number inside the country (0 in most of Europe), or empty.</param>
/// <param name="MinNationalLength">Fewest digits of a national significant number.</param>
/// <param name="MaxNationalLength">Most digits of a national significant number.</param>
/// <param name="Name">ISO short English name.</param>
internal sealed record Country(
    string Alpha2,
    string Alpha3,
    string CallingCode,
    string TrunkPrefix,
    int MinNationalLength,
    int MaxNationalLength,
    string Name);
