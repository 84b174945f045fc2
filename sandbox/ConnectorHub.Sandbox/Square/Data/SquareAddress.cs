using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Data;

/// <summary>Square's Address (the fields the sandbox fills).</summary>
/// <param name="AddressLine1">Street and number.</param>
/// <param name="Locality">City.</param>
/// <param name="AdministrativeDistrictLevel1">State (US: two-letter code).</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country.</param>
public sealed record SquareAddress(string AddressLine1, string Locality, string AdministrativeDistrictLevel1, string PostalCode, string Country)
{
    /// <summary>The address as Square writes it.</summary>
    public JsonObject ToJson() => new()
    {
        ["address_line_1"] = AddressLine1,
        ["locality"] = Locality,
        ["administrative_district_level_1"] = AdministrativeDistrictLevel1,
        ["postal_code"] = PostalCode,
        ["country"] = Country,
    };
}
