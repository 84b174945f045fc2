namespace ConnectorHub.Sdk.Settings;

/// <summary>
/// Marks a setting as secret: its schema property gets <c>"secret": true</c>, so the host encrypts it at rest, masks
/// it in the API and the dashboard, and redacts its value from logs and failed-request records.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SecretAttribute : Attribute;
