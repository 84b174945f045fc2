using System.Globalization;
using ConnectorHub.Connectors.Acme.Configuration;
using ConnectorHub.Sdk.Streams;
using ConnectorHub.Sdk.Streams.Authentication;
using ConnectorHub.Sdk.Streams.Errors;
using ConnectorHub.Sdk.Streams.Incremental;
using ConnectorHub.Sdk.Streams.Paging;

namespace ConnectorHub.Connectors.Acme;

/// <summary>
/// Acme contacts as one declarative HTTP stream: <c>GET /v1/contacts</c>, paged by <c>next_cursor</c>, incremental on
/// <c>updated_at</c> (oldest first, asked for with <c>updated_since</c>), OAuth with rotated refresh tokens. The SDK
/// owns the read loop, the paging guards, the checkpoints and the state.
/// </summary>
public sealed class AcmeSource : HttpSource<AcmeSettings>
{
    /// <inheritdoc />
    protected override HttpSourceBuilder Configure(AcmeSettings settings) =>
        new HttpSourceBuilder("Acme", settings.BaseUrl)
            .UseOAuthRefreshToken(new OAuthRefreshTokenOptions
            {
                TokenEndpoint = "oauth/token",
                ClientId = settings.ClientId ?? string.Empty,
                ClientSecret = settings.ClientSecret ?? string.Empty,
            })
            .OnError(new ErrorRule
            {
                StatusCodes = [401, 403],
                Action = ErrorAction.Configuration,
                Message = e => $"Acme refused the credentials on {e.Request} ({e.Json?["message"]}). Reconnect the account.",
            })
            .AddStream("contacts", contacts => contacts
                .Get("v1/contacts")
                .Query("limit", settings.PageSize.ToString(CultureInfo.InvariantCulture))
                .SelectRecords("data")
                .AddCursorPagination(new CursorPaginationOptions { NextCursorPath = "next_cursor", CursorOption = RequestOption.InQuery("cursor") })
                .AddIncremental(new IncrementalOptions { CursorField = "updated_at", StartOption = RequestOption.InQuery("updated_since"), SortedByCursor = true })
                .WithPrimaryKey("id")
                .WithSchema(ContactSchema.Json)
                .Describe("People in Acme. Incremental reads ask for contacts updated at or after the cursor."));
}
