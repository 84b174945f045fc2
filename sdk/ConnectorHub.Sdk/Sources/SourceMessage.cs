using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Sdk.Sources;

/// <summary>One item in the sequence a source emits while reading.</summary>
public abstract record SourceMessage;

/// <summary>A record of <paramref name="Stream"/>.</summary>
/// <param name="Stream">The stream the record belongs to.</param>
/// <param name="Data">The record, shaped as the stream's JSON Schema describes.</param>
public sealed record RecordMessage(string Stream, JsonObject Data) : SourceMessage;

/// <summary>
/// A checkpoint of <paramref name="Stream"/>: reading again from <paramref name="State"/> loses nothing emitted
/// before this message. The state is opaque to the host, which stores it as given.
/// </summary>
public sealed record StateMessage(string Stream, JsonNode State) : SourceMessage;

/// <summary>A record the source could not read, set aside with the reason; the read goes on.</summary>
/// <param name="Stream">The stream the record belongs to.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
/// <param name="Location">Where the record is (for example <c>customers.csv line 17</c>).</param>
/// <param name="RawData">The raw record as read, for inspection and replay.</param>
public sealed record RecordRejectedMessage(string Stream, string Reason, string? Location = null, string? RawData = null) : SourceMessage;

/// <summary>A log line for the run's history.</summary>
public sealed record LogMessage(LogLevel Level, string Message) : SourceMessage;
