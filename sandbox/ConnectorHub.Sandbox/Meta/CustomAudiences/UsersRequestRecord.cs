namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>One <c>/{audience_id}/users</c> request the emulator answered with 200, for tests to inspect.</summary>
/// <param name="Remove">Whether it removed users (DELETE) rather than adding them.</param>
/// <param name="AudienceId">The audience.</param>
/// <param name="SessionId">The session's id; null when the request named no session (each such request stands alone).</param>
/// <param name="BatchSeq">The batch's <c>batch_seq</c>; null without a session.</param>
/// <param name="LastBatchFlag">The batch's <c>last_batch_flag</c>; false without a session.</param>
/// <param name="Schema">The schema keys as sent.</param>
/// <param name="Rows">How many rows it carried.</param>
/// <param name="InvalidRows">How many of them were invalid.</param>
/// <param name="Discarded">Whether the batch arrived after its session ended and was ignored.</param>
public sealed record UsersRequestRecord(
    bool Remove,
    string AudienceId,
    long? SessionId,
    int? BatchSeq,
    bool LastBatchFlag,
    IReadOnlyList<string> Schema,
    int Rows,
    int InvalidRows,
    bool Discarded);
