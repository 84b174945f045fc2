namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>The events of a request could not be committed (the store failed); the client should retry.</summary>
public sealed class TrackingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
