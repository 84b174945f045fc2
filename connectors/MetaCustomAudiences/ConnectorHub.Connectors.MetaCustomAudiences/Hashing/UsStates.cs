namespace ConnectorHub.Connectors.MetaCustomAudiences.Hashing;

/// <summary>US states, DC and territories by normalized name (letters only, lower case), for Meta's 2-letter ST rule.</summary>
internal static class UsStates
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        ["alabama"] = "al", ["alaska"] = "ak", ["arizona"] = "az", ["arkansas"] = "ar", ["california"] = "ca",
        ["colorado"] = "co", ["connecticut"] = "ct", ["delaware"] = "de", ["florida"] = "fl", ["georgia"] = "ga",
        ["hawaii"] = "hi", ["idaho"] = "id", ["illinois"] = "il", ["indiana"] = "in", ["iowa"] = "ia",
        ["kansas"] = "ks", ["kentucky"] = "ky", ["louisiana"] = "la", ["maine"] = "me", ["maryland"] = "md",
        ["massachusetts"] = "ma", ["michigan"] = "mi", ["minnesota"] = "mn", ["mississippi"] = "ms", ["missouri"] = "mo",
        ["montana"] = "mt", ["nebraska"] = "ne", ["nevada"] = "nv", ["newhampshire"] = "nh", ["newjersey"] = "nj",
        ["newmexico"] = "nm", ["newyork"] = "ny", ["northcarolina"] = "nc", ["northdakota"] = "nd", ["ohio"] = "oh",
        ["oklahoma"] = "ok", ["oregon"] = "or", ["pennsylvania"] = "pa", ["rhodeisland"] = "ri", ["southcarolina"] = "sc",
        ["southdakota"] = "sd", ["tennessee"] = "tn", ["texas"] = "tx", ["utah"] = "ut", ["vermont"] = "vt",
        ["virginia"] = "va", ["washington"] = "wa", ["westvirginia"] = "wv", ["wisconsin"] = "wi", ["wyoming"] = "wy",
        ["districtofcolumbia"] = "dc", ["puertorico"] = "pr", ["guam"] = "gu", ["americansamoa"] = "as",
        ["usvirginislands"] = "vi", ["northernmarianaislands"] = "mp",
    };

    /// <summary>The 2-letter code of a state name already reduced to lower-case letters, or null.</summary>
    public static string? CodeOf(string lettersOnlyName) => Codes.GetValueOrDefault(lettersOnlyName);
}
