namespace ConnectorHub.Host.Dashboard.Forms;

/// <summary>What the field partial renders: the field, its current text, whether a secret is stored, and its errors.</summary>
public sealed record FieldView(SchemaField Field, string Value, bool StoredSecret, IReadOnlyList<string> Errors);
