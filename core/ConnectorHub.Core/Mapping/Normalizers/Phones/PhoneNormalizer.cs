using ConnectorHub.Core.Mapping.Normalizers.Countries;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Mapping.Normalizers.Phones;

/// <summary><c>phone</c>: a phone number to E.164 (libphonenumber), reading numbers without a country code as numbers of <c>region</c>.</summary>
internal sealed class PhoneNormalizer(Country? region) : TextNormalizer
{
    public override string Name => "phone";

    protected override NormalizeResult NormalizeText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NormalizeResult.Missing;
        }

        return E164Phone.TryFormat(text, region?.Alpha2, out var e164, out var error)
            ? NormalizeResult.Of(e164)
            : NormalizeResult.Fail(error);
    }
}
