using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Benchmarks.Measurement;
using ConnectorHub.Core.Mapping;

// Maps synthetic HubSpot-like contacts with a 10-field mapping on one thread and reports records per second.
// Usage: dotnet run -c Release [-- records]
const string mappingText = """
    entity: profile_fragment
    settings: { default_region: US, time_zone: America/New_York }
    fields:
      source: { const: hubspot }
      record_key: id
      observed_at: { from: updatedAt, type: date-time }
      identifiers[]:
        - { type: { const: hubspot.contact_id }, value: id }
        - { type: { const: email }, value: { from: properties.email, normalize: email } }
      traits.first_name: { from: properties.firstname, normalize: name }
      traits.last_name: { from: properties.lastname, normalize: name }
      traits.email: { from: properties.email, normalize: email }
      traits.phone: { from: properties.phone, normalize: phone }
      traits.address.country: { from: properties.country, normalize: country }
      traits.company: properties.company
    """;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
Console.WriteLine($"Start: {MachineLoad.Describe()}");
var mapping = MappingCompiler.Compile(mappingText, "bench.yaml");
var records = Enumerable.Range(0, 1000).Select(Contact).ToArray();

foreach (var validate in new[] { false, true })
{
    var options = new MappingOptions { ValidateAgainstSchema = validate };
    Run(mapping, records, options, 20_000); // warm-up
    var cpuBefore = ProcessStat.Read(Environment.ProcessId)!.OwnSeconds;
    var elapsed = Run(mapping, records, options, count);
    var cpu = ProcessStat.Read(Environment.ProcessId)!.OwnSeconds - cpuBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"schema validation {(validate ? "on " : "off")}: {count:N0} records in {elapsed.TotalMilliseconds:N0} ms = {count / elapsed.TotalSeconds:N0} records/s, {cpu / count * 1e6:0.00} CPU µs/record (one thread)"));
}

// The cost of each kind of rule alone: a one-field mapping per normalizer, without schema validation.
var unvalidated = new MappingOptions { ValidateAgainstSchema = false };
foreach (var (rule, value) in new (string, string)[]
{
    ("v", "x"), ("{ from: v, normalize: email }", " Ann@Example.COM "), ("{ from: v, normalize: phone }", "(415) 555-0132"),
    ("{ from: v, normalize: country }", "United Kingdom"), ("{ from: v, normalize: name }", "  Ann  Lee "),
    ("{ from: v, normalize: datetime }", "2024-06-01T08:00:00.000Z"), ("{ from: v, normalize: datetime }", "03/05/2024 2:00 PM"),
    ("{ from: v, type: date-time }", "1709647200"), ("{ from: v, normalize: sha256 }", "ann@example.com"),
    ("\"{{ email v }}\"", "Ann@Example.com"), ("\"{{ v }}\"", "Ann"), ("\"{{ name v }} {{ uppercase v }}\"", "  Ann  Lee "),
    ("\"{{ if v == 'web' }}online{{ else }}in_store{{ end }}\"", "web"), ("\"{{ v | email | sha256 }}\"", "Ann@Example.com"),
})
{
    var single = MappingCompiler.Compile($"entity: account\nfields:\n  name: {rule}\n", "rule.yaml");
    var record = new JsonObject { ["v"] = value };
    var calls = 200_000;
    for (var i = 0; i < 20_000; i++)
    {
        single.Map(record, unvalidated); // warm-up (tiered JIT)
    }

    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        single.Map(record, unvalidated);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rule,-58} {value,-20} {stopwatch.Elapsed.TotalMilliseconds * 1000 / calls:N2} µs/record"));
}

static TimeSpan Run(CompiledMapping mapping, JsonObject[] records, MappingOptions options, int count)
{
    var mapped = 0;
    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        mapped += mapping.Map(records[i % records.Length], options).IsMapped ? 1 : 0;
    }

    stopwatch.Stop();
    if (mapped != count)
    {
        throw new InvalidOperationException($"Only {mapped} of {count} records mapped.");
    }

    return stopwatch.Elapsed;
}

static JsonObject Contact(int i) => new()
{
    ["id"] = i.ToString(CultureInfo.InvariantCulture),
    ["updatedAt"] = "2024-06-01T08:00:00.000Z",
    ["properties"] = new JsonObject
    {
        ["email"] = $" User{i}@Example.COM ",
        ["firstname"] = "  Ann ",
        ["lastname"] = "Lee",
        ["phone"] = $"(415) 555-{i % 10000:D4}",
        ["country"] = i % 2 == 0 ? "United Kingdom" : "US",
        ["company"] = "Acme",
    },
};
