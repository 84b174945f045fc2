using ConnectorHub.Connectors.HubSpot.Configuration;
using ConnectorHub.Connectors.HubSpot.Http;
using ConnectorHub.Connectors.HubSpot.Streams;
using ConnectorHub.Sdk.Streams;
using ConnectorHub.Sdk.Streams.Authentication;
using ConnectorHub.Sdk.Streams.Incremental;
using ConnectorHub.Sdk.Streams.Paging;
using ConnectorHub.Sdk.Streams.RateLimits;

namespace ConnectorHub.Connectors.HubSpot;

/// <summary>
/// HubSpot CRM v3 source: contacts, companies and deals, described as SDK HTTP streams. Full refresh pages the list
/// endpoint by its <c>after</c> cursor; incremental searches on the last-modified property, oldest first, starting a
/// new search before HubSpot's 10,000-result cap. A private-app token or OAuth (rotated refresh tokens persisted).
/// </summary>
public sealed class HubSpotSource : HttpSource<HubSpotSettings>
{
    /// <summary>HubSpot's cap on the results one search query can page through.</summary>
    public const int SearchResultCap = 10_000;

    /// <inheritdoc />
    protected override Uri? DocumentationUrl { get; } = new("https://developers.hubspot.com/docs/api/crm/understanding-the-crm");

    /// <inheritdoc />
    protected override HttpSourceBuilder Configure(HubSpotSettings settings)
    {
        var source = new HttpSourceBuilder("HubSpot", settings.BaseUrl)
            .UseRateBudget(new RateBudgetOptions { Quota = RemainingQuotaReader.HubSpot });
        source.Http = source.Http with { DefaultRateLimitDelay = HubSpotErrors.TenSecondlyWait };
        foreach (var rule in HubSpotErrors.Rules)
        {
            source.OnError(rule);
        }

        if (settings.UsesOAuth)
        {
            source.UseOAuthRefreshToken(new OAuthRefreshTokenOptions { TokenEndpoint = "oauth/v1/token", ClientId = settings.ClientId ?? string.Empty, ClientSecret = settings.ClientSecret ?? string.Empty });
        }
        else
        {
            source.UseBearerToken(new BearerAuthenticationOptions { Token = settings.PrivateAppToken ?? string.Empty });
        }

        var next = new CursorPaginationOptions { NextCursorPath = "paging.next.after", CursorOption = RequestOption.InQuery("after") };
        foreach (var crm in CrmStream.All)
        {
            source.AddStream(crm.Name, stream => stream
                .Get($"crm/v3/objects/{crm.Name}")
                .Query("limit", settings.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Query("archived", "false")
                .Query("properties", string.Join(',', crm.Properties))
                .SelectRecords("results")
                .AddCursorPagination(next)
                .WithGuards(new PagingGuardOptions { MaxPages = settings.MaxPages })
                .AddIncremental(new IncrementalOptions
                {
                    CursorField = "updatedAt",
                    Request = CrmSearch.For(crm, settings.SearchPageSize),
                    Paginator = new CursorPaginator(next with { CursorOption = RequestOption.InBody("after") }),
                    SortedByCursor = true,
                    QueryResultCap = SearchResultCap,
                })
                .WithSchema(CrmRecordSchema.For(crm))
                .WithPrimaryKey("id")
                .Describe($"{crm.Description} Incremental reads search on {crm.ModifiedProperty}."));
        }

        return source;
    }
}
