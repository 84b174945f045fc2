using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Benchmarks.Tracking;

/// <summary>
/// Realistic Segment batches: mostly track and page calls (a quarter of the visitors signed-in users), a tenth
/// identify calls, each with a context like analytics.js sends. The visitors are numbered
/// <c>firstVisitor .. firstVisitor + visitors - 1</c>: a range the hub has seen makes returning visitors, a fresh one
/// new visitors.
/// </summary>
internal static class TrackingEvents
{
    public static IReadOnlyList<JsonObject> Generate(int count, int firstVisitor, int visitors, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var events = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            var person = firstVisitor + random.Next(visitors);
            var call = new JsonObject
            {
                ["messageId"] = string.Create(CultureInfo.InvariantCulture, $"bench-{seed}-{i}"),
                ["anonymousId"] = string.Create(CultureInfo.InvariantCulture, $"anon-{person}"),
                ["timestamp"] = start.AddSeconds(i % 1_000_000).ToString("O", CultureInfo.InvariantCulture),
                ["context"] = new JsonObject
                {
                    ["ip"] = "203.0.113.7",
                    ["userAgent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
                    ["page"] = new JsonObject { ["path"] = "/products/" + (i % 500), ["url"] = "https://shop.example.com/products/" + (i % 500) },
                },
            };
            if (person % 4 == 0)
            {
                call["userId"] = string.Create(CultureInfo.InvariantCulture, $"user-{person}");
            }

            switch (random.Next(10))
            {
                case < 6:
                    call["type"] = "track";
                    call["event"] = random.Next(3) == 0 ? "Product Viewed" : "Product Added";
                    call["properties"] = new JsonObject { ["sku"] = "SKU-" + (i % 500), ["price"] = 10 + (i % 90), ["currency"] = "EUR" };
                    break;
                case < 9:
                    call["type"] = "page";
                    call["name"] = "Product";
                    call["properties"] = new JsonObject { ["path"] = "/products/" + (i % 500) };
                    break;
                default:
                    call["type"] = "identify";
                    call["userId"] = string.Create(CultureInfo.InvariantCulture, $"user-{person}");
                    call["traits"] = new JsonObject { ["email"] = $"person{person}@example.com", ["plan"] = "free" };
                    break;
            }

            events.Add(call);
        }

        return events;
    }
}
