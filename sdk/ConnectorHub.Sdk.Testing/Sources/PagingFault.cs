namespace ConnectorHub.Sdk.Testing.Sources;

/// <summary>Paging defects the fixture makes its emulator serve, to prove the connector's guards.</summary>
public enum PagingFault
{
    /// <summary>The API answers the same next-page cursor again and again.</summary>
    RepeatedCursor,

    /// <summary>Past the last record, the API answers empty pages that still carry a fresh next cursor.</summary>
    EndlessEmptyPages,
}
