namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>What a rule does when its normalizers or type coercion fail (<c>on_error:</c>).</summary>
public enum FailureAction
{
    /// <summary>Set the whole record aside as a rejection naming the rule, field and reason (the default).</summary>
    Reject,

    /// <summary>Leave the field out and map the rest of the record.</summary>
    Skip,
}
