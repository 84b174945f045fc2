using Npgsql;

namespace ConnectorHub.Benchmarks.Measurement;

/// <summary>
/// Where CPU seconds are read from: one process, or the PostgreSQL server (its postmaster and every child). A source
/// that <see cref="CountsToCost"/> adds to the side's total (a load generator's CPU is reported but does not).
/// </summary>
public sealed class CpuSource
{
    private readonly Func<double?> _read;

    private CpuSource(string name, bool countsToCost, Func<double?> read)
    {
        Name = name;
        CountsToCost = countsToCost;
        _read = read;
    }

    /// <summary>The column this source is reported under.</summary>
    public string Name { get; }

    /// <summary>Whether the source's CPU is part of what the side costs.</summary>
    public bool CountsToCost { get; }

    /// <summary>CPU seconds used so far, or null when they cannot be read (a remote server).</summary>
    public double? ReadSeconds() => _read();

    /// <summary>This process (every thread).</summary>
    public static CpuSource ThisProcess(string name, bool countsToCost = true) => Process(name, Environment.ProcessId, countsToCost);

    /// <summary>The process <paramref name="pid"/> (every thread; its exited children are not counted).</summary>
    public static CpuSource Process(string name, int pid, bool countsToCost = true) =>
        new(name, countsToCost, () => ProcessStat.Read(pid)?.OwnSeconds ?? throw new InvalidOperationException($"The process {pid} ({name}) has exited."));

    /// <summary>
    /// The PostgreSQL server that <paramref name="connectionString"/> reaches, when it runs on this machine: its
    /// postmaster (the parent of a backend) and all its children, including those that exited since it started
    /// (backends, autovacuum workers, parallel workers: the postmaster reaps them, so the kernel adds their CPU to its
    /// children's total). Null readings for a server on another machine.
    /// </summary>
    public static async Task<CpuSource> PostgresAsync(string connectionString, string name = "PostgreSQL")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        var postmaster = ProcessStat.Read(backend)?.ParentPid;
        return new CpuSource(name, countsToCost: true, () => postmaster is { } pid ? ServerSeconds(pid) : null);
    }

    private static double ServerSeconds(int postmaster)
    {
        var server = ProcessStat.Read(postmaster) ?? throw new InvalidOperationException($"The PostgreSQL postmaster {postmaster} has exited.");
        return server.OwnSeconds + server.ReapedChildrenSeconds + ProcessStat.ChildrenOf(postmaster).Sum(c => c.OwnSeconds);
    }
}
