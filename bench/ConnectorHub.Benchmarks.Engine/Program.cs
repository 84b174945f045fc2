using ConnectorHub.Benchmarks.Engine;
using ConnectorHub.Benchmarks.Measurement;

// dotnet run -c Release --project bench/ConnectorHub.Benchmarks.Engine -- overhead [records=500000] [rounds=5] [store=Sqlite|Postgres]
// dotnet run -c Release --project bench/ConnectorHub.Benchmarks.Engine -- memory [records=5000000] [store=Sqlite|Postgres]
var arguments = new BenchArguments(args.Skip(1));
var store = arguments.Text("store", "Sqlite");
return args.ElementAtOrDefault(0) switch
{
    "overhead" or null => await OverheadBenchmark.RunAsync(arguments.Count("records", 500_000), arguments.Count("rounds", 5), store),
    "memory" => await MemoryBenchmark.RunAsync(arguments.Count("records", 5_000_000), store),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: overhead [records=N] [rounds=N] [store=Sqlite|Postgres] | memory [records=N] [store=Sqlite|Postgres]");
    return 2;
}
