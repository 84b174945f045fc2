namespace ConnectorHub.Sdk.Destinations;

/// <summary>What the destination should do with a record.</summary>
public enum RecordOperation
{
    /// <summary>Create or update the record.</summary>
    Upsert,

    /// <summary>Delete the record (for example a deletion request).</summary>
    Delete,

    /// <summary>Add the record to an audience.</summary>
    Add,

    /// <summary>Remove the record from an audience.</summary>
    Remove,
}
