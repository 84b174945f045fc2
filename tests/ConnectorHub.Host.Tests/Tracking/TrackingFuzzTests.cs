using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>
/// Thousands of random and malformed requests (seeded, so a failure reproduces): the hub never answers 5xx, and every
/// valid event sent is stored exactly once. Valid events carry ids <c>ok-*</c>; everything else is noise, including
/// every hostile class once found to crash the hub or fail others' commits (invalid UTF-8, duplicate keys, clock skew
/// beyond the calendar, lone surrogates, NUL, out-of-range numbers, over-long ids, names and traits) and compressed
/// bodies (gzip, deflate, br; some corrupt, some bombs). Two sources send at once, so hostile and valid requests share
/// commits.
/// </summary>
public sealed class TrackingFuzzTests
{
    private const int Seed = 20261122;
    private const int Requests = 2_000;

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task RandomAndMalformedPayloads_NeverGive5xx_AndLoseNoValidEvent(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        using var second = await hub.AddSourceAsync("fuzz-second");
        var random = new Random(Seed);
        var plans = Enumerable.Range(0, Requests).Select(i => Plan(random, i)).ToArray();
        var sentValid = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (plan, _) =>
        {
            var (status, body, _) = await hub.SendBytesAsync(plan.Path, plan.Wire, plan.Encoding, plan.Number % 2 == 0 ? null : second);
            if (status is not (200 or 400))
            {
                failures.Enqueue($"{plan.Path} answered {status}: {body.ToJsonString()} for {Shorten(plan.Body)}");
            }

            if (status == 200 && body["accepted"]!.GetValue<int>() < plan.ValidIds.Count)
            {
                failures.Enqueue($"{plan.Path} accepted {body["accepted"]} of {plan.ValidIds.Count} valid events: {body.ToJsonString()}");
            }

            if (status == 200)
            {
                foreach (var id in plan.ValidIds)
                {
                    sentValid[id] = true;
                }
            }
            else if (plan.ValidIds.Count > 0)
            {
                failures.Enqueue($"A request of only well-formed events answered {status}: {body.ToJsonString()}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(10)));
        var stored = await hub.ScalarAsync<long>("SELECT count(DISTINCT message_id) FROM events WHERE message_id LIKE 'ok-%'");
        Assert.True(sentValid.Count > Requests, $"The generator sent only {sentValid.Count} valid events.");
        Assert.Equal(sentValid.Count, stored);
    }

    /// <summary>A request to send: its body as text (hostile markers in it), and as sent (encoded, maybe compressed).</summary>
    private sealed record FuzzPlan(string Path, string Body, IReadOnlyList<string> ValidIds, int Number = 0, string? Encoding = null)
    {
        public byte[] Wire { get; init; } = HostileInputTests.Body(Body);
    }

    private static FuzzPlan Plan(Random random, int n)
    {
        var plan = random.Next(12) switch
        {
            < 4 => ValidBatch(random, n),
            < 7 => MixedBatch(random, n),
            < 9 => Mutated(random, ValidBatch(random, n)),
            9 => new FuzzPlan("/v1/" + Pick(random, ["track", "identify", "page", "screen", "group", "alias"]), Hostile(random, "bad-" + n), []),
            10 => new FuzzPlan("/v1/" + Pick(random, ["track", "identify", "page", "screen", "group", "alias"]), Garbage(random), []),
            _ => new FuzzPlan("/v1/batch", Garbage(random), []),
        };
        return Compressed(random, plan with { Number = n });
    }

    /// <summary>A quarter of the plans are sent compressed; a few of those corrupt or as a bomb (none then is valid).</summary>
    private static FuzzPlan Compressed(Random random, FuzzPlan plan)
    {
        if (random.Next(4) != 0)
        {
            return plan;
        }

        var encoding = Pick(random, ["gzip", "deflate", "br"]);
        return random.Next(10) switch
        {
            0 => plan with { Encoding = encoding, ValidIds = [], Wire = plan.Wire.Take(Math.Max(1, plan.Wire.Length / 2)).ToArray() },
            1 => plan with { Encoding = encoding, ValidIds = [], Wire = CompressedBodyTests.Compress(CompressedBodyTests.Bomb(4 * 1024 * 1024), encoding) },
            _ => plan with { Encoding = encoding, Wire = CompressedBodyTests.Compress(plan.Wire, encoding) },
        };
    }

    private static FuzzPlan ValidBatch(Random random, int n)
    {
        var items = new JsonArray();
        var ids = new List<string>();
        for (var i = 0; i < random.Next(1, 8); i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"ok-{n}-{i}");
            ids.Add(id);
            items.Add(Valid(random, id));
        }

        var body = new JsonObject { ["batch"] = items };
        if (random.Next(3) == 0)
        {
            body["context"] = new JsonObject { ["library"] = new JsonObject { ["name"] = "fuzz" }, ["ip"] = "127.0.0.1" };
        }

        return new FuzzPlan("/v1/batch", body.ToJsonString(), ids);
    }

    /// <summary>Valid and invalid events together: the valid ones must all be stored, the request still 200.</summary>
    private static FuzzPlan MixedBatch(Random random, int n)
    {
        var items = new JsonArray();
        var ids = new List<string>();
        for (var i = 0; i < random.Next(1, 8); i++)
        {
            if (random.Next(2) == 0)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"ok-{n}-{i}");
                ids.Add(id);
                items.Add(Valid(random, id));
            }
            else if (random.Next(2) == 0)
            {
                items.Add(Invalid(random, string.Create(CultureInfo.InvariantCulture, $"bad-{n}-{i}")));
            }
            else
            {
                items.Add(HostileMarker + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        // Hostile items are raw JSON text (some not even UTF-8), spliced in where their markers stand.
        var body = new JsonObject { ["batch"] = items }.ToJsonString();
        for (var i = 0; i < items.Count; i++)
        {
            body = body.Replace($"\"{HostileMarker}{i}\"", Hostile(random, string.Create(CultureInfo.InvariantCulture, $"bad-{n}-{i}")), StringComparison.Ordinal);
        }

        return new FuzzPlan("/v1/batch", body, ids);
    }

    private const string HostileMarker = "@@HOSTILE@@";

    /// <summary>One call of a class once found to crash the hub or to fail the commit it shared (as raw JSON text).</summary>
    private static string Hostile(Random random, string id)
    {
        var who = $$$"""
            "type":"{{{Pick(random, ["track", "identify", "page", "screen", "group", "alias"])}}}","userId":"user-{{{random.Next(200)}}}","messageId":"{{{id}}}","event":"E","groupId":"g-1","previousId":"anon-1"
            """;
        return random.Next(12) switch
        {
            0 => $$$"""{{{{who}}},"properties":{"v":"caf@@INVALID-UTF8@@"}}""",
            1 => $$$"""{{{{who}}},"properties":{"k":1,"k":2}}""",
            2 => $$$"""{{{{who}}},"timestamp":"0001-01-01T00:00:00Z","sentAt":"9999-12-31T00:00:00Z"}""",
            3 => $$$"""{{{{who}}},"timestamp":"9999-12-31T00:00:00Z","sentAt":"0001-01-01T00:00:00Z"}""",
            4 => $$$"""{{{{who}}},"properties":{"s":"\ud800x"}}""",
            5 => $$$"""{{{{who}}},"context":{"note":"a\u0000b"}}""",
            6 => $$$"""{{{{who}}},"properties":{"n":1e{{{random.Next(131_073, 10_000_000)}}}}}""",
            7 => $$$"""{"type":"identify","userId":"{{{new string('u', random.Next(1_001, 5_000))}}}","messageId":"{{{id}}}"}""",
            8 => $$$"""{"type":"identify","userId":"u","messageId":"{{{id}}}","traits":{"bio":"{{{Noise(random, random.Next(2_001, 8_000))}}}"}}""",
            9 => $$$"""{"type":"track","userId":"u","messageId":"{{{id}}}","event":"{{{Noise(random, random.Next(1_001, 8_000))}}}"}""",
            10 => $$$"""{"type":"identify","userId":"u","messageId":"{{{id}}}","context":{"externalIds":[{"id":"1","type":"{{{Noise(random, 150)}}}"}]}}""",
            _ => $$$"""{{{{who}}},"a":1,"a":2}""",
        };
    }

    /// <summary>Letters and digits that do not compress (PostgreSQL compresses repetitive index entries under its size limit).</summary>
    private static string Noise(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[random.Next(62)]).ToArray());

    private static JsonNode Valid(Random random, string id)
    {
        var who = random.Next(3) switch
        {
            0 => new JsonObject { ["userId"] = "user-" + random.Next(200) },
            1 => new JsonObject { ["anonymousId"] = "anon-" + random.Next(400) },
            _ => new JsonObject { ["userId"] = random.Next(200), ["anonymousId"] = "anon-" + random.Next(400) },
        };
        who["messageId"] = id;
        var type = Pick(random, ["track", "identify", "page", "screen", "group", "alias"]);
        who["type"] = type;
        switch (type)
        {
            case "track":
                who["event"] = RandomText(random, 1, 30);
                who["properties"] = RandomObject(random, 2);
                break;
            case "identify":
                who["traits"] = RandomObject(random, 2);
                if (random.Next(2) == 0)
                {
                    who["traits"]!["email"] = $"person{random.Next(300)}@example.com";
                }

                break;
            case "group":
                who["groupId"] = "g-" + random.Next(20);
                who["traits"] = new JsonObject { ["name"] = RandomText(random, 0, 10) };
                break;
            case "alias":
                who["userId"] = "user-" + random.Next(200);
                who["previousId"] = random.Next(2) == 0 ? "anon-" + random.Next(400) : "user-" + random.Next(200);
                break;
            default:
                who["name"] = RandomText(random, 0, 20);
                if (random.Next(2) == 0)
                {
                    who["category"] = RandomText(random, 1, 10);
                }

                break;
        }

        if (random.Next(4) == 0)
        {
            var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(500_000));
            who["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture);
            who["sentAt"] = at.AddSeconds(random.Next(100)).ToString("O", CultureInfo.InvariantCulture);
        }

        return who;
    }

    private static JsonNode Invalid(Random random, string id) => random.Next(7) switch
    {
        0 => new JsonObject { ["type"] = "track", ["userId"] = "u", ["messageId"] = id },
        1 => new JsonObject { ["type"] = "identify", ["messageId"] = id },
        2 => new JsonObject { ["type"] = "alias", ["userId"] = "u", ["messageId"] = id },
        3 => new JsonObject { ["type"] = "group", ["anonymousId"] = "a", ["messageId"] = id },
        4 => new JsonObject { ["type"] = "track", ["event"] = "E", ["userId"] = new JsonArray(1, 2), ["messageId"] = id },
        5 => new JsonObject { ["type"] = "page", ["anonymousId"] = "a", ["properties"] = "text", ["messageId"] = id },
        _ => JsonValue.Create(random.Next()),
    };

    /// <summary>A valid body with a few bytes changed, cut or repeated: sometimes still JSON, mostly not.</summary>
    private static FuzzPlan Mutated(Random random, FuzzPlan plan)
    {
        var bytes = new StringBuilder(plan.Body.Replace("\"ok-", "\"mut-", StringComparison.Ordinal));
        for (var i = 0; i < random.Next(1, 4); i++)
        {
            var at = random.Next(bytes.Length);
            _ = random.Next(3) switch
            {
                0 => bytes.Remove(at, Math.Min(bytes.Length - at, random.Next(1, 5))),
                1 => bytes.Insert(at, Pick(random, ["{", "}", "[", "]", ",", ":", "\"", "\\", "nul", "1e999", "\u0000"])),
                _ => bytes.Length > 10 ? bytes.Remove(random.Next(bytes.Length / 2, bytes.Length), 1) : bytes,
            };
        }

        return new FuzzPlan(plan.Path, bytes.ToString(), []);
    }

    private static string Garbage(Random random) => random.Next(6) switch
    {
        0 => string.Empty,
        1 => "[1,2,3]",
        2 => new string('[', 200) + new string(']', 200),
        3 => "{\"batch\": " + Pick(random, ["null", "{}", "\"x\"", "42", "[[]]"]) + "}",
        4 => "{\"userId\": \"u\", \"event\": \"E\", \"writeKey\": 5, \"timestamp\": 12}",
        _ => new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(1, 0x2FF)).ToArray()),
    };

    private static JsonObject RandomObject(Random random, int depth)
    {
        var result = new JsonObject();
        for (var i = 0; i < random.Next(0, 5); i++)
        {
            var key = RandomText(random, 1, 12);
            result[key] = random.Next(depth > 0 ? 6 : 4) switch
            {
                0 => RandomText(random, 0, 40),
                1 => random.NextDouble() * 1e6,
                2 => random.Next(2) == 0,
                3 => null,
                4 => new JsonArray(RandomText(random, 0, 5), random.Next()),
                _ => RandomObject(random, depth - 1),
            };
        }

        return result;
    }

    private static string RandomText(Random random, int min, int max) =>
        new(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => random.Next(8) == 0 ? (char)random.Next(0x80, 0x2FF) : (char)random.Next(0x20, 0x7F)).ToArray());

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
