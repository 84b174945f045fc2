using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.File.Rows;

/// <summary>What reading a file yields, in file order.</summary>
internal abstract record FileRow;

/// <summary>A good row: one record.</summary>
/// <param name="Line">The line where the row starts (1-based, header included).</param>
/// <param name="Data">The record.</param>
internal sealed record DataRow(long Line, JsonObject Data) : FileRow;

/// <summary>A row that cannot be read: it is set aside with the reason, and reading goes on.</summary>
/// <param name="Line">The line where the row starts (1-based, header included).</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
/// <param name="Raw">The row's text as it is in the file.</param>
internal sealed record RejectedRow(long Line, string Reason, string Raw) : FileRow;

/// <summary>Something about the whole file worth telling (an empty file, for example); not a row.</summary>
/// <param name="Message">The notice.</param>
internal sealed record FileNotice(string Message) : FileRow;
