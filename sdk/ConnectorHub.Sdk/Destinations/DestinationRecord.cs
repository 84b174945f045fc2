using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Destinations;

/// <summary>One record to write.</summary>
/// <param name="Key">The record's stable key; results refer to it and replays reuse it, so retries never duplicate.</param>
/// <param name="Operation">What to do with it.</param>
/// <param name="Data">The record's fields, already mapped for this destination.</param>
public sealed record DestinationRecord(string Key, RecordOperation Operation, JsonObject Data);
