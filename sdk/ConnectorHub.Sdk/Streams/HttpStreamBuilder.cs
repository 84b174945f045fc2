using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Incremental;
using ConnectorHub.Sdk.Streams.Paging;
using ConnectorHub.Sdk.Streams.Partitions;
using ConnectorHub.Sdk.Streams.Records;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams;

/// <summary>
/// Describes one HTTP stream: its request, where its records are, how it pages, reads incrementally, slices and
/// partitions, and its schema and key. Each part has a builder extension in its own folder
/// (<c>AddCursorPagination</c>, <c>AddIncremental</c>, ...). The stream owns the read loop, the guards and the state.
/// </summary>
public sealed class HttpStreamBuilder
{
    /// <summary>Starts the description of stream <paramref name="name"/>.</summary>
    public HttpStreamBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The stream's name (unique in the connector).</summary>
    public string Name { get; }

    /// <summary>The request of the first page.</summary>
    public RequestTemplate Request { get; } = new();

    /// <summary>Where the records are in a page (the whole body by default).</summary>
    public RecordSelector Selector { get; set; } = new("$");

    /// <summary>Transforms applied to every record, in order.</summary>
    public IList<IRecordTransform> Transforms { get; } = [];

    /// <summary>How the stream pages (none by default).</summary>
    public IPaginator Paginator { get; set; } = NoPagination.Instance;

    /// <summary>The paging guards (all on by default).</summary>
    public PagingGuardOptions Guards { get; set; } = new();

    /// <summary>Incremental reads, or null for full refresh only.</summary>
    public IncrementalOptions? Incremental { get; set; }

    /// <summary>Date slicing, or null.</summary>
    public DateSlicingOptions? Slicing { get; set; }

    /// <summary>The parent stream of a child stream, or null.</summary>
    public ParentStreamOptions? Parent { get; set; }

    /// <summary>The JSON Schema of the records.</summary>
    public JsonObject Schema { get; set; } = new() { ["$schema"] = "http://json-schema.org/draft-07/schema#", ["type"] = "object" };

    /// <summary>The primary key: one path (dotted) per component.</summary>
    public IList<string> PrimaryKey { get; } = [];

    /// <summary>Whether an interrupted full refresh resumes from its last page token (the API's paging must be stable).</summary>
    public bool ResumableFullRefresh { get; set; } = true;

    /// <summary>A description for the dashboard.</summary>
    public string? Description { get; set; }

    /// <summary>Whether the connection check reads this stream's first page (child streams never are).</summary>
    public bool Checked { get; set; } = true;

    /// <summary>GETs <paramref name="path"/> (<c>{field}</c> placeholders are filled from the parent record).</summary>
    public HttpStreamBuilder Get(string path) => Send(HttpMethod.Get, path);

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/>.</summary>
    public HttpStreamBuilder Post(string path, JsonObject? body = null)
    {
        Request.Body = body;
        return Send(HttpMethod.Post, path);
    }

    /// <summary>Adds a fixed query parameter.</summary>
    public HttpStreamBuilder Query(string name, string value)
    {
        Request.Query[name] = value;
        return this;
    }

    /// <summary>Adds a fixed header.</summary>
    public HttpStreamBuilder Header(string name, string value)
    {
        Request.Headers[name] = value;
        return this;
    }

    /// <summary>Adjusts each request from its arguments (parent record, slice, cursor).</summary>
    public HttpStreamBuilder CustomizeRequest(Action<PageRequest, RequestArguments> customize)
    {
        Request.Customize += customize;
        return this;
    }

    /// <summary>Takes the records from <paramref name="path"/> (for example <c>results</c>).</summary>
    public HttpStreamBuilder SelectRecords(string path)
    {
        Selector = new RecordSelector(path);
        return this;
    }

    /// <summary>Sets the record schema.</summary>
    public HttpStreamBuilder WithSchema(JsonObject schema)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        return this;
    }

    /// <summary>Sets the primary key's components (dotted paths).</summary>
    public HttpStreamBuilder WithPrimaryKey(params string[] fields)
    {
        PrimaryKey.Clear();
        foreach (var field in fields)
        {
            PrimaryKey.Add(field);
        }

        return this;
    }

    /// <summary>Sets the description.</summary>
    public HttpStreamBuilder Describe(string description)
    {
        Description = description;
        return this;
    }

    /// <summary>Sets the paginator.</summary>
    public HttpStreamBuilder WithPaginator(IPaginator paginator)
    {
        Paginator = paginator ?? throw new ArgumentNullException(nameof(paginator));
        return this;
    }

    /// <summary>Changes the paging guards (they are on by default).</summary>
    public HttpStreamBuilder WithGuards(PagingGuardOptions guards)
    {
        Guards = guards ?? throw new ArgumentNullException(nameof(guards));
        return this;
    }

    /// <summary>Adds a record transform.</summary>
    public HttpStreamBuilder Transform(IRecordTransform transform)
    {
        Transforms.Add(transform ?? throw new ArgumentNullException(nameof(transform)));
        return this;
    }

    private HttpStreamBuilder Send(HttpMethod method, string path)
    {
        Request.Method = method;
        Request.Path = path ?? throw new ArgumentNullException(nameof(path));
        return this;
    }
}
