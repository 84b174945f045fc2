using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Streams;
using ConnectorHub.Sdk.Streams.Incremental;
using ConnectorHub.Sdk.Streams.Paging;
using ConnectorHub.Sdk.Streams.Partitions;
using ConnectorHub.Sdk.Streams.Records;

namespace ConnectorHub.Sdk.Manifests;

/// <summary>One stream of a manifest: its request, records, paginator, cursor, parent and schema.</summary>
internal sealed record ManifestStream(string Name, string? Parent, YamlNode Node, Action<HttpStreamBuilder, JsonObject> Describe);

/// <summary>Reads the manifest's <c>streams</c>.</summary>
internal static class ManifestStreams
{
    public static ManifestStream Read(YamlNode stream)
    {
        stream.AllowOnly("name", "description", "path", "method", "query", "headers", "body", "records", "primary_key", "paginator", "incremental", "parent", "schema");
        var name = stream.Required("name").Text();
        var path = stream.Required("path").Text();
        var method = stream.Optional("method")?.Choice(("GET", HttpMethod.Get), ("POST", HttpMethod.Post)) ?? HttpMethod.Get;
        var query = Templates(stream.Optional("query"));
        var headers = Templates(stream.Optional("headers"));
        var body = stream.Optional("body")?.ToJson() as JsonObject;
        var records = stream.OptionalText("records") ?? "$";
        Check(stream.Optional("records"), records);
        var key = stream.Optional("primary_key")?.Items().Select(k => k.Text()).ToArray() ?? [];
        var paginator = Paginator(stream.Optional("paginator"));
        var incremental = Incremental(stream.Optional("incremental"));
        var parent = stream.Optional("parent") is { } p ? Parent(p) : null;
        var schema = Schema(stream.Required("schema"));
        var description = stream.OptionalText("description");
        return new ManifestStream(name, parent?.ParentStream, stream, (builder, config) =>
        {
            builder.Request.Method = method;
            builder.Request.Path = path;
            builder.Request.Body = body?.DeepClone().AsObject();
            foreach (var (field, value) in query)
            {
                builder.Query(field, value.Render(config));
            }

            foreach (var (field, value) in headers)
            {
                builder.Header(field, value.Render(config));
            }

            builder.SelectRecords(records).WithSchema(schema.DeepClone().AsObject()).WithPrimaryKey(key);
            builder.Description = description;
            if (paginator is not null)
            {
                builder.WithPaginator(paginator(config));
            }

            if (incremental is not null)
            {
                builder.AddIncremental(incremental(config));
            }

            if (parent is not null)
            {
                builder.ForEachParent(parent);
            }
        });
    }

    private static IReadOnlyList<(string Name, ManifestTemplate Value)> Templates(YamlNode? map) =>
        map?.Entries().Select(e => (e.Key, ManifestTemplate.Parse(e.Value, "config"))).ToArray() ?? [];

    private static Func<JsonObject, IPaginator>? Paginator(YamlNode? paging)
    {
        if (paging is null)
        {
            return null;
        }

        var type = paging.Required("type").Text();
        RequestOption Option(string key, string fallback)
        {
            var name = paging.OptionalText(key) ?? fallback;
            var location = paging.Optional("inject_into")?.Choice(("query", RequestLocation.Query), ("body", RequestLocation.Body), ("header", RequestLocation.Header)) ?? RequestLocation.Query;
            return new RequestOption(name, location);
        }

        ManifestTemplate Size() => ManifestTemplate.Parse(paging.Required("page_size"), "config");
        int Render(ManifestTemplate size, JsonObject config) => int.TryParse(size.Render(config), out var n) && n > 0
            ? n
            : throw new Errors.ConfigurationException($"The page size '{size.Render(config)}' made from the connection's settings is not a positive whole number.");

        switch (type)
        {
            case "none":
                paging.AllowOnly("type");
                return null;
            case "cursor":
                paging.AllowOnly("type", "next_cursor", "next_cursor_header", "last_record_field", "has_more", "cursor_param", "inject_into");
                var options = new CursorPaginationOptions
                {
                    NextCursorPath = paging.OptionalText("next_cursor"),
                    NextCursorHeader = paging.OptionalText("next_cursor_header"),
                    LastRecordField = paging.OptionalText("last_record_field"),
                    HasMorePath = paging.OptionalText("has_more"),
                    CursorOption = Option("cursor_param", "cursor"),
                };
                try
                {
                    _ = new CursorPaginator(options);
                }
                catch (ArgumentException ex)
                {
                    throw paging.Error(ex.Message);
                }

                return _ => new CursorPaginator(options);
            case "next_url":
                paging.AllowOnly("type", "next_url");
                var next = paging.Required("next_url").Text();
                return _ => new NextUrlPaginator(new NextUrlPaginationOptions { NextUrlPath = next });
            case "link_header":
                paging.AllowOnly("type");
                return _ => new LinkHeaderPaginator();
            case "offset":
                paging.AllowOnly("type", "page_size", "offset_param", "limit_param", "has_more", "inject_into");
                var (offsetSize, offset, limit, hasMore) = (Size(), Option("offset_param", "offset"), Option("limit_param", "limit"), paging.OptionalText("has_more"));
                return config => new OffsetPaginator(new OffsetPaginationOptions { PageSize = Render(offsetSize, config), OffsetOption = offset, LimitOption = limit, HasMorePath = hasMore });
            case "page_number":
                paging.AllowOnly("type", "page_size", "page_param", "size_param", "first_page", "total_pages", "inject_into");
                var (pageSize, page, size, first, total) = (Size(), Option("page_param", "page"), Option("size_param", "per_page"), paging.Optional("first_page")?.Int() ?? 1, paging.OptionalText("total_pages"));
                return config => new PageNumberPaginator(new PageNumberPaginationOptions { PageSize = Render(pageSize, config), PageOption = page, SizeOption = size, FirstPage = first, TotalPagesPath = total });
            case "graphql":
                paging.AllowOnly("type", "page_info", "cursor_param");
                var (info, cursor) = (paging.Required("page_info").Text(), paging.OptionalText("cursor_param") ?? "variables.after");
                return _ => new GraphQlPaginator(new GraphQlPaginationOptions { PageInfoPath = info, CursorOption = RequestOption.InBody(cursor) });
            default:
                throw paging.Required("type").Error($"paginator type '{type}' is not one of none, cursor, next_url, link_header, offset, page_number, graphql.");
        }
    }

    private static Func<JsonObject, IncrementalOptions>? Incremental(YamlNode? incremental)
    {
        if (incremental is null)
        {
            return null;
        }

        incremental.AllowOnly("cursor_field", "request_format", "start_param", "inject_into", "sorted", "lookback", "start_date");
        var field = incremental.Required("cursor_field").Text();
        Check(incremental.Required("cursor_field"), field);
        var format = incremental.Optional("request_format")?.Choice(("iso8601", CursorFormat.Iso8601), ("unix_milliseconds", CursorFormat.UnixMilliseconds), ("unix_seconds", CursorFormat.UnixSeconds), ("date", CursorFormat.Date)) ?? CursorFormat.Iso8601;
        var location = incremental.Optional("inject_into")?.Choice(("query", RequestLocation.Query), ("body", RequestLocation.Body), ("header", RequestLocation.Header)) ?? RequestLocation.Query;
        var start = incremental.OptionalText("start_param") is { } param ? new RequestOption(param, location) : null;
        var sorted = incremental.Optional("sorted")?.Bool() ?? false;
        var lookback = incremental.Optional("lookback")?.Duration() ?? TimeSpan.Zero;
        var startDate = incremental.Optional("start_date") is { } s ? ManifestTemplate.Parse(s, "config") : null;
        return config => new IncrementalOptions
        {
            CursorField = field,
            RequestFormat = format,
            StartOption = start,
            SortedByCursor = sorted,
            Lookback = lookback,
            StartDate = startDate is null ? null : CursorValues.Read(JsonValue.Create(startDate.Render(config))),
        };
    }

    private static ParentStreamOptions Parent(YamlNode parent)
    {
        parent.AllowOnly("stream", "key");
        return new ParentStreamOptions { ParentStream = parent.Required("stream").Text(), PartitionKey = parent.OptionalText("key") ?? "id" };
    }

    private static JsonObject Schema(YamlNode node)
    {
        if (node.ToJson() is not JsonObject schema)
        {
            throw node.Error("schema must be a JSON Schema object (written in YAML).");
        }

        schema["$schema"] ??= "http://json-schema.org/draft-07/schema#";
        try
        {
            JsonSchemaValidator.FromJson(schema);
        }
        catch (ArgumentException ex)
        {
            throw node.Error($"schema is not a valid JSON Schema: {ex.Message}");
        }

        return schema;
    }

    private static void Check(YamlNode? node, string path)
    {
        try
        {
            FieldPath.Parse(path);
        }
        catch (FormatException ex)
        {
            throw (node ?? throw new InvalidOperationException(ex.Message)).Error(ex.Message);
        }
    }
}
