namespace ConnectorHub.Connectors.HubSpot.Streams;

/// <summary>A CRM object type read as a stream: its path name, last-modified property and the properties requested.</summary>
internal sealed record CrmStream(string Name, string ModifiedProperty, IReadOnlyList<string> Properties, string Description)
{
    public static CrmStream Contacts { get; } = new(
        "contacts",
        "lastmodifieddate",
        ["email", "firstname", "lastname", "phone", "mobilephone", "company", "jobtitle", "address", "city", "state", "zip", "country", "date_of_birth", "lifecyclestage", "createdate", "lastmodifieddate", "hs_object_id"],
        "People in the CRM.");

    public static CrmStream Companies { get; } = new(
        "companies",
        "hs_lastmodifieddate",
        ["name", "domain", "industry", "phone", "city", "state", "country", "numberofemployees", "annualrevenue", "lifecyclestage", "createdate", "hs_lastmodifieddate", "hs_object_id"],
        "Organisations in the CRM.");

    public static CrmStream Deals { get; } = new(
        "deals",
        "hs_lastmodifieddate",
        ["dealname", "amount", "dealstage", "pipeline", "closedate", "dealtype", "createdate", "hs_lastmodifieddate", "hs_object_id"],
        "Deals in the sales pipelines.");

    public static IReadOnlyList<CrmStream> All { get; } = [Contacts, Companies, Deals];

}
