using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Incremental;
using ConnectorHub.Sdk.Streams.Paging;
using ConnectorHub.Sdk.Streams.Partitions;
using ConnectorHub.Sdk.Streams.Records;

namespace ConnectorHub.Sdk.Streams;

/// <summary>The builder extensions of the stream parts: one line per part in a connector's description.</summary>
public static class HttpStreamBuilderExtensions
{
    /// <summary>Pages by a cursor the API returns (<see cref="CursorPaginator"/>).</summary>
    public static HttpStreamBuilder AddCursorPagination(this HttpStreamBuilder stream, CursorPaginationOptions options) =>
        Checked(stream).WithPaginator(new CursorPaginator(options));

    /// <summary>Pages by the next page's URL in the body (<see cref="NextUrlPaginator"/>).</summary>
    public static HttpStreamBuilder AddNextUrlPagination(this HttpStreamBuilder stream, NextUrlPaginationOptions options) =>
        Checked(stream).WithPaginator(new NextUrlPaginator(options));

    /// <summary>Pages by the RFC 8288 <c>Link</c> header (<see cref="LinkHeaderPaginator"/>).</summary>
    public static HttpStreamBuilder AddLinkHeaderPagination(this HttpStreamBuilder stream) =>
        Checked(stream).WithPaginator(new LinkHeaderPaginator());

    /// <summary>Pages by offset and limit (<see cref="OffsetPaginator"/>).</summary>
    public static HttpStreamBuilder AddOffsetPagination(this HttpStreamBuilder stream, OffsetPaginationOptions options) =>
        Checked(stream).WithPaginator(new OffsetPaginator(options));

    /// <summary>Pages by page number (<see cref="PageNumberPaginator"/>).</summary>
    public static HttpStreamBuilder AddPageNumberPagination(this HttpStreamBuilder stream, PageNumberPaginationOptions options) =>
        Checked(stream).WithPaginator(new PageNumberPaginator(options));

    /// <summary>Pages a GraphQL connection by <c>pageInfo.endCursor</c> (<see cref="GraphQlPaginator"/>).</summary>
    public static HttpStreamBuilder AddGraphQlPagination(this HttpStreamBuilder stream, GraphQlPaginationOptions options) =>
        Checked(stream).WithPaginator(new GraphQlPaginator(options));

    /// <summary>Reads incrementally on a cursor field (<see cref="IncrementalOptions"/>).</summary>
    public static HttpStreamBuilder AddIncremental(this HttpStreamBuilder stream, IncrementalOptions options)
    {
        Checked(stream).Incremental = options ?? throw new ArgumentNullException(nameof(options));
        return stream;
    }

    /// <summary>Reads in date ranges, a checkpoint after each (<see cref="DateSlicingOptions"/>).</summary>
    public static HttpStreamBuilder SliceByDate(this HttpStreamBuilder stream, DateSlicingOptions options)
    {
        Checked(stream).Slicing = options ?? throw new ArgumentNullException(nameof(options));
        return stream;
    }

    /// <summary>Reads the stream once per record of a parent stream (<see cref="ParentStreamOptions"/>).</summary>
    public static HttpStreamBuilder ForEachParent(this HttpStreamBuilder stream, ParentStreamOptions options)
    {
        Checked(stream).Parent = options ?? throw new ArgumentNullException(nameof(options));
        stream.Checked = false;
        return stream;
    }

    /// <summary>Moves an object field's members to the top level (<see cref="FlattenTransform"/>).</summary>
    public static HttpStreamBuilder Flatten(this HttpStreamBuilder stream, FlattenOptions options) =>
        Checked(stream).Transform(new FlattenTransform(options));

    /// <summary>Renames a field (<see cref="RenameTransform"/>).</summary>
    public static HttpStreamBuilder Rename(this HttpStreamBuilder stream, string from, string to) =>
        Checked(stream).Transform(new RenameTransform(new RenameOptions { From = from, To = to }));

    /// <summary>Adds a field computed from the record and its parent (<see cref="AddFieldTransform"/>).</summary>
    public static HttpStreamBuilder AddField(this HttpStreamBuilder stream, string field, Func<JsonObject, TransformArguments, JsonNode?> value) =>
        Checked(stream).Transform(new AddFieldTransform(new AddFieldOptions { Field = field, Value = value }));

    private static HttpStreamBuilder Checked(HttpStreamBuilder stream) => stream ?? throw new ArgumentNullException(nameof(stream));
}
