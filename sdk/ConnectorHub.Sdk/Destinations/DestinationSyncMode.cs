namespace ConnectorHub.Sdk.Destinations;

/// <summary>How records are applied at the destination.</summary>
public enum DestinationSyncMode
{
    /// <summary>Every record is added as sent.</summary>
    Append,

    /// <summary>The destination's copy is replaced by this run's records.</summary>
    Overwrite,

    /// <summary>Records are added, and deduplicated by primary key.</summary>
    AppendDedup,

    /// <summary>Insert new keys, update existing ones.</summary>
    Upsert,

    /// <summary>Update existing keys only; unknown keys are skipped.</summary>
    UpdateOnly,

    /// <summary>Insert new keys only; existing keys are left as they are.</summary>
    InsertOnly,

    /// <summary>Audience membership follows adds and removes.</summary>
    AddRemove,

    /// <summary>Audience membership mirrors the segment: whatever left the segment is removed.</summary>
    Mirror,
}
