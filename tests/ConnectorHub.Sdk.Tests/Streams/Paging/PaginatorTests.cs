using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Paging;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Tests.Streams.Paging;

public sealed class PaginatorTests
{
    [Fact]
    public void LinkHeader_FindsTheNextRelation_AmongOthers_QuotedOrNot()
    {
        const string header = "<https://api.example.com/items?page=1>; rel=\"first\", <https://api.example.com/items?page=3>; rel=\"prev next\", <https://api.example.com/items?page=9>; rel=last";

        Assert.Equal("https://api.example.com/items?page=3", LinkHeaderPaginator.NextLink(header));
        Assert.Equal("https://x.test/b", LinkHeaderPaginator.NextLink("<https://x.test/b>;rel=next"));
        Assert.Null(LinkHeaderPaginator.NextLink("<https://x.test/a>; rel=\"prev\""));
        Assert.Null(LinkHeaderPaginator.NextLink(null));
    }

    [Fact]
    public void LinkHeader_NextUrl_ReplacesPathAndQuery_AndResolvesRelativeLinks()
    {
        var paginator = new LinkHeaderPaginator();
        var response = Response(headers: new Dictionary<string, string> { ["Link"] = "</v1/items?cursor=abc>; rel=\"next\"" });

        var next = paginator.Next(new PageArguments(response, 10, null));
        var request = Request();
        request.Query["limit"] = "10";
        paginator.Apply(request, next);

        Assert.Equal("https://api.example.com/v1/items?cursor=abc", next);
        Assert.Equal(next, request.Path);
        Assert.Empty(request.Query);
    }

    [Fact]
    public void Offset_AddsTheRecordsRead_AndStopsOnAShortPage_OrWhenTheBodySaysNoMore()
    {
        var plain = new OffsetPaginator(new OffsetPaginationOptions { PageSize = 10 });
        var withFlag = new OffsetPaginator(new OffsetPaginationOptions { PageSize = 10, OffsetOption = RequestOption.InQuery("start"), HasMorePath = "additional_data.pagination.more_items_in_collection" });
        var request = Request();

        plain.Apply(request, "20");

        Assert.Equal(("20", "10"), (request.Query["offset"], request.Query["limit"]));
        Assert.Equal("30", plain.Next(new PageArguments(Response(), 10, "20")));
        Assert.Null(plain.Next(new PageArguments(Response(), 7, "20")));
        Assert.Equal("10", withFlag.Next(new PageArguments(Response(Json("""{"additional_data":{"pagination":{"more_items_in_collection":true}}}""")), 10, null)));
        Assert.Null(withFlag.Next(new PageArguments(Response(Json("""{"additional_data":{"pagination":{"more_items_in_collection":false}}}""")), 10, null)));
    }

    [Fact]
    public void PageNumber_StartsAtTheFirstPage_AndStopsAtTheTotal()
    {
        var paginator = new PageNumberPaginator(new PageNumberPaginationOptions { PageSize = 5, TotalPagesPath = "meta.total_pages" });
        var request = Request();

        paginator.Apply(request, null);

        Assert.Equal(("1", "5"), (request.Query["page"], request.Query["per_page"]));
        Assert.Equal("3", paginator.Next(new PageArguments(Response(Json("""{"meta":{"total_pages":3}}""")), 5, "2")));
        Assert.Null(paginator.Next(new PageArguments(Response(Json("""{"meta":{"total_pages":3}}""")), 5, "3")));
    }

    [Fact]
    public void GraphQl_SendsEndCursorAsTheAfterVariable_WhileHasNextPage()
    {
        var paginator = new GraphQlPaginator(new GraphQlPaginationOptions { PageInfoPath = "data.customers.pageInfo" });
        var request = Request();
        request.Body = new JsonObject { ["query"] = "{ customers { id } }" };

        var next = paginator.Next(new PageArguments(Response(Json("""{"data":{"customers":{"pageInfo":{"hasNextPage":true,"endCursor":"Y3Vyc29y"}}}}""")), 50, null));
        paginator.Apply(request, next);

        Assert.Equal("Y3Vyc29y", request.Body["variables"]!["after"]!.GetValue<string>());
        Assert.Null(paginator.Next(new PageArguments(Response(Json("""{"data":{"customers":{"pageInfo":{"hasNextPage":false,"endCursor":"Zg"}}}}""")), 50, "Y3Vyc29y")));
    }

    [Fact]
    public void Cursor_ReadsTheNextCursorFromAHeader_WhenConfiguredSo()
    {
        var paginator = new CursorPaginator(new CursorPaginationOptions { NextCursorHeader = "X-Next-Cursor", CursorOption = RequestOption.InHeader("X-Cursor") });
        var request = Request();

        var next = paginator.Next(new PageArguments(Response(headers: new Dictionary<string, string> { ["x-next-cursor"] = "c2" }), 3, null));
        paginator.Apply(request, next);

        Assert.Equal("c2", request.Headers["X-Cursor"]);
        Assert.Null(paginator.Next(new PageArguments(Response(), 3, "c2")));
        Assert.Throws<ArgumentException>(() => new CursorPaginator(new CursorPaginationOptions { CursorOption = RequestOption.InQuery("after") }));
    }

    internal static PageRequest Request() => new(HttpMethod.Get, "v1/items");

    internal static PageResponse Response(JsonNode? body = null, Dictionary<string, string>? headers = null) =>
        new(200, new Dictionary<string, string>(headers ?? [], StringComparer.OrdinalIgnoreCase), body, new Uri("https://api.example.com/v1/items?page=2"));

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;
}
