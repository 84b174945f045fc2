using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Sdk.Testing.Sources;

/// <summary>Paging defects the fixture makes its emulator serve, to prove the connector's guards.</summary>
public enum PagingFault
{
    /// <summary>The API answers the same next-page cursor again and again.</summary>
    RepeatedCursor,

    /// <summary>Past the last record, the API answers empty pages that still carry a fresh next cursor.</summary>
    EndlessEmptyPages,
}

/// <summary>Maps the kit's paging faults onto the sandbox emulators' <see cref="PagingMisbehaviour"/>.</summary>
public static class PagingFaultExtensions
{
    /// <summary>The misbehaviour that serves <paramref name="fault"/>; none for null.</summary>
    public static PagingMisbehaviour ToMisbehaviour(this PagingFault? fault) => fault switch
    {
        PagingFault.RepeatedCursor => PagingMisbehaviour.RepeatCursor,
        PagingFault.EndlessEmptyPages => PagingMisbehaviour.EndlessEmptyPages,
        _ => PagingMisbehaviour.None,
    };
}
