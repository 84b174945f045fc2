using ConnectorHub.Benchmarks.Engine;

// dotnet run -c Release --project bench/ConnectorHub.Benchmarks.Engine -- overhead [records] [rounds]
// dotnet run -c Release --project bench/ConnectorHub.Benchmarks.Engine -- memory [records]
var mode = args.ElementAtOrDefault(0) ?? "overhead";
return mode switch
{
    "overhead" => await OverheadBenchmark.RunAsync(Arg(1, 1_000_000), Arg(2, 3)),
    "memory" => await MemoryBenchmark.RunAsync(Arg(1, 5_000_000)),
    _ => Usage(),
};

int Arg(int index, int fallback) => int.TryParse(args.ElementAtOrDefault(index), out var value) ? value : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: overhead [records] [rounds] | memory [records]");
    return 2;
}
